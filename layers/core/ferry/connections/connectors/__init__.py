"""Source connectors: the interface (base), the table of them (registry), one module per source, the guarded HTTP
client."""
