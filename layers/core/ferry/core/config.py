"""Settings read once from the environment (the template sets them; local mode fills them in)."""

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FERRY_", extra="ignore")

    table_name: str = "ferry"
    bucket_name: str = "ferry-data"
    event_bus_name: str = "ferry"
    run_state_machine_arn: str = ""
    import_state_machine_arn: str = ""
    # Largest upload accepted, declared at presign time and checked again at ingestion.
    max_upload_bytes: int = Field(default=512 * 1024 * 1024, gt=0)
    # Largest total uncompressed size an XLSX may expand to (zip-bomb guard).
    max_xlsx_uncompressed_bytes: int = Field(default=1024 * 1024 * 1024, gt=0)
    # Largest block of cells (rows by columns, first to last used cell) an XLSX sheet may span: calamine
    # holds a sheet as one dense block of ~32 bytes a cell, so 20 M cells is ~640 MB.
    max_sheet_cells: int = Field(default=20_000_000, gt=0)
    # Files still `pending_upload` this long after their upload URL was issued (the upload never came,
    # or ingestion crashed without a word) are rejected by the sweeper.
    upload_stale_after_seconds: int = Field(default=3600, gt=0)
    upload_url_ttl_seconds: int = Field(default=900, gt=0)
    page_size_default: int = 20
    # Runs: how long a blocked run waits for answers, when an active run counts as dead, how long a
    # thread long-poll may hold a request (API Gateway answers 504 after 29 s).
    run_answer_timeout_seconds: int = Field(default=3600, gt=0)
    # Imports: how long an import with flagged rows waits for a decision before it fails (report kept).
    import_decision_timeout_seconds: int = Field(default=3600, gt=0)
    run_stale_after_seconds: int = Field(default=1200, ge=0)
    run_sweep_grace_seconds: int = Field(default=60, ge=0)
    thread_wait_max_seconds: int = Field(default=20, ge=0)
    # Previews larger than this (JSON bytes) are stored in S3, not in the table (400 KB item cap).
    preview_inline_max_bytes: int = Field(default=300_000, gt=0)
    page_size_max: int = 100
    # Execute: a source sheet with more data rows than this is split into chunks of about this many rows,
    # each checked by its own Lambda (a Distributed Map item, at most `chunk_max_concurrency` at once);
    # sized so a chunk takes about a minute in a 1,769 MB Lambda (docs/scale.md).
    chunk_rows: int = Field(default=5_000_000, gt=0)
    chunk_max_concurrency: int = Field(default=10, ge=1, le=10_000)
    # Exports up to this size are answered inline (Lambda responses cap at 6 MB); larger ones with a
    # 302 to a presigned URL that lives `export_url_ttl_seconds`.
    export_inline_max_bytes: int = Field(default=4 * 1024 * 1024, ge=0)
    export_url_ttl_seconds: int = Field(default=300, gt=0)
    # The `all` export is built from a run's output rows the first time it is asked for, by the worker
    # function (`run_task_function_name`) that the API invokes and waits for this long; a longer build carries
    # on and the API answers 503 with Retry-After until it is stored.
    run_task_function_name: str = ""
    export_build_wait_seconds: float = Field(default=20.0, gt=0, le=25)
    # Connectors refuse hosts that resolve to loopback/private/link-local addresses (SSRF guard).
    # Only local mode and tests turn this on, to reach fake servers and databases on 127.0.0.1.
    allow_private_hosts: bool = False
    # A check at a source made while a client waits (POST .../connection/check, a run's credentials answer)
    # ends within this many seconds in total (connect, read, redirects, retries), below the API's 29 s.
    outbound_deadline_seconds: float = Field(default=10.0, gt=0, le=25)
    # Connectors (source_key, comma-separated) an operator has switched off: creating one answers 400.
    disabled_connectors: str = ""
    # Who plans a generate run's first recipe: the offline heuristic planner, or a Bedrock model (Converse
    # API, `bedrock_model_id`, e.g. an inference profile id) that falls back to the heuristic one on any
    # failure. `bedrock_max_attempts` counts calls per plan, retries on throttling and 5xx included.
    planner: Literal["heuristic", "bedrock"] = "heuristic"
    bedrock_model_id: str = ""
    bedrock_max_attempts: int = Field(default=4, ge=1, le=10)
    # Browser origins (comma-separated, exact: `https://app.example.com`) allowed to call the API across
    # origins, e.g. a page embedding <ferry-importer>. Empty: no CORS headers at all.
    cors_origins: str = ""
    # The console's files (`/app`, web/ in the checkout); the template points it at the web layer under /opt.
    web_dir: str = str(Path(__file__).resolve().parents[4] / "web")
    # Local mode only: where presigned URLs and boto3 clients point. Empty on AWS.
    aws_endpoint_url: str = Field(default="", validation_alias="AWS_ENDPOINT_URL")
    region: str = Field(default="us-east-1", validation_alias="AWS_REGION")

    @field_validator("cors_origins")
    @classmethod
    def _exact_origins(cls, value: str) -> str:
        """Origins as a browser sends them (scheme://host[:port], lower case); `*` or a path is refused."""
        origins = [item.strip().lower() for item in value.split(",") if item.strip()]
        for origin in origins:
            if not _ORIGIN.fullmatch(origin):
                raise ValueError(f"FERRY_CORS_ORIGINS: {origin!r} is not an origin like https://app.example.com")
        return ",".join(dict.fromkeys(origins))

    @property
    def cors_origin_list(self) -> list[str]:
        """The allowed browser origins; empty when CORS is off."""
        return self.cors_origins.split(",") if self.cors_origins else []


# scheme://host[:port] and nothing else: a browser's Origin header never has a path or a trailing slash.
_ORIGIN = re.compile(r"https?://([a-z0-9.-]+|\[[0-9a-f:.]+\])(:[0-9]{1,5})?")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
