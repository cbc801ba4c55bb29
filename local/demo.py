"""`make demo`: a whole migration against the local API, as a newcomer's first taste.

    python -m local.demo [--base http://127.0.0.1:8000] [--key KEY]

Uses the server `make run` started (it finds it through .local/stack.json), or starts one for the walk and
stops it after. It creates a migration with a Contacts template, uploads the bundled messy file
(local/demo/contacts.csv) straight to S3, generates a recipe (printing progress), shows the preview, answers
any question with its first option, refines the recipe with an `update`, asks a `clarify` question,
executes, prints the report and saves the valid rows as CSV.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from local.server import DEMO_KEY, parse_api_keys
from local.stack import ROOT, read_state

DATA = Path(__file__).resolve().parent / "demo" / "contacts.csv"
OUTPUT = ROOT / ".local" / "demo-valid.csv"
TEMPLATE = {
    "name": "Contacts",
    "sheet_id": "contacts",
    "fields": [
        {"key": "first_name", "type": "string", "required": True},
        {"key": "last_name", "type": "string"},
        {"key": "email", "type": "email", "required": True, "unique": True},
        {"key": "phone", "type": "phone"},
        {"key": "company", "type": "string"},
        {"key": "signup_date", "type": "date"},
        {"key": "country", "type": "enum", "values": ["US", "DE", "FR", "GB"]},
        {"key": "status", "type": "enum", "values": ["lead", "customer", "churned"]},
    ],
}
UPDATE = "Phone numbers are American unless they have a country code, and keep only the first row for each email."
CLARIFY = "Which columns are not imported?"
ACTIVE = ("queued", "running")


class Walk:
    """The demo's HTTP client: every call checked, every run followed through its thread."""

    def __init__(self, base: str, key: str) -> None:
        self.http = httpx.Client(base_url=base, headers={"anx-api-key": key}, timeout=60)

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.http.request(method, path, **kwargs)
        if response.status_code >= 400:
            raise SystemExit(f"{method} {path} answered {response.status_code}: {response.text}")
        return response.json() if response.content and "json" in response.headers.get("content-type", "") else response

    def follow(self, migration_id: str, run_id: str) -> dict[str, Any]:
        """Print the run's thread as it happens until the run stops working; the run."""
        after = 0
        while True:
            run: dict[str, Any] = self.call("GET", f"/v1/migrations/{migration_id}/runs/{run_id}")
            done = run["status"] not in ACTIVE
            thread = f"/v1/migrations/{migration_id}/runs/{run_id}/thread"
            page = self.call("GET", thread, params={"after": after, "wait": 0 if done else 2})
            for event in page["events"]:
                if event["type"] in ("progress", "reply"):
                    print(f"    · {event['text']}")
            after = page["next_after"]
            if done:  # the thread was read after the run stopped: nothing it said is missed
                return run

    def run(self, migration_id: str, **body: Any) -> dict[str, Any]:
        """Start a run, answer its questions with their first option, and follow it to its end."""
        run_id = self.call("POST", f"/v1/migrations/{migration_id}/runs", json=body)["run_id"]
        run = self.follow(migration_id, run_id)
        while run["status"] == "blocked" and run.get("questions"):
            answers = []
            for q in run["questions"]:
                option = q["options"][0]
                print(f"  ? {q['question']}\n    → answering: {option['label']}")
                answers.append({"question_id": q["id"], "option_id": option["id"]})
            self.call("POST", f"/v1/migrations/{migration_id}/runs/{run_id}/messages", json={"answers": answers})
            run = self.follow(migration_id, run_id)
        if run["status"] == "failed":
            raise SystemExit(f"The {body['kind']} run failed: {run['error']}")
        return run


