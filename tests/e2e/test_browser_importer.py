"""In a real browser (Debian's Chromium, driven by Playwright): what a person sees of Ferry's pages, with
every request checked to stay on this machine, axe-core on each step and a screenshot of each step in
.local/screenshots/."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from local.demo import DATA, TEMPLATE, UPDATE
from tests.e2e.browser import BrowserPage, open_page
from tests.e2e.conftest import LocalServer
from tests.helpers import wait_for

pytestmark = pytest.mark.e2e


def test_the_guard_refuses_and_reports_an_external_url(chromium) -> None:  # type: ignore[no-untyped-def]
    # Given a page that pulls a script and an image from other hosts, next to a same-machine one
    pages = open_page(chromium, "guard")
    page = next(pages)
    page.page.set_content(
        '<main><h1>Guard</h1><img alt="remote" src="https://cdn.example.com/x.png">'
        '<script src="http://fonts.example.org/f.js"></script><img alt="local" src="http://127.0.0.1:9/x.png"></main>'
    )
    page.page.wait_for_load_state("load")
    # Then both external ones were refused and recorded, the local one let through
    assert sorted(page.guard.external) == ["GET http://fonts.example.org/f.js", "GET https://cdn.example.com/x.png"]
    assert ("GET", "http://127.0.0.1:9/x.png") in page.guard.requested
    # And the test using the page fails when it is done with it
    with pytest.raises(AssertionError, match="external URLs"):
        next(pages)


def test_axe_core_fails_a_step_with_a_serious_violation(chromium) -> None:  # type: ignore[no-untyped-def]
    pages = open_page(chromium, "axe")
    page = next(pages)
    # Given an image with no text alternative and a button with no name (both critical to axe)
    page.page.set_content('<html lang="en"><title>t</title><main><img src="data:,"><button></button></main></html>')
    with pytest.raises(AssertionError, match=r"image-alt.*\n.*button-name|button-name.*\n.*image-alt"):
        page.axe("broken")
    # And once fixed, the same step passes
    page.page.set_content(
        '<html lang="en"><title>t</title><main><img alt="logo" src="data:,"><button>Go</button></main></html>'
    )
    page.axe("fixed")
    # And a violation inside a component's shadow root (where <ferry-importer> draws everything) is seen too
    page.page.evaluate(
        """() => { const host = document.createElement('div'); document.querySelector('main').append(host);
                   host.attachShadow({mode: 'open'}).innerHTML = '<button></button>'; }"""
    )
    with pytest.raises(AssertionError, match="button-name"):
        page.axe("shadow")
    pages.close()


def test_the_api_docs_load_nothing_from_outside(browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto("/docs")
    # Swagger UI renders the operations from /openapi.json, with its scripts and styles served by Ferry
    page.get_by_text("/v1/migrations", exact=True).first.wait_for()
    assert page.locator(".opblock").count() > 10
    browser_page.screenshot("docs")
    assert any(url.endswith("/openapi.json") for _, url in browser_page.guard.requested)


# ---------------------------------------------------------------------------------------------------------------
# The importer, embedded as a SaaS product embeds it: its backend mints a session token for one migration and
# puts it on <ferry-importer>; the browser never holds the account key. The backend's account key is also the
# test's oracle: what the page shows must be what the API answers.

ACCOUNT = "acct_browser"
QUESTION = "What should 'test' in 'Lifecycle' become in status?"
ACTIVE = ("queued", "running")


class Backend:
    """The SaaS product's backend: holds the account key, creates migrations, mints session tokens."""

    def __init__(self, server: LocalServer) -> None:
        self.http = httpx.Client(base_url=server.base_url, headers=server.headers(ACCOUNT), timeout=30)

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.http.request(method, path, **kwargs)
        assert response.status_code < 300, f"{method} {path}: {response.status_code} {response.text}"
        return response.json()

    def migration(self, name: str) -> str:
        # Mapping memory off: contacts.csv's question on 'Lifecycle' is asked every time.
        body = {"name": name, "templates": [TEMPLATE], "mapping_memory": False}
        return str(self.call("POST", "/v1/migrations", json=body)["migration_id"])

    def token(self, migration_id: str | None = None, company_id: str | None = None) -> str:
        scope = {"migration_id": migration_id} if migration_id else {"company_id": company_id}
        return str(self.call("POST", "/v1/sessions", json={**scope, "expires_in": 900})["token"])

    def upload(self, migration_id: str, path: Path) -> None:
        """Upload a file as a client does (presigned PUT) and wait for it to be ready."""
        data = path.read_bytes()
        created = self.call(
            "POST", f"/v1/migrations/{migration_id}/files", json={"filename": path.name, "size": len(data)}
        )
        upload = created["upload"]
        put = httpx.request(upload["method"], upload["url"], content=data, headers=upload["headers"])
        assert put.status_code in (200, 204), put.text
        file_path = f"/v1/migrations/{migration_id}/files/{created['file_id']}"
        file = wait_for(lambda: self.settled(file_path, ("pending_upload",)), what=f"{path.name} to be ingested")
        assert file["status"] == "ready", file

    def revoke(self, token: str) -> None:
        session_id = token.partition(".")[0]
        assert self.http.delete(f"/v1/sessions/{session_id}").status_code == 204

    def latest_run(self, migration_id: str, kind: str) -> dict[str, Any]:
        runs = self.call("GET", f"/v1/migrations/{migration_id}/runs")["runs"]
        return next(run for run in runs if run["kind"] == kind)

    def run(self, migration_id: str, kind: str) -> dict[str, Any]:
        """Start a run, answer any question with its first option, and wait for its end."""
        run_id = self.call("POST", f"/v1/migrations/{migration_id}/runs", json={"kind": kind})["run_id"]
        path = f"/v1/migrations/{migration_id}/runs/{run_id}"
        while True:
            run: dict[str, Any] = wait_for(lambda: self.settled(path), timeout=60, what=f"the {kind} run to settle")
            if run["status"] != "blocked":
                assert run["status"] in ("awaiting_approval", "completed"), run
                return run
            answers = [{"question_id": q["id"], "option_id": q["options"][0]["id"]} for q in run["questions"]]
            self.call("POST", f"{path}/messages", json={"answers": answers})

    def settled(self, path: str, busy: tuple[str, ...] = ACTIVE) -> dict[str, Any] | None:
        """The run, import or file at `path` once its status is not a busy one; None before."""
        found: dict[str, Any] = self.call("GET", path)
        return None if found["status"] in busy else found

    def export(self, run_path: str, filter: str) -> list[dict[str, str]]:
        """The rows of a completed run's (or import's) CSV export."""
        response = self.http.get(
            f"{run_path}/export",
            params={"template": "contacts", "filter": filter},
            follow_redirects=True,
        )
        assert response.status_code == 200, response.text
        return list(csv.DictReader(io.StringIO(response.text)))


