"""The connector interface and its errors (the table of source systems is in connectors.registry).

A connector is built from a connection's validated `config` and `credentials` and does four things:
`check` the credentials, `discover` the streams it can read, `read(stream, bookmark)` the records of one
stream, and say which record field is the stream's bookmark (`cursor_field`). Bookmarks are per stream
(`state = {stream: {"cursor": value}}`) and only advance once an execute commits (ferry.connections.service).

`config_fields` and `credential_fields` are JSON Schema documents generated from each connector's pydantic
models; secret properties carry `"writeOnly": true` and `"x-secret": true` and never leave Secrets Manager.
"""

from __future__ import annotations

import re
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from ferry.core.errors import InvalidRequest

Record = dict[str, Any]
STREAM_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-/ ]{0,199}$")


class CredentialsRejected(InvalidRequest):
    """The source system refused the credentials (or could not be reached with them)."""

    code = "credentials_rejected"


class SourceUnavailable(InvalidRequest):
    """The source system answered with an error we cannot work around."""

    code = "source_error"


class SourceTimedOut(InvalidRequest):
    """The source did not answer within the deadline of a check done while a client waits."""

    code = "source_unreachable"


# When an outbound call made while a client waits must have ended (time.monotonic()), or None: no deadline.
_DEADLINE: ContextVar[float | None] = ContextVar("ferry_outbound_deadline", default=None)


@contextmanager
def outbound_deadline(seconds: float) -> Iterator[None]:
    """Every call a connector makes inside the block (connect, read, redirects, retries and their waits) ends
    by `seconds` from now in total; past it, they raise SourceTimedOut (a 400 `source_unreachable`)."""
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def remaining_seconds() -> float | None:
    """Seconds left before the current outbound deadline (never below 0); None outside one."""
    deadline = _DEADLINE.get()
    return None if deadline is None else max(0.0, deadline - time.monotonic())


def timed_out(source_name: str) -> SourceTimedOut:
    """The error of a source that did not answer before the deadline."""
    return SourceTimedOut(f"{source_name} did not answer in time; check the address, or try again later.")


class ConnectorConfig(BaseModel):
    """Base of every connector's `config` model: unknown keys are a 400."""

    model_config = ConfigDict(extra="forbid")


