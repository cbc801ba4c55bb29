"""Use cases of a migration and what hangs off it: the migration and its templates (`service`), files and
presigned uploads (`files`), ingestion of an uploaded object (`uploads`, run by the ingest function),
previews (`previews`) and the account's mapping memory (`memory`: list and forget).

May import: `ferry.core`, `ferry.aws`, `ferry.ingest` (uploads only). Never `ferry.api`, `ferry.runs`,
`ferry.imports` or `ferry.connections` (those build on migrations, not the other way round).
"""
