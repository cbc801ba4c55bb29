"""The README runs as pasted: its shell blocks, in order, in one bash session, against a `make run` server.

The convention (README.md): every ```sh or ```bash block is runnable and is run here, in the order it appears;
a block that must not run (`make run`, `make test`, `sam build && sam deploy --guided`: they start servers,
install or deploy) has the line `<!-- not run by tests -->` right before its fence. Blocks in any other
language (```console, ```text, ```json …) are never run.

The blocks run as one script under `set -euo pipefail` (and `inherit_errexit`, so a failure inside `$(…)` counts
too): any failing command fails the test. They run in a scratch
directory that links the repository's `local/` (paths such as `local/demo/contacts.csv` resolve as from the
repository root, and what the walk writes, `valid.csv`, stays out of the tree), against a server of its own:
a fresh account under the README's demo key, so the planner has learnt nothing yet and asks its question, and
only `BASE` points the walk at the test's port (the README reads `BASE=${BASE:-http://127.0.0.1:8000}`).
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.e2e.conftest import ROOT, local_server

README = ROOT / "README.md"
SKIP = "<!-- not run by tests -->"
DEMO_KEY = "ferry_demo_key_0123456789abcdef"
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)

pytestmark = pytest.mark.e2e


def runnable_blocks(markdown: str) -> list[str]:
    """The README's ```sh/```bash blocks in order, less those right after the `<!-- not run by tests -->` line."""
    blocks = []
    for match in FENCE.finditer(markdown):
        before = markdown[: match.start()].rstrip().splitlines()
        if match.group(1) in ("sh", "bash") and not (before and before[-1].strip() == SKIP):
            blocks.append(match.group(2))
    return blocks


def test_the_convention_picks_the_walk_and_leaves_out_make_and_deploy() -> None:
    blocks = runnable_blocks(README.read_text(encoding="utf-8"))
    script = "\n".join(blocks)
    assert len(blocks) >= 2 and "/v1/migrations" in script
    assert "sam deploy" not in script and not re.search(r"^\s*make ", script, re.M)


def test_the_readme_walk_runs_as_pasted(tmp_path: Path) -> None:
    blocks = runnable_blocks(README.read_text(encoding="utf-8"))
    # Afterwards the harness notes the walk's migration and last run, to check the end result over the API.
    script = (
        "set -euo pipefail\nshopt -s inherit_errexit\n" + "\n".join(blocks) + '\necho "README-WALK MIG=$MIG RUN=$RUN"\n'
    )
    (tmp_path / "walk.sh").write_text(script, encoding="utf-8")
    (tmp_path / "local").symlink_to(ROOT / "local", target_is_directory=True)
    with local_server({"acct_demo": DEMO_KEY}, tmp_path / "state") as server:
        env = {k: v for k, v in os.environ.items() if k not in ("KEY", "MIG", "RUN")} | {"BASE": server.base_url}
        done = subprocess.run(
            ["bash", "walk.sh"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False
        )
        out = done.stdout
        assert done.returncode == 0, f"the README walk failed (exit {done.returncode}):\n{out}\n{done.stderr}"
        mig, run = re.findall(r"^README-WALK MIG=(\S+) RUN=(\S+)$", out, re.M)[0]
        run_body = httpx.get(
            f"{server.base_url}/v1/migrations/{mig}/runs/{run}", headers={"anx-api-key": DEMO_KEY}, timeout=10
        ).json()
    # The walk went through each stage: the file ready, generate blocked on its question and answered, the
    # update's preview, the execute completed.
    statuses = [line for line in out.splitlines() if re.fullmatch(r"[a-z_]+", line)]
    assert statuses[:3] == ["ready", "blocked", "running"], out
    assert statuses[3:] == ["awaiting_approval", "awaiting_approval", "completed"], out
    # The valid export: the template's columns, only valid rows, one per email (the update asked for it)
    report = run_body["report"]
    rows = list(csv.DictReader((tmp_path / "valid.csv").open(encoding="utf-8", newline="")))
    assert list(rows[0]) == ["first_name", "email", "phone"]
    assert len(rows) == report["totalRows"] - report["invalidCellCount"] > 100
    assert all(r["first_name"] and "@" in r["email"] for r in rows)
    assert len({r["email"].lower() for r in rows}) == len(rows)
    assert all(not r["phone"] or r["phone"].startswith("+") for r in rows)
    assert {"first_name": "Marie Lovelace", "email": "marie.lovelace@radium.de", "phone": "+14155552286"} in rows
