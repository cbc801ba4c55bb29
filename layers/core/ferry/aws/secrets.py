"""Secrets Manager: the only module that reads or writes connection credentials.

One secret per connection, named `ferry/connections/<connection_id>`, holding the credentials as a JSON
object. Callers keep only the secret's ARN. Nothing here logs a value or puts one in an exception.
"""

from __future__ import annotations

import json
from typing import Any

from botocore.exceptions import ClientError

from ferry.aws import clients as aws
from ferry.core.observability import logger

SECRET_PREFIX = "ferry/connections/"  # noqa: S105 - a name prefix, not a secret


def secret_name(connection_id: str) -> str:
    """The secret's name for a connection (the template's IAM policy is scoped to this prefix)."""
    return f"{SECRET_PREFIX}{connection_id}"


class Vault:
    """Connection secrets. `client` is an optional boto3 Secrets Manager client (tests may stub it)."""

    def __init__(self, client: Any = None) -> None:
        self._client = client

    @property
    def client(self) -> Any:
        """The injected client, else the shared lazily created one."""
        return self._client or aws.client("secretsmanager")

    def put_credentials(self, connection_id: str, credentials: dict[str, str], *, account_id: str) -> str:
        """Create or replace the connection's secret; returns its ARN."""
        payload = json.dumps(credentials, separators=(",", ":"))
        name = secret_name(connection_id)
        try:
            arn = self.client.create_secret(
                Name=name,
                SecretString=payload,
                Description="Ferry connection credentials",
                Tags=[{"Key": "ferry:account_id", "Value": account_id}],
            )["ARN"]
        except ClientError as exc:
            if _code(exc) != "ResourceExistsException":
                raise
            arn = self.client.put_secret_value(SecretId=name, SecretString=payload)["ARN"]
        logger.info("connection secret stored", connection_id=connection_id)
        return str(arn)

    def get_credentials(self, secret_arn: str) -> dict[str, str] | None:
        """The stored credentials, or None when the secret is gone."""
        try:
            value = self.client.get_secret_value(SecretId=secret_arn)["SecretString"]
        except ClientError as exc:
            if _code(exc) in ("ResourceNotFoundException", "InvalidRequestException"):
                return None
            raise
        data = json.loads(value)
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else None

    def delete_credentials(self, secret_arn: str) -> None:
        """Delete the secret at once (no recovery window: a deleted connection's keys must not linger)."""
        try:
            self.client.delete_secret(SecretId=secret_arn, ForceDeleteWithoutRecovery=True)
        except ClientError as exc:
            if _code(exc) != "ResourceNotFoundException":
                raise
        logger.info("connection secret deleted")


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))
