"""`Store`: the single table, one class made of each aggregate's methods (every module's mixin)."""

from __future__ import annotations

from ferry.aws.dynamo.api_keys import ApiKeyItems
from ferry.aws.dynamo.memory import MemoryItems
from ferry.aws.dynamo.migrations import FileItems, MigrationItems
from ferry.aws.dynamo.previews import PreviewItems
from ferry.aws.dynamo.runs import RunItems
from ferry.aws.dynamo.sessions import SessionItems
from ferry.aws.dynamo.thread import ThreadItems


class Store(ApiKeyItems, SessionItems, MigrationItems, FileItems, RunItems, PreviewItems, ThreadItems, MemoryItems):
    """The single table. `client` is an optional boto3 DynamoDB client (tests inject a stubbed one).

    Its methods live with their aggregate: api keys (`api_keys`), session tokens (`sessions`), migrations and
    files (`migrations`), runs and active locks (`runs`, with imports' idempotency keys from `imports`), previews
    (`previews`), thread events (`thread`) and the account's mapping memory (`memory`). Connections have their own
    view over the table (`connections.ConnectionStore`).
    """
