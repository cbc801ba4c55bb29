"""Source connectors: the interface and registry (base), one module per source, the guarded HTTP client."""
