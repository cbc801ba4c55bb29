"""The rules the code enforces, stated in the OpenAPI document where a route declaration cannot say them.

- Path ids: the form every id has (`mig_` + 26 Crockford base-32 characters, ...). An id not of that form is
  answered like an unknown one (404), so the pattern documents rather than validates.
- An unknown query parameter is a 400 on every route (ferry.api.query_check).
"""

from __future__ import annotations

from typing import Any

_ID_BODY = "[0-9A-HJKMNP-TV-Z]{26}"
PATH_ID_PREFIXES = {"migration_id": "mig", "run_id": "run", "file_id": "file", "memory_id": "mem"}
_UNKNOWN_QUERY = "An unknown query parameter is a 400 naming it (a typo never widens what a call touches)."


def document_rules(doc: dict[str, Any]) -> dict[str, Any]:
    """Add id patterns to path parameters and the unknown-query rule to every operation's 400."""
    for operations in doc.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict):
                continue
            for param in operation.get("parameters", []):
                prefix = PATH_ID_PREFIXES.get(param.get("name", ""))
                if param.get("in") == "path" and prefix:
                    param.setdefault("schema", {})["pattern"] = f"^{prefix}_{_ID_BODY}$"
                    param["description"] = (
                        f"A `{prefix}_` id; one not of this form is answered 404, like an id not in your account."
                    )
            bad_request = operation.get("responses", {}).get("400")
            if isinstance(bad_request, dict) and _UNKNOWN_QUERY not in bad_request.get("description", ""):
                bad_request["description"] = f"{bad_request.get('description', 'Invalid request')}. {_UNKNOWN_QUERY}"
    return doc
