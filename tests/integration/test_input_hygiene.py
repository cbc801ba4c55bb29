"""Input hygiene (issue 15, item 7): invisible and blank names, non-finite numbers, bools for ints and URLs
httpx cannot parse are 400s naming the field."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

FIELD = {"key": "email", "type": "string"}
BAD_TEXT = ["a\x00b", "ab\u202ecsv.exe", "\u2066x\u2069", "   ", "\t\n"]


def _template(**changes: Any) -> dict[str, Any]:
    field = {**FIELD, **changes.pop("field", {})}
    return {"name": "Contacts", "sheet_id": "contacts", "fields": [field], **changes}


def _post(api: TestClient, headers: dict[str, str], path: str, body: Any, method: str = "POST") -> Any:
    # json.dumps writes NaN and Infinity as the bare tokens a careless client sends
    content = json.dumps(body)
    return api.request(method, path, content=content, headers={**headers, "content-type": "application/json"})


@pytest.mark.parametrize("name", BAD_TEXT)
def test_migration_names_must_be_visible_text(api: TestClient, account, name: str) -> None:  # type: ignore[no-untyped-def]
    response = _post(api, account().headers, "/v1/migrations", {"name": name})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["param"] == "name"


@pytest.mark.parametrize(
    ("template", "param"),
    [
        (_template(name="\u202eContacts"), "templates[0].name"),
        (_template(name="  "), "templates[0].name"),
        (_template(field={"label": "E\x00mail"}), "templates[0].fields[0].label"),
        (_template(field={"label": " "}), "templates[0].fields[0].label"),
        (_template(field={"description": "x\u2067y"}), "templates[0].fields[0].description"),
        (_template(field={"aliases": ["mail\u202a"]}), "templates[0].fields[0].aliases[0]"),
        (_template(field={"type": "enum", "values": ["a", "b\x00"]}), "templates[0].fields[0].values[1]"),
        (_template(field={"type": "number", "min": float("nan")}), "templates[0].fields[0].min"),
        (_template(field={"type": "number", "max": float("inf")}), "templates[0].fields[0].max"),
        (_template(field={"type": "number", "min": float("-inf")}), "templates[0].fields[0].min"),
        (_template(field={"type": "number", "min": True}), "templates[0].fields[0].min"),
    ],
)
def test_template_names_labels_and_bounds(api: TestClient, account, template: dict, param: str) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    response = _post(api, acct.headers, "/v1/migrations", {"name": "x", "templates": [template]})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["param"] == param
    # the same on PUT .../templates
    mig = api.post("/v1/migrations", json={"name": "x"}, headers=acct.headers).json()["migration_id"]
    response = _post(api, acct.headers, f"/v1/migrations/{mig}/templates", [template], "PUT")
    assert response.status_code == 400, response.text


def test_finite_bounds_are_kept(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    body = {"name": "x", "templates": [_template(field={"type": "number", "min": 0, "max": 1.5})]}
    response = api.post("/v1/migrations", json=body, headers=account().headers)
    assert response.status_code == 201, response.text
    assert response.json()["templates"][0]["fields"][0]["max"] == 1.5


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"filename": "a\x00.csv"}, "filename"),
        ({"filename": "invoice\u202evsc.exe"}, "filename"),
        ({"filename": "   "}, "filename"),
        ({"filename": "a.csv", "size": False}, "size"),
        ({"filename": "a.csv", "size": True}, "size"),
        ({"filename": "a.csv", "size": 1.5}, "size"),
        ({"filename": "a.csv", "size": "12"}, "size"),
    ],
)
def test_file_names_and_sizes(api: TestClient, account, body: dict, param: str) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    mig = api.post("/v1/migrations", json={"name": "x"}, headers=acct.headers).json()["migration_id"]
    response = _post(api, acct.headers, f"/v1/migrations/{mig}/files", body)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["param"] == param


@pytest.mark.parametrize("url", ["http://0251.0376.0251.0376/", "http://[::1/", "http://exa mple.com/"])
def test_a_connection_url_httpx_cannot_use_is_a_400(api: TestClient, account, url: str) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    mig = api.post("/v1/migrations", json={"name": "x"}, headers=acct.headers).json()["migration_id"]
    body = {"source_key": "hubspot", "config": {"base_url": url}, "credentials": {"access_token": "t"}}
    response = api.post(f"/v1/migrations/{mig}/connection", json=body, headers=acct.headers)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["param"].startswith("config")