class ConnectorCredentials(BaseModel):
    """Base of every connector's `credentials` model: unknown keys are a 400; secrets are SecretStr."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)


def secret(description: str, **kwargs: Any) -> Any:
    """A credential field that is a secret: marked in the JSON Schema, masked in reprs."""
    return Field(description=description, json_schema_extra={"x-secret": True}, **kwargs)


class Connector(ABC):
    """One source system. Subclasses set the class attributes and implement the methods."""

    source_key: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str | None]  # the grouping shown to people ("CRM"), or None
    config_model: ClassVar[type[ConnectorConfig]]
    credentials_model: ClassVar[type[ConnectorCredentials]]
    # The streams a client may select without asking the source; empty when they depend on the config.
    default_streams: ClassVar[tuple[str, ...]] = ()
    # True when only `default_streams` exist (a fixed API surface); False when names come from the source.
    fixed_streams: ClassVar[bool] = False

    def __init__(self, config: ConnectorConfig, credentials: ConnectorCredentials) -> None:
        self.config = config
        self.credentials = credentials
        # Told (stream, pages so far) after each page a paged API returns: extraction progress.
        self.page_listener: Callable[[str, int], None] | None = None
        self._pages: dict[str, int] = {}

    def page_read(self, stream: str) -> None:
        """Paged sources call this after each page of `stream`; counts it and tells the listener."""
        self._pages[stream] = self._pages.get(stream, 0) + 1
        if self.page_listener is not None:
            self.page_listener(stream, self._pages[stream])

    def pages_read(self, stream: str) -> int:
        """How many pages of `stream` were read so far (0 for sources that do not page)."""
        return self._pages.get(stream, 0)

    @classmethod
    def config_fields(cls) -> dict[str, Any]:
        """The JSON Schema of `config`."""
        return cls.config_model.model_json_schema()

    @classmethod
    def credential_fields(cls) -> dict[str, Any]:
        """The JSON Schema of `credentials` (secret properties marked `x-secret`)."""
        return cls.credentials_model.model_json_schema()

    @classmethod
    def credential_field_names(cls) -> list[str]:
        """The credential keys, as a credential request lists them."""
        return list(cls.credentials_model.model_fields)

    @classmethod
    def validate_streams(cls, streams: list[str]) -> list[str]:
        """The selected streams, de-duplicated; 400 for names this connector cannot have."""
        seen: list[str] = []
        for stream in streams:
            if cls.fixed_streams and stream not in cls.default_streams:
                known = ", ".join(cls.default_streams)
                raise InvalidRequest(f"`{stream}` is not a {cls.name} stream; choose from {known}.", param="streams")
            if not STREAM_NAME.match(stream):
                raise InvalidRequest(f"`{stream}` is not a valid stream name.", param="streams")
            if stream not in seen:
                seen.append(stream)
        return seen

    @classmethod
    def check_config(cls, config: ConnectorConfig) -> None:
        """Checks a config needs beyond its schema, done before anything is stored (hosts: the SSRF guard)."""
        return None

    @abstractmethod
    def check(self) -> None:
        """Prove the credentials work with one cheap call; raise CredentialsRejected when they do not."""

    @abstractmethod
    def discover(self) -> list[str]:
        """Every stream the source offers with this config and these credentials."""

    @abstractmethod
    def read(self, stream: str, bookmark: Any | None) -> Iterator[Record]:
        """The stream's records, only those after `bookmark` when one is given (full read otherwise)."""

    def cursor_field(self, stream: str) -> str | None:
        """The record field whose largest value is the stream's next bookmark; None: always a full read."""
        return None

    def file_version(self, stream: str) -> str | None:
        """File-based sources: the file's version stamp, used as the bookmark of the whole stream."""
        return None

    def fetch_file(self, stream: str, destination: Path) -> str | None:
        """File-based sources: write the stream's file as-is and return its filename; None to use `read`."""
        return None

    def close(self) -> None:
        """Release connections (called once the extraction or check is over)."""
        return None


def parse_config(cls: type[Connector], config: Mapping[str, Any] | None) -> ConnectorConfig:
    """Validate `config` against the connector's config fields; 400 naming the first problem."""
    try:
        return cls.config_model.model_validate(dict(config or {}))
    except ValidationError as exc:
        raise InvalidRequest(_describe(exc, "config"), param=_param(exc, "config")) from None


def parse_credentials(cls: type[Connector], credentials: Mapping[str, Any]) -> ConnectorCredentials:
    """Validate `credentials`; the 400 names the field, never its value."""
    try:
        return cls.credentials_model.model_validate(dict(credentials))
    except ValidationError as exc:
        raise InvalidRequest(_describe(exc, "credentials"), param=_param(exc, "credentials")) from None


def _param(exc: ValidationError, root: str) -> str:
    first = exc.errors(include_input=False)[0]
    return ".".join([root, *(str(p) for p in first.get("loc", ()))])


def _describe(exc: ValidationError, root: str) -> str:
    # include_input=False: a rejected credential value must never be echoed back.
    first = exc.errors(include_input=False, include_url=False)[0]
    param = _param(exc, root)
    kind = first.get("type", "")
    if kind == "missing":
        message = f"`{param}` is required."
    elif kind == "extra_forbidden":
        message = f"`{param}` is not a known field."
    else:
        message = f"`{param}`: {first.get('msg', 'is not valid')}."
    extra = len(exc.errors()) - 1
    if extra:
        message += f" ({extra} more problem{'s' if extra > 1 else ''} in `{root}`.)"
    return message


def secret_values(credentials: ConnectorCredentials) -> dict[str, str]:
    """The credentials as plain strings, for the vault (the only place they are written)."""
    values: dict[str, str] = {}
    for key, value in credentials:
        if value is None:
            continue
        values[key] = value.get_secret_value() if isinstance(value, SecretStr) else str(value)
    return values