@pytest.fixture
def backend(server: LocalServer) -> Iterator[Backend]:
    backend = Backend(server)
    with backend.http:
        yield backend


def embed(page: BrowserPage, server: LocalServer, token: str, **attributes: str) -> Locator:
    """Open a host page embedding <ferry-importer token=… migration_id=…|company_id=…> as a SaaS product's page
    would; the page is the test's (answered by the browser on the server's origin), the component's files come
    from Ferry's /app/. The component."""
    url = f"{server.base_url}/acme/import-contacts"
    named = "".join(f' {name.replace("_", "-")}="{value}"' for name, value in attributes.items())
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme: import your contacts</title>'
        '<script type="module" src="/app/ferry-importer.js"></script></head>'
        "<body><main><h1>Import your contacts</h1>"
        f'<ferry-importer token="{token}"{named}></ferry-importer>'
        "</main></body></html>"
    )
    page.page.route(url, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html))
    # A page the browser answers itself has no address, so Chromium takes it for a public site, and a public site
    # needs the person's leave to reach a loopback address (local network access) such as moto's presigned URLs.
    # A real host page on the internet uploads to S3 on the internet and needs none; the console, a real loopback
    # page, is driven without this in test_the_console_works_with_the_keyboard_alone.
    page.page.context.grant_permissions(["local-network-access"])
    page.page.goto(url)
    return page.page.locator("ferry-importer")


def storage_origins(page: BrowserPage, server: LocalServer) -> set[str]:
    """The origins the page reached besides Ferry's API: the presigned upload URLs' (moto, locally)."""
    return page.guard.origins() - {server.base_url}


