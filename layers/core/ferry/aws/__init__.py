"""The AWS adapters, and the only place boto3/botocore are imported: DynamoDB (`dynamo`, one module per
aggregate behind one `Store`), S3 (`s3`), Secrets Manager (`secrets`), EventBridge (`events`), Step Functions
(`stepfunctions`) and the lazily created clients they share (`clients`).

May import: `ferry.core` only. Adapters speak in records and plain values, never in HTTP or use-case terms.
"""
