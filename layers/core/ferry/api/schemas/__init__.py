"""Request and response bodies of the HTTP API, one module per resource; mapped explicitly from the records
and models of the layers below (never returned as they are).

May import: `ferry.core`, `ferry.aws` record types, and the use-case modules whose types a body names.
"""