def test_a_person_imports_contacts_with_a_session_token(
    browser_page: BrowserPage, server: LocalServer, backend: Backend
) -> None:
    page = browser_page.page
    migration_id = backend.migration("Acme contacts")
    importer = embed(browser_page, server, backend.token(migration_id), migration_id=migration_id)
    status = importer.get_by_test_id("status")
    expect(status).to_have_text("Upload a file to start.")
    browser_page.look("start")

    # Upload: straight to the presigned storage URL, with a progress bar
    importer.get_by_label("File to upload").set_input_files(DATA)
    expect(importer.get_by_test_id("upload-progress-text")).to_have_text("contacts.csv is ready: 243 rows.")
    expect(importer.get_by_role("progressbar", name="Upload progress")).to_have_js_property("value", 100)
    file = backend.call("GET", f"/v1/migrations/{migration_id}")["files"][0]
    assert file["status"] == "ready" and file["sheets"][0]["row_count"] == 243
    storage = storage_origins(browser_page, server)
    assert len(storage) == 1, f"the upload should go to one storage origin, went to {storage}"
    assert any(m == "PUT" and url.startswith(next(iter(storage))) for m, url in browser_page.guard.requested)
    browser_page.look("uploaded")

    # Generate: the run stops on a question, shown with the API's options as buttons
    importer.get_by_role("button", name="Generate preview").click()
    question = importer.get_by_role("group", name=QUESTION)
    expect(question).to_be_visible()
    asked = backend.latest_run(migration_id, "generate")
    assert asked["status"] == "blocked" and [q["question"] for q in asked["questions"]] == [QUESTION]
    labels = [o["label"] for o in asked["questions"][0]["options"]]
    assert labels == ["Make it 'lead'", "Make it 'customer'", "Make it 'churned'", "Leave empty"]
    expect(question.get_by_test_id("option")).to_have_text(labels)
    expect(question.get_by_label("Or answer in your own words")).to_be_visible()  # allowCustom
    browser_page.look("question")
    lead = question.get_by_role("button", name="Make it 'lead'")
    lead.click()
    expect(lead).to_have_attribute("aria-pressed", "true")
    importer.get_by_role("button", name="Send answers").click()

    # The preview: flagged cells marked, counted as the API counts them, each saying its error
    table = importer.get_by_role("table", name="Preview of Contacts")
    expect(table).to_be_visible()
    preview = backend.call("GET", f"/v1/migrations/{migration_id}/preview")
    sheet = preview["sheets"][0]
    errors = sheet["errors"]
    assert errors, "contacts.csv has invalid cells in its first rows"
    flagged_rows = {e["row"] for e in errors}
    expect(importer.get_by_test_id("preview-table-flagged-count")).to_contain_text(
        f"{len(errors)} flagged {'cell' if len(errors) == 1 else 'cells'} in {len(flagged_rows)} "
        f"{'row' if len(flagged_rows) == 1 else 'rows'}"
    )
    expect(importer.get_by_test_id("mapping")).to_have_count(len(preview["mappings"]))
    for mapping in preview["mappings"]:  # each mapping with its source, confidence and rationale
        item = importer.locator(f"[data-testid=mapping][data-field={mapping['field']}]")
        if mapping["source"]:
            expect(item).to_contain_text(f"{mapping['field']} ← {mapping['source']['column']}", use_inner_text=True)
        expect(item.get_by_test_id("mapping-confidence")).to_contain_text(f"{round(mapping['confidence'] * 100)}%")
        expect(item.get_by_test_id("mapping-rationale")).to_have_text(mapping["rationale"])
    importer.get_by_label("Show only rows with a flagged cell").check()
    cells = table.get_by_test_id("flagged-cell")
    expect(cells).to_have_count(len(errors))
    for error in errors:
        cell = table.locator(
            f'[role=row][data-row="{error["row"]}"] [data-testid=flagged-cell][data-column="{error["column"]}"]'
        )
        expect(cell).to_have_attribute("data-error", error["error"])
        expect(cell).to_have_attribute("title", re.compile(f"^Invalid {error['column']}: {error['error']}"))
        value = sheet["rows"][error["row"] - 1][error["column"]]
        expect(cell).to_contain_text(str(value) if value not in (None, "") else "(empty)")
    browser_page.look("preview with flagged cells")

    # update in the chat box: a new version, and the diff between the two
    importer.get_by_label("Tell Ferry what to change, or ask about the preview").fill(UPDATE)
    importer.get_by_role("button", name="Change the mapping").click()
    expect(importer.get_by_test_id("preview-version")).to_contain_text("Version 2 (current)")
    second = backend.call("GET", f"/v1/migrations/{migration_id}/preview")
    assert second["version"] == 2
    expect(importer.get_by_test_id("chat-ferry").last).to_contain_text(f"Preview version 2: {second['summary']}")
    diff = backend.call("GET", f"/v1/migrations/{migration_id}/preview/diff", params={"from": 1, "to": 2})
    expect(importer.get_by_test_id("diff-summary")).to_have_text(
        f"{len(diff['changes'])} changes from version 1 to version 2:"
    )
    expect(importer.get_by_test_id("diff-change")).to_have_count(len(diff["changes"]))
    expect(importer.get_by_test_id("diff")).to_contain_text("“DE” → “US”")  # the phone region the update set
    browser_page.look("update and diff")

    # Execute: the report's numbers are the API's, the fill profile drawn as bars
    importer.get_by_role("button", name="Execute import").click()
    report_box = importer.get_by_test_id("report")
    expect(report_box).to_be_visible(timeout=30_000)
    executed = backend.latest_run(migration_id, "execute")
    assert executed["status"] == "completed"
    report = executed["report"]
    expect(importer.get_by_test_id("report-total")).to_have_text(f"{report['totalRows']:,}")
    expect(importer.get_by_test_id("report-invalid")).to_have_text(f"{report['invalidCellCount']:,}")
    # The run's progress came over the thread stream (SSE), every line of it, in order
    log = importer.get_by_role("log", name="Run activity")
    expect(log).to_have_attribute("data-transport", "sse")
    thread = backend.call("GET", f"/v1/migrations/{migration_id}/runs/{executed['run_id']}/thread")["events"]
    progress = [event["text"] for event in thread if event["type"] == "progress"]
    assert len(progress) >= 3, thread
    shown = log.locator("li[data-type=progress]").all_inner_texts()
    assert [line.removeprefix("progress").strip() for line in shown[-len(progress) :]] == progress
    valid = report["totalRows"] - report["invalidCellCount"]
    expect(importer.get_by_test_id("report-valid")).to_have_text(f"{valid:,}")
    profile = report["profile"]
    rows = importer.get_by_test_id("profile-row")
    expect(rows).to_have_count(len(profile["columns"]))
    expect(importer.get_by_test_id("profile-bar-source")).to_have_count(len(profile["columns"]))
    phone = next(c for c in profile["columns"] if c["column"] == "phone")
    phone_row = importer.locator("[data-testid=profile-row][data-column=phone]")
    for side in ("source", "output"):  # the bar is drawn as long as the share of filled cells
        counts = phone[side]
        expect(phone_row).to_contain_text(f"{counts['filled']} of {counts['total']} filled")
        drawn = phone_row.get_by_test_id(f"profile-bar-{side}").evaluate(
            "bar => bar.firstElementChild.getBoundingClientRect().width / bar.getBoundingClientRect().width"
        )
        assert drawn == pytest.approx(counts["filled"] / counts["total"], abs=0.02), side
    # Each hollow column is called out, in words and on its row
    warnings = importer.get_by_test_id("profile-warnings")
    for warning in profile["warnings"]:
        expect(warnings).to_contain_text(warning["message"])
    expect(importer.locator("[data-testid=profile-row][data-hollow=true]")).to_have_count(len(profile["warnings"]))
    browser_page.look("report with profile bars")

    # Download the valid rows: the same CSV rows as the API's export
    with page.expect_download() as download:
        importer.get_by_role("link", name="Valid rows (CSV)", exact=True).click()
    assert download.value.suggested_filename == "contacts.valid.csv"
    path = download.value.path()
    downloaded = list(csv.DictReader(io.StringIO(Path(path).read_text(encoding="utf-8-sig"))))
    expected = backend.export(f"/v1/migrations/{migration_id}/runs/{executed['run_id']}", "valid")
    assert len(downloaded) == report["totalRows"] - report["invalidCellCount"]
    assert downloaded == expected
    assert storage_origins(browser_page, server) == storage  # nothing but Ferry and its storage, start to end


