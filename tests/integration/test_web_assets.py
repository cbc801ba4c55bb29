"""The console at /app: its files served from web/ with the right types, nothing outside the list, no key
needed, nothing loaded from another host, and the template shipping the same files to the API function."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ferry.api.app import create_app
from ferry.api.routers.web import ASSETS
from ferry.core.config import get_settings
from local.template import load_raw

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
CONTENT_TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css"}


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    # The local stack copies the template's FERRY_WEB_DIR (/opt, the Lambda layer) into the environment:
    # serve the checkout's web/ as `make run` does.
    monkeypatch.setenv("FERRY_WEB_DIR", str(WEB))
    get_settings.cache_clear()
    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        yield test_client
    get_settings.cache_clear()


def test_the_console_page_and_every_listed_file_are_served_without_a_key(client: TestClient) -> None:
    # When the page is asked for with no key at all
    page = client.get("/app")
    # Then it is the console's HTML, with a policy that keeps scripts to this origin and the page out of frames
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert "<title>Ferry console</title>" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    # And every file of the list answers with its type and the bytes of web/
    for name in ASSETS:
        answer = client.get(f"/app/{name}")
        assert answer.status_code == 200, name
        assert answer.headers["content-type"].startswith(CONTENT_TYPES[Path(name).suffix]), name
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.content == (WEB / name).read_bytes()


def test_the_list_is_exactly_the_files_of_web_and_every_module_the_page_loads_is_on_it() -> None:
    # Given the files in web/ and the modules each one imports
    on_disk = {p.name for p in WEB.iterdir() if p.is_file()}
    # Then nothing in web/ is left unserved and nothing listed is missing
    assert set(ASSETS) == on_disk
    page = (WEB / "index.html").read_text(encoding="utf-8")
    referenced = set(re.findall(r'(?:src|href)="app/([^"]+)"', page))
    assert referenced == {"console.js", "console.css"}
    for name in (n for n in ASSETS if n.endswith(".js")):
        source = (WEB / name).read_text(encoding="utf-8")
        for specifier in re.findall(r'^\s*(?:import|export)\b[^"\n]*?"([^"]+)";', source, flags=re.MULTILINE):
            # only relative imports of listed files: no bare package name, no other host
            assert specifier.startswith("./") and specifier[2:] in ASSETS, f"{name} imports {specifier}"


@pytest.mark.parametrize(
    "path",
    [
        "/app/nope.js",
        "/app/.env",
        "/app/console.js.map",
        "/app/INDEX.HTML",
        "/app/%2e%2e%2ftemplate.yaml",
        "/app/..%2F..%2Fpyproject.toml",
        "/app/%2e%2e%2f%2e%2e%2flayers%2fcore%2fferry%2fcore%2fconfig.py",
        "/app/index.html%00.js",
        "/app/web/index.html",
    ],
)
def test_anything_not_on_the_list_is_a_404_in_the_error_shape(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_found"


def test_an_unchanged_file_is_revalidated_with_a_304(client: TestClient) -> None:
    # Given a first load
    first = client.get("/app/ferry-importer.js")
    assert first.headers["cache-control"] == "no-cache"
    # When the browser revalidates with the ETag it kept
    again = client.get("/app/ferry-importer.js", headers={"if-none-match": first.headers["etag"]})
    # Then nothing is sent again
    assert again.status_code == 304 and again.content == b""
    assert client.get("/app/ferry-importer.js", headers={"if-none-match": '"other"'}).status_code == 200


def test_app_with_a_slash_redirects_relatively_so_a_stage_path_is_kept(client: TestClient) -> None:
    answer = client.get("/app/", follow_redirects=False)
    assert answer.status_code == 308
    assert answer.headers["location"] == "../app"


def test_the_console_routes_stay_out_of_the_openapi_document(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert not [p for p in paths if p.startswith("/app")]


def _without_comments(text: str, suffix: str) -> str:
    if suffix == ".html":
        return re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    # whole-line // comments only: a // inside a string stays and is checked
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


@pytest.mark.parametrize("name", sorted(ASSETS))
def test_no_file_loads_anything_from_another_host(name: str) -> None:
    # Given a file of the console, comments left out
    code = _without_comments((WEB / name).read_text(encoding="utf-8"), Path(name).suffix)
    # Then it names no absolute URL, no protocol-relative one, and no CSS import or font from elsewhere
    assert not re.findall(r"https?://", code, flags=re.IGNORECASE)
    assert not re.findall(r"""(?:src|href|action)\s*=\s*["']//""", code, flags=re.IGNORECASE)
    assert not re.findall(r"""url\(\s*["']?(?:https?:)?//""", code, flags=re.IGNORECASE)
    assert "@import" not in code and "@font-face" not in code


def test_the_template_ships_web_to_the_api_function_and_lets_the_page_through_without_a_key() -> None:
    # Given the deployed template
    resources = load_raw(ROOT / "template.yaml")["Resources"]
    layer = resources["WebLayer"]
    api = resources["ApiFunction"]["Properties"]
    # Then the web layer is web/, attached to the API function, which reads the files where it unpacks
    assert layer["Type"] == "AWS::Serverless::LayerVersion"
    assert (ROOT / layer["Properties"]["ContentUri"]).resolve() == WEB
    assert {"Ref": "WebLayer"} in api["Layers"]
    assert api["Environment"]["Variables"]["FERRY_WEB_DIR"] == "/opt"
    # And the console's two paths skip the key authorizer (the files hold no data), the rest keeps it
    events = {e["Properties"]["Path"]: e["Properties"] for e in api["Events"].values()}
    for path in ("/app", "/app/{asset}"):
        assert events[path]["Method"] == "GET"
        assert events[path]["Auth"] == {"Authorizer": "NONE", "ApiKeyRequired": False}
    assert "Auth" not in events["/{proxy+}"]