def show_preview(preview: dict[str, Any], rows: int = 8) -> None:
    print(f"  Preview version {preview['version']}: {preview['summary']}")
    for m in preview["mappings"]:
        source = (m["source"] or {}).get("column") or "—"
        print(f"    {m['field']:<12} ← {source:<14} confidence {m['confidence']:.2f}  {m['rationale']}")
    for sheet in preview["sheets"]:
        columns = sheet["columns"]
        widths = [max(len(c), *(len(str(r.get(c) or "")) for r in sheet["rows"][:rows])) for c in columns]
        widths = [min(w, 22) for w in widths]
        print("    " + " | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
        for r in sheet["rows"][:rows]:
            cells = [str(r.get(c) or "")[:22].ljust(w) for c, w in zip(columns, widths, strict=True)]
            print("    " + " | ".join(cells))
        print(f"    … {sheet['rowCount']} rows, about {sheet['invalidRowCount']} with an invalid cell")


def walk(base: str, key: str) -> None:
    started = time.monotonic()
    w = Walk(base, key)
    print(f"Ferry demo against {base}\n")
    print("1. A migration with a Contacts template")
    migration = w.call("POST", "/v1/migrations", json={"name": "Demo: Acme onboarding", "templates": [TEMPLATE]})
    mig = migration["migration_id"]
    print(f"  {mig}\n\n2. Upload {DATA.name} straight to S3 through a presigned URL")
    data = DATA.read_bytes()
    created = w.call("POST", f"/v1/migrations/{mig}/files", json={"filename": DATA.name, "size": len(data)})
    upload = created["upload"]
    put = httpx.request(upload["method"], upload["url"], content=data, headers=upload["headers"], timeout=60)
    if put.status_code >= 300:
        raise SystemExit(f"upload failed: {put.status_code} {put.text}")
    for _ in range(300):
        file = w.call("GET", f"/v1/migrations/{mig}/files/{created['file_id']}")
        if file["status"] != "pending_upload":
            break
        time.sleep(0.1)  # ingestion runs on the S3 event; poll until it settles
    if file["status"] != "ready":
        raise SystemExit(f"the file was not accepted: {file}")
    sheet = file["sheets"][0]
    print(f"  ready: {sheet['row_count']} rows, columns {', '.join(sheet['columns'])}\n")

    print("3. generate: the agent maps the columns and previews the first rows")
    w.run(mig, kind="generate")
    show_preview(w.call("GET", f"/v1/migrations/{mig}/preview"))

    print(f"\n4. update: “{UPDATE}”")
    w.run(mig, kind="update", message=UPDATE)
    show_preview(w.call("GET", f"/v1/migrations/{mig}/preview"), rows=4)

    print(f"\n5. clarify: “{CLARIFY}”")
    w.run(mig, kind="clarify", message=CLARIFY)

    print("\n6. execute: the real import, every cell validated")
    report = w.run(mig, kind="execute")["report"]
    print(f"  {report['totalRows']} rows imported into {', '.join(t['templateName'] for t in report['templates'])}; "
          f"{report['invalidCellCount']} rows have an invalid cell and stay out of the valid export")  # fmt: skip
    for warning in report["profile"]["warnings"]:
        print(f"  ! {warning['message']}")

    print("\n7. export the valid rows as CSV")
    run_id = w.call("GET", f"/v1/migrations/{mig}/runs")["runs"][0]["run_id"]
    csv = w.http.get(f"/v1/migrations/{mig}/runs/{run_id}/export", params={"filter": "valid"}, follow_redirects=True)
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_bytes(csv.content)
    lines = csv.text.splitlines()
    print("\n".join("    " + line for line in lines[:4]))
    print(f"  {len(lines) - 1} valid rows saved to {OUTPUT.relative_to(ROOT)}")
    print(f"\nDone in {time.monotonic() - started:.1f} s.")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", help="the API's base URL (default: the running `make run`, else one started here)")
    parser.add_argument("--key", default=parse_api_keys(os.environ.get("FERRY_API_KEYS"))[0][0])
    args = parser.parse_args(argv)
    base = args.base or (read_state() or {}).get("api_url")
    if base:
        walk(base, args.key)
        return 0
    port = _free_port()
    print(f"No local server is running: starting one on port {port} for the demo.")
    env = {**os.environ, "FERRY_API_KEYS": f"{DEMO_KEY}=acct_demo"}
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "local.server", "--port", str(port), "--quiet"], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(900):
            try:
                if httpx.get(f"{base}/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        walk(base, DEMO_KEY)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