# The element that has the keyboard focus, looking inside shadow roots.
DEEP_FOCUS = """() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el;
}"""
DESCRIBE = """el => el ? `${el.tagName.toLowerCase()}${el.dataset.testid ? '[' + el.dataset.testid + ']' : ''}`
  + ` "${(el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 40)}"` : 'nothing'"""
# A keyboard user must see where the focus is (WCAG 2.4.7): an outline or a focus ring drawn with a shadow.
FOCUS_VISIBLE = """el => { const s = getComputedStyle(el);
  return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }"""


def tab_to(page: Page, target: Locator, limit: int = 80) -> int:
    """Press Tab until `target` has the focus (and shows it); the number of presses."""
    element = target.element_handle()
    seen = []
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle(DEEP_FOCUS)
        if page.evaluate("([a, b]) => a === b", [focused, element]):
            assert element.evaluate(FOCUS_VISIBLE), f"{element.evaluate(DESCRIBE)} has the focus but no focus ring"
            return presses
        seen.append(page.evaluate(DESCRIBE, focused))
    raise AssertionError(f"{limit} Tabs never reached {element.evaluate(DESCRIBE)}; the focus went to: {seen}")


def test_the_console_works_with_the_keyboard_alone(
    browser_page: BrowserPage, server: LocalServer, backend: Backend
) -> None:
    # Given a migration in the account, and the console signed out
    page = browser_page.page
    migration_id = backend.migration("Keyboard contacts")
    page.goto("/app")
    keys = page.keyboard

    # Sign in: Tab to the key field, type the key, Enter
    tab_to(page, page.get_by_label("Account API key"))
    keys.type(server.keys[ACCOUNT])
    keys.press("Enter")
    opener = page.get_by_role("button", name="Open Keyboard contacts")
    expect(opener).to_be_visible()
    tab_to(page, opener)
    keys.press("Enter")
    importer = page.locator("ferry-importer")
    expect(importer).to_have_attribute("migration-id", migration_id)
    expect(importer).to_have_attribute("token", re.compile(r"^sess_"))  # the console opened it with a session token
    browser_page.look("opened")

    # Upload: Space on the file field opens the file chooser. The wait starts before the Tabs: Playwright
    # turns on the browser's chooser interception without waiting for it, so a Space sent at once can beat it.
    with page.expect_file_chooser() as chooser:
        tab_to(page, importer.get_by_label("File to upload"))
        keys.press("Space")
    chooser.value.set_files(DATA)
    expect(importer.get_by_test_id("upload-progress-text")).to_have_text("contacts.csv is ready: 243 rows.")

    # Generate, then answer the question with Space on an option and Enter on Send answers
    tab_to(page, importer.get_by_role("button", name="Generate preview"))
    keys.press("Enter")
    question = importer.get_by_role("group", name=QUESTION)
    expect(question).to_be_visible()
    customer = question.get_by_role("button", name="Make it 'customer'")
    tab_to(page, customer)
    keys.press("Space")
    expect(customer).to_have_attribute("aria-pressed", "true")
    browser_page.look("question answered with the keyboard")
    tab_to(page, importer.get_by_role("button", name="Send answers"))
    keys.press("Enter")
    expect(importer.get_by_role("table", name="Preview of Contacts")).to_be_visible()
    generated = backend.latest_run(migration_id, "generate")
    assert generated["status"] == "awaiting_approval"
    thread = backend.call("GET", f"/v1/migrations/{migration_id}/runs/{generated['run_id']}/thread")["events"]
    assert any("Make it 'customer'" in event["text"] for event in thread if event["type"] == "answer"), thread

    # Execute with Enter: the report is the API's
    tab_to(page, importer.get_by_role("button", name="Execute import"))
    keys.press("Enter")
    expect(importer.get_by_test_id("report")).to_be_visible(timeout=30_000)
    report = backend.latest_run(migration_id, "execute")["report"]
    expect(importer.get_by_test_id("report-total")).to_have_text(f"{report['totalRows']:,}")
    expect(importer.get_by_test_id("report-invalid")).to_have_text(f"{report['invalidCellCount']:,}")
    browser_page.look("report after a keyboard-only import")


