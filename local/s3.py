"""Keep the raw body of every PUT the moto server receives, whatever its Content-Type, as S3 does.

A presigned PUT sent with `Content-Type: application/x-www-form-urlencoded` (what Python's urllib sends when
no type is given) reached moto's server as a form: werkzeug parsed the body into form fields, moto stored an
empty object and ingestion rejected the upload as empty. Real S3 never parses a PUT body; it stores the bytes
and keeps the Content-Type as the object's. So the server's request class (moto's `BackendRequest`, used only
by the moto *server*, not by in-process `mock_aws`) parses form data for no PUT. No AWS API takes a form-encoded
PUT; S3's browser uploads (multipart form POSTs) are still parsed. tests/unit/test_local_patches.py fails
loudly if a moto or werkzeug upgrade moves what this overrides.
"""

from __future__ import annotations

from moto.moto_server.werkzeug_app import BackendRequest


def _want_form_data_parsed(self: BackendRequest) -> bool:
    # werkzeug's own rule is "a Content-Type was sent"; a PUT body is never a form to AWS.
    return self.method != "PUT" and bool(self.environ.get("CONTENT_TYPE"))


def install() -> None:
    """Make the moto server keep PUT bodies raw (idempotent)."""
    BackendRequest.want_form_data_parsed = property(_want_form_data_parsed)  # type: ignore[assignment,method-assign]


def is_installed() -> bool:
    prop = BackendRequest.__dict__.get("want_form_data_parsed")
    return isinstance(prop, property) and prop.fget is _want_form_data_parsed
