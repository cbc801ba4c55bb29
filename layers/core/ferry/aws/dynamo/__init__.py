"""DynamoDB access: the only code that knows the single table's keys, item shapes and conditions. The shared
plumbing (table handle, keys and scopes, marshalling, cursors, conditional writes and transactions) lives in
`table`; each aggregate has its module, with its records, keys and the methods it adds to the one `Store`
(`store`): `api_keys`, `sessions` (browser session tokens), `migrations` (and files), `runs` (and active locks),
`imports` (idempotency keys), `previews`, `thread` (run thread events), `memory` (the account's confirmed
mappings) and `connections` (`ConnectionStore`); this package re-exports them.
May import: `ferry.core` and `ferry.aws.clients` only.
"""

from ferry.aws.dynamo.api_keys import ApiKeyRecord
from ferry.aws.dynamo.connections import WORKBOOK_PROFILE, ConnectionRecord, ConnectionStore
from ferry.aws.dynamo.imports import IdempotencyRecord
from ferry.aws.dynamo.memory import MemoryRecord
from ferry.aws.dynamo.migrations import (
    DeleteOutcome,
    FileRecord,
    FileStatus,
    IngestResult,
    MigrationRecord,
    SheetSummary,
)
from ferry.aws.dynamo.previews import PreviewRecord
from ferry.aws.dynamo.runs import (
    ACTIVE_INDEX_PK,
    ACTIVE_STATUSES,
    FINAL_STATUSES,
    WAITING_STATUSES,
    ActiveRunRef,
    CreateOutcome,
    MigrationGone,
    MigrationRunKind,
    RunKind,
    RunRecord,
    RunStatus,
)
from ferry.aws.dynamo.sessions import SessionRecord, SessionScopeKind
from ferry.aws.dynamo.store import Store
from ferry.aws.dynamo.table import (
    _decode_cursor,
    _encode_cursor,
    _marshal_item,
    _unmarshal_item,
    company_scope,
    migration_scope,
)
from ferry.aws.dynamo.thread import ThreadEvent

__all__ = [
    "ACTIVE_INDEX_PK",
    "ACTIVE_STATUSES",
    "FINAL_STATUSES",
    "WAITING_STATUSES",
    "WORKBOOK_PROFILE",
    "ActiveRunRef",
    "ApiKeyRecord",
    "ConnectionRecord",
    "ConnectionStore",
    "CreateOutcome",
    "DeleteOutcome",
    "FileRecord",
    "FileStatus",
    "IdempotencyRecord",
    "IngestResult",
    "MemoryRecord",
    "MigrationGone",
    "MigrationRecord",
    "MigrationRunKind",
    "PreviewRecord",
    "RunKind",
    "RunRecord",
    "RunStatus",
    "SessionRecord",
    "SessionScopeKind",
    "SheetSummary",
    "Store",
    "ThreadEvent",
    "_decode_cursor",
    "_encode_cursor",
    "_marshal_item",
    "_unmarshal_item",
    "company_scope",
    "migration_scope",
]