def many_contacts(rows: int) -> str:
    """A clean Contacts CSV of `rows` rows, but for rows 1, 251, 501… whose email is not one."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["first_name", "last_name", "email", "phone", "company", "signup_date", "country", "status"])
    for n in range(1, rows + 1):
        email = f"person{n}@example.com" if n % 250 != 1 else f"person{n} at example.com"
        day = f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
        writer.writerow(["Ada", f"Person{n}", email, f"+1415555{n % 10000:04d}", "Acme", day, "US", "lead"])
    return out.getvalue()


def test_thousands_of_rows_scroll_in_a_small_dom(
    browser_page: BrowserPage, server: LocalServer, backend: Backend
) -> None:
    rows = 3000
    page = browser_page.page
    migration_id = backend.migration("Many contacts")
    importer = embed(browser_page, server, backend.token(migration_id), migration_id=migration_id)

    # Drop the file on the drop zone, as a person drags it from their desktop
    transfer = page.evaluate_handle(
        """([name, text]) => { const t = new DataTransfer();
             t.items.add(new File([text], name, {type: 'text/csv'})); return t; }""",
        ["many.csv", many_contacts(rows)],
    )
    importer.get_by_test_id("drop-zone").dispatch_event("drop", {"dataTransfer": transfer})
    expect(importer.get_by_test_id("upload-progress-text")).to_have_text("many.csv is ready: 3,000 rows.")

    # Imported through the API; the page, opened again, shows every imported row
    backend.run(migration_id, "generate")
    report = backend.run(migration_id, "execute")["report"]
    assert report["totalRows"] == rows and report["invalidCellCount"] == rows // 250
    page.reload()
    expect(importer.get_by_test_id("report-total")).to_have_text(f"{rows:,}")
    table = importer.get_by_role("table", name="Imported rows of contacts")
    expect(table).to_have_attribute("aria-rowcount", str(rows + 1))
    expect(importer.get_by_test_id("results-table-flagged-count")).to_contain_text(
        f"{rows // 250} flagged cells in {rows // 250} rows"
    )
    rendered = table.locator("[role=row]")
    assert 0 < rendered.count() < 200

    # Scrolling down (a turn of the mouse wheel, then further on), the rows in view follow and the DOM stays small
    scroller = importer.get_by_test_id("results-table-scroll")
    scroller.scroll_into_view_if_needed()
    scroller.hover()
    data_rows = table.locator("[role=row][data-row]")
    for step in range(4):
        first_shown = data_rows.first.get_attribute("data-row")
        if step == 0:
            page.mouse.wheel(0, 3000)
        else:  # Chromium under load may drop a later synthetic wheel event; the scroll itself is what matters
            scroller.evaluate("el => el.scrollBy(0, 3000)")
        expect(data_rows.first).not_to_have_attribute("data-row", first_shown or "")  # the window moved on
        assert rendered.count() < 200
    # Scrolled to the end, the last row is there and the DOM is still small
    scroller.evaluate("el => { el.scrollTop = el.scrollHeight; }")
    last = table.locator(f'[role=row][aria-rowindex="{rows + 1}"]')
    expect(last).to_be_in_viewport()
    expect(last).to_contain_text(f"person{rows}@example.com")
    assert rendered.count() < 200
    browser_page.look("thousands of rows scrolled to the end")


def test_a_revoked_session_is_told_to_the_person_and_to_the_host_page(
    browser_page: BrowserPage, server: LocalServer, backend: Backend
) -> None:
    page = browser_page.page
    migration_id = backend.migration("Revoked contacts")
    token = backend.token(migration_id)
    importer = embed(browser_page, server, token, migration_id=migration_id)
    expect(importer.get_by_test_id("status")).to_have_text("Upload a file to start.")
    page.evaluate("() => addEventListener('ferry-unauthorized', () => { window.unauthorized = true; })")
    # When the backend revokes the session, the next call the page makes is refused
    backend.revoke(token)
    importer.get_by_label("File to upload").set_input_files(DATA)
    expect(importer.get_by_test_id("status")).to_have_text(
        "The session has expired or was revoked: open the import again."
    )
    assert page.evaluate("() => window.unauthorized === true"), "the host page was not told (ferry-unauthorized)"
    assert backend.call("GET", f"/v1/migrations/{migration_id}")["files"] == []
    browser_page.look("revoked session")


def test_a_company_import_parked_for_review_is_approved_with_an_override(
    browser_page: BrowserPage, server: LocalServer, backend: Backend
) -> None:
    # Given a migration whose recipe was executed, replayed for a company on the same messy file: it parks
    migration_id = backend.migration("Acme recipe")
    backend.upload(migration_id, DATA)
    backend.run(migration_id, "generate")
    backend.run(migration_id, "execute")
    company = "acme-browser"
    body = {"idempotency_key": f"browser-{migration_id}", "migration_id": migration_id}
    started = backend.call("POST", f"/v1/companies/{company}/imports", json=body)
    run_path = f"/v1/companies/{company}/imports/{started['run_id']}"
    parked = wait_for(lambda: backend.settled(run_path), what="the import to park")
    assert parked["status"] == "needs_attention", parked
    questions = parked["needs_attention"]["questions"]
    proposed = {a["question_id"]: a for a in parked["needs_attention"]["proposed_patch"]["actions"]}

    # When the company's reviewer opens it with a company session token
    importer = embed(browser_page, server, backend.token(company_id=company), company_id=company)
    expect(importer.get_by_test_id("import-status")).to_have_text("Status: Needs a decision")
    # Then every question is there with its options and the proposed action
    expect(importer.get_by_test_id("question")).to_have_count(len(questions))
    for question in questions:
        group = importer.get_by_role("group", name=question["question"])
        expect(group.get_by_test_id("option")).to_have_text([o["label"] for o in question["options"]])
        action = proposed[question["id"]]["action"]
        expect(group.get_by_test_id("proposed-action")).to_contain_text(
            {"delete_invalid_rows": "Delete the flagged rows", "dedup_keep_first": "Keep only the first row"}[action]
        )
    expect(importer.get_by_test_id("patch-summary")).to_contain_text(
        parked["needs_attention"]["proposed_patch"]["summary"]
    )
    browser_page.look("company import needs a decision")

    # When they keep the invalid emails flagged instead of deleting them, and approve the rest as proposed
    invalid = next(q for q in questions if q["id"] == "contacts.email.type")
    group = importer.get_by_role("group", name=invalid["question"])
    keep = group.get_by_role("button", name="Keep the rows flagged (they stay out of the valid export)")
    keep.click()
    expect(keep).to_have_attribute("aria-pressed", "true")
    importer.get_by_role("button", name="Approve and apply").click()

    # Then the import completes with those rows still flagged, and the page shows the API's report
    expect(importer.get_by_test_id("import-status")).to_have_text("Status: Completed", timeout=30_000)
    done = backend.call("GET", run_path)
    assert done["status"] == "completed"
    report = done["report"]
    assert report["invalidCellCount"] == invalid["details"]["affected_count"]  # the override reached Ferry
    expect(importer.get_by_test_id("report-total")).to_have_text(f"{report['totalRows']:,}")
    expect(importer.get_by_test_id("report-invalid")).to_have_text(f"{report['invalidCellCount']:,}")
    browser_page.look("company import completed")
    with browser_page.page.expect_download() as download:
        importer.get_by_role("link", name="Valid rows (CSV)", exact=True).click()
    downloaded = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert downloaded == backend.export(run_path, "valid")
    assert len(downloaded) == report["totalRows"] - report["invalidCellCount"]


def test_a_file_ferry_cannot_read_is_shown_as_rejected_with_the_reason(
    browser_page: BrowserPage, server: LocalServer, backend: Backend
) -> None:
    migration_id = backend.migration("Unreadable file")
    importer = embed(browser_page, server, backend.token(migration_id), migration_id=migration_id)
    expect(importer.get_by_test_id("status")).to_have_text("Upload a file to start.")
    # When a person picks a file that is no table at all
    junk = {"name": "holiday.csv", "mimeType": "text/csv", "buffer": bytes(range(256)) * 64}
    importer.get_by_label("File to upload").set_input_files(junk)
    # Then it is marked rejected with Ferry's own reason, and there is nothing to generate from
    item = importer.get_by_test_id("file")
    expect(item).to_contain_text("rejected")
    rejected = wait_for(
        lambda: backend.settled(
            f"/v1/migrations/{migration_id}/files/{item.get_attribute('data-file-id')}", ("pending_upload",)
        )
    )
    assert rejected["status"] == "rejected" and rejected["error"]
    expect(importer).to_contain_text(rejected["error"])
    expect(importer.get_by_role("button", name="Generate preview")).to_be_disabled()
    browser_page.look("rejected file")
