"""The local stack reproduces what template.yaml declares."""

from __future__ import annotations

from local.stack import LocalStack
from local.template import Template


def test_tables_are_created_with_the_template_key_schema(stack: LocalStack) -> None:
    template = Template.load()
    declared = template.resources["Table"]["Properties"]
    table = stack.client("dynamodb").describe_table(TableName=stack.table_name)["Table"]
    assert table["KeySchema"] == declared["KeySchema"]
    assert {g["IndexName"] for g in table["GlobalSecondaryIndexes"]} == {
        g["IndexName"] for g in declared["GlobalSecondaryIndexes"]
    }
    ttl = stack.client("dynamodb").describe_time_to_live(TableName=stack.table_name)
    assert ttl["TimeToLiveDescription"]["AttributeName"] == "expires_at"


def test_bucket_notifies_the_ingest_function_for_uploads(stack: LocalStack) -> None:
    config = stack.client("s3").get_bucket_notification_configuration(Bucket=stack.bucket_name)
    (only,) = config["LambdaFunctionConfigurations"]
    assert only["LambdaFunctionArn"].endswith(":function:IngestFunction")
    (rule,) = only["Filter"]["Key"]["FilterRules"]
    assert (rule["Name"].lower(), rule["Value"]) == ("prefix", "uploads/")


def test_function_environment_is_resolved_from_the_template(stack: LocalStack) -> None:
    assert stack.env["FERRY_TABLE_NAME"] == stack.table_name
    assert stack.env["FERRY_BUCKET_NAME"] == "ferry-local-123456789012-us-east-1"
    assert stack.env["FERRY_EVENT_BUS_NAME"] == "ferry-local"
