"""The review console (`GET /app`) and the `<ferry-importer>` component's files, served from the web directory.

These routes need no key: the files hold no data. The page asks for a key and every call it makes is an
authenticated API call. Only the files listed in `ASSETS` are served, so no path reaches anything else.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from ferry.api.deps import SettingsDep
from ferry.core.errors import NotFound

router = APIRouter(include_in_schema=False)

_JS = "text/javascript; charset=utf-8"
# Every file the console is made of, with its content type; anything else is a 404.
ASSETS: dict[str, str] = {
    "index.html": "text/html; charset=utf-8",
    "console.css": "text/css; charset=utf-8",
    "console.js": _JS,
    "ferry-importer.js": _JS,
    "api.js": _JS,
    "upload.js": _JS,
    "table.js": _JS,
    "report.js": _JS,
    "questions.js": _JS,
    "migration.js": _JS,
    "company.js": _JS,
    "dom.js": _JS,
    "styles.js": _JS,
}
# The page may call the API (same origin) and upload to presigned storage URLs (another origin); no inline
# script, no frame around the page that holds the key field.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self' https: http:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)


@router.get("/app")
def console(request: Request, settings: SettingsDep) -> Response:
    """The console page."""
    return _serve("index.html", Path(settings.web_dir), request)


@router.get("/app/")
def console_slash() -> Response:
    """`/app/` -> `/app` (relative, so it holds behind an API Gateway stage path too)."""
    return RedirectResponse("../app", status_code=308)


@router.get("/app/{asset}")
def console_asset(asset: str, request: Request, settings: SettingsDep) -> Response:
    """One of the console's files."""
    return _serve(asset, Path(settings.web_dir), request)


def _serve(name: str, web_dir: Path, request: Request) -> Response:
    content_type = ASSETS.get(name)
    if content_type is None:
        raise NotFound(f"No console file named {name[:80]!r}.")
    body, etag = _read(web_dir / name)
    # Revalidated on every load (no build step puts a hash in the names), answered 304 when unchanged.
    headers = {"ETag": etag, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
    if name == "index.html":
        headers.update({"Content-Security-Policy": _CSP, "Referrer-Policy": "no-referrer"})
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=content_type, headers=headers)


@lru_cache(maxsize=64)
def _read_cached(path: Path, mtime_ns: int) -> tuple[bytes, str]:
    body = path.read_bytes()
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _read(path: Path) -> tuple[bytes, str]:
    try:
        return _read_cached(path, path.stat().st_mtime_ns)
    except FileNotFoundError:
        raise NotFound(f"The console file {path.name!r} is not installed.") from None
