"""Handlers for the local-stack fixture template: each proves one path reaches the in-process code."""

import os
import urllib.parse

import boto3


def _table():  # type: ignore[no-untyped-def]
    return boto3.resource("dynamodb").Table(os.environ["FIXTURE_TABLE"])


def record(event, context):  # type: ignore[no-untyped-def]
    """S3 trigger: note each uploaded key in the table."""
    for rec in event["Records"]:
        key = urllib.parse.unquote_plus(rec["s3"]["object"]["key"])
        _table().put_item(Item={"PK": "UPLOAD", "SK": key, "G1": rec["eventName"]})
    return {"recorded": len(event["Records"])}


def work(event, context):  # type: ignore[no-untyped-def]
    if event.get("fail"):
        raise ValueError("asked to fail")
    return {"doubled": event["n"] * 2, "function": context.function_name}


def park(event, context):  # type: ignore[no-untyped-def]
    """Store the task token where the test can find it (like a run parked for a person)."""
    _table().put_item(
        Item={"PK": "TOKEN", "SK": event["execution"], "token": event["token"]},
        ConditionExpression="attribute_not_exists(PK)",
    )
    return {}
