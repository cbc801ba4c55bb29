"""Settings read once from the environment (the template sets them; local mode fills them in)."""

from functools import lru_cache

from pydantic import Field
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
    upload_url_ttl_seconds: int = Field(default=900, gt=0)
    page_size_default: int = 20
    page_size_max: int = 100
    # Local mode only: where presigned URLs and boto3 clients point. Empty on AWS.
    aws_endpoint_url: str = Field(default="", validation_alias="AWS_ENDPOINT_URL")
    region: str = Field(default="us-east-1", validation_alias="AWS_REGION")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
