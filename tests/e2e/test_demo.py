"""`make demo` walks a whole migration against the running server and ends with the valid rows saved."""

from __future__ import annotations

import csv
import subprocess
import sys

from local.demo import OUTPUT
from tests.e2e.conftest import ROOT, LocalServer


def test_demo_walks_a_whole_migration(server: LocalServer) -> None:
    key = next(iter(server.keys.values()))
    done = subprocess.run(
        [sys.executable, "-m", "local.demo", "--base", server.base_url, "--key", key],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    for step in ("3. generate", "4. update", "5. clarify", "6. execute", "7. export"):
        assert step in out
    assert "does not import 'Notes'" in out  # the clarify answer reached the thread
    rows = list(csv.DictReader(OUTPUT.open(encoding="utf-8", newline="")))
    assert rows and all(r["email"] and "@" in r["email"] for r in rows)
    assert len({r["email"] for r in rows}) == len(rows)  # deduplicated on email, as the update asked
    assert all(not r["phone"] or r["phone"].startswith("+") for r in rows)
