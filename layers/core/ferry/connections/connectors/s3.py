"""Amazon S3 (or an S3-compatible store): CSV, XLSX and JSONL files under a bucket and prefix.

Each file is a stream named by its key below the prefix. CSV/XLSX files are handed over as-is (the
ingestion sniffer reads them exactly like an upload); JSONL files are read as records. The bookmark is
the object's LastModified (`file_version`): files not modified since are skipped.

Its client is its own (ferry.aws.clients.foreign_client): it reads the *customer's* bucket with the customer's
keys, never with the function's role (which could read Ferry's own bucket).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from pydantic import Field, SecretStr

from ferry.aws.clients import AwsCallFailed, call_aws, foreign_client
from ferry.connections.connectors.base import (
    Connector,
    ConnectorConfig,
    ConnectorCredentials,
    CredentialsRejected,
    Record,
    SourceUnavailable,
    remaining_seconds,
    secret,
)
from ferry.connections.connectors.ssrf import check_url, check_url_literal
from ferry.core.config import get_settings
from ferry.core.errors import InvalidRequest

_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xls", ".jsonl", ".ndjson")
_MAX_FILES = 1000
_DENIED = {"AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "403", "AllAccessDisabled"}


class S3Config(ConnectorConfig):
    bucket: str = Field(min_length=3, max_length=63, pattern=r"^[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]$")
    prefix: str = Field(default="", max_length=1024)
    region: str = Field(default="us-east-1", pattern=r"^[a-z]{2}(-[a-z]+)+-\d$")
    endpoint_url: str | None = Field(default=None, max_length=2048, description="For S3-compatible stores.")


class S3Credentials(ConnectorCredentials):
    aws_access_key_id: str = Field(min_length=16, max_length=128, pattern=r"^[A-Z0-9]+$")
    aws_secret_access_key: SecretStr = secret("The access key's secret.", min_length=1, max_length=256)


class S3Connector(Connector):
    """Files in an S3 bucket."""

    source_key: ClassVar[str] = "s3"
    name: ClassVar[str] = "Amazon S3"
    category: ClassVar[str | None] = "Storage"
    config_model = S3Config
    credentials_model = S3Credentials

    def __init__(self, config: ConnectorConfig, credentials: ConnectorCredentials) -> None:
        super().__init__(config, credentials)
        assert isinstance(config, S3Config) and isinstance(credentials, S3Credentials)
        self.check_config(config)
        self._config = config
        self._credentials = credentials
        self._client: Any = None
        self._modified: dict[str, str] = {}

    @classmethod
    def check_config(cls, config: ConnectorConfig) -> None:
        """Not Ferry's own bucket; a custom endpoint must be a public http(s) URL."""
        assert isinstance(config, S3Config)
        if config.bucket == get_settings().bucket_name:
            raise InvalidRequest(
                "That bucket is Ferry's own storage; connect a bucket of yours.", param="config.bucket"
            )
        if config.endpoint_url:
            check_url_literal(config.endpoint_url)

    @property
    def client(self) -> Any:
        """The S3 client, signed with the connection's own keys."""
        if self._client is None:
            if self._config.endpoint_url:
                check_url(self._config.endpoint_url)  # resolved and guarded at first use, not when saved
            self._client = foreign_client(
                "s3",
                region=self._config.region,
                endpoint_url=self._config.endpoint_url,
                access_key_id=self._credentials.aws_access_key_id,
                secret_access_key=self._credentials.aws_secret_access_key.get_secret_value(),
                within_seconds=remaining_seconds(),
            )
        return self._client

    def check(self) -> None:
        """Listing one key under the prefix proves the keys can read the bucket."""
        self._list(max_keys=1)

    def discover(self) -> list[str]:
        """Every CSV/XLSX/JSONL file under the prefix (key below the prefix)."""
        return [key[len(self._config.prefix) :] for key in self._list(max_keys=_MAX_FILES)]

    def file_version(self, stream: str) -> str | None:
        """The file's LastModified: the stream's bookmark (a file not modified since is skipped)."""
        if not self._modified:
            self._list(max_keys=_MAX_FILES)
        return self._modified.get(self._config.prefix + stream)

    def fetch_file(self, stream: str, destination: Path) -> str | None:
        """CSV/XLSX files are downloaded as they are; JSONL goes through `read`."""
        if stream.lower().endswith((".jsonl", ".ndjson")):
            return None
        self._call(
            lambda: self.client.download_file(self._config.bucket, self._config.prefix + stream, str(destination))
        )
        return stream.rsplit("/", 1)[-1]

    def read(self, stream: str, bookmark: Any | None) -> Iterator[Record]:
        """The JSON objects of a JSONL file, one per line (other files are read as files)."""
        if not stream.lower().endswith((".jsonl", ".ndjson")):
            raise SourceUnavailable(f"{stream} is a spreadsheet file; it is extracted as a file, not as records.")
        body = self._call(lambda: self.client.get_object(Bucket=self._config.bucket, Key=self._config.prefix + stream))
        for number, line in enumerate(body["Body"].iter_lines(), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except ValueError:
                raise SourceUnavailable(f"Line {number} of {stream} is not valid JSON.") from None
            yield value if isinstance(value, dict) else {"value": value}

    def _list(self, max_keys: int) -> list[str]:
        keys: list[str] = []
        paginator = self.client.get_paginator("list_objects_v2")

        def walk() -> None:
            for page in paginator.paginate(Bucket=self._config.bucket, Prefix=self._config.prefix):
                for obj in page.get("Contents", []):
                    key = str(obj["Key"])
                    if key.lower().endswith(_SUFFIXES) and not key.endswith("/"):
                        keys.append(key)
                        self._modified[key] = obj["LastModified"].isoformat()
                    if len(keys) >= max_keys:
                        return

        self._call(walk)
        return keys

    def _call(self, action: Any) -> Any:
        try:
            return call_aws(action)
        except AwsCallFailed as exc:
            if not exc.reached:
                raise SourceUnavailable("Amazon S3 could not be reached.") from None
            if exc.code in _DENIED:
                raise CredentialsRejected("Amazon S3 refused these access keys for this bucket.") from None
            if exc.code in ("NoSuchBucket", "404", "NoSuchKey"):
                raise SourceUnavailable("The bucket or file does not exist.") from None
            raise SourceUnavailable(f"Amazon S3 answered {exc.code or 'an error'}.") from None
