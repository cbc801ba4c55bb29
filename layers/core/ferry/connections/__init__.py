"""Source-system connections: the use cases (`service`: create, check, extract into files), and the
connectors themselves (`connectors/`: the base class, the registry, one module per source, the HTTP client
and the SSRF guard they share). Credentials live only in Secrets Manager (`ferry.aws.secrets`).

May import: `ferry.core`, `ferry.aws`, `ferry.migrations`. Connectors import only `ferry.core` and each other
through `connectors.base`; nothing here imports `ferry.api`, `ferry.runs` or `ferry.imports`.
"""
