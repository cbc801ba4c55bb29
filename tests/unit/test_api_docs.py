"""`/docs` and `/redoc` work offline: every script, style and icon they name is served by the API itself."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient

import local  # noqa: F401 - puts the core layer on sys.path
from ferry.api.app import create_app

BASE = "http://testserver"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value for name, value in attrs if name in ("src", "href", "spec-url") and value]


def _referenced(html: str) -> list[str]:
    """Every src/href of the page plus the URL its inline script loads the document from (Swagger's `url: '...'`)."""
    parser = _Links()
    parser.feed(html)
    return parser.urls + re.findall(r"\burl: '([^']+)'", html)


@pytest.mark.parametrize(("page", "asset"), [("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")])
def test_doc_pages_reference_only_the_same_host_and_their_assets_answer(page: str, asset: str) -> None:
    client = TestClient(create_app(), base_url=BASE)
    response = client.get(page)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    html = response.text
    assert not re.findall(r"(?:https?:)?//[\w.-]+\.\w+", html), "an absolute URL: a CDN or another host"
    urls = _referenced(html)
    assert any(url.endswith(asset) for url in urls), urls
    for url in urls:
        absolute = urljoin(BASE + page, url)
        assert urlsplit(absolute).netloc == "testserver", f"{page} references another host: {url}"
        assert client.get(absolute).status_code == 200, f"{page} references {url}, which does not answer 200"
    assert any(url.endswith("/openapi.json") for url in urls), urls
