"""`make run`: the embedded AWS stack plus the Migration API on uvicorn, in one process.

    python -m local.server [--port 8000] [--host 127.0.0.1]

API keys come from FERRY_API_KEYS ("key=account_id" pairs, comma-separated); when unset, a documented
demo key is seeded. Ctrl-C / SIGTERM stop everything cleanly.

State (migrations, files, runs, exports, connection secrets) is kept in FERRY_LOCAL_STATE_DIR (default
.local/state) and restored on the next start (local/persistence.py); `--fresh` (`make run FRESH=1`) starts
clean, `--ephemeral` keeps nothing. Runs that were in flight when the server stopped are failed by the
sweeper, which runs on the template's schedule (local/sweeper.py). Template parameters can be set through the
environment variable the template feeds them to, e.g. FERRY_RUN_STALE_AFTER_SECONDS.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import Any

import uvicorn

from ferry.core.config import get_settings
from ferry.core.observability import logger
from local.persistence import Restored, Snapshotter, StateDir, StateDirBusy, state_dir_from_environment
from local.stack import STATE_FILE, LocalStack, write_state
from local.sweeper import LocalSweeper, interval_seconds
from local.template import ROOT, Template, parameters_from_environment

DEMO_KEY = "ferry_demo_key_0123456789abcdef"
DEMO_ACCOUNT = "acct_demo"


def parse_api_keys(spec: str | None) -> list[tuple[str, str]]:
    """`"k1=acct_a,k2=acct_b"` -> [("k1", "acct_a"), ("k2", "acct_b")]; unset -> the demo key."""
    if not spec or not spec.strip():
        return [(DEMO_KEY, DEMO_ACCOUNT)]
    pairs = []
    for item in spec.split(","):
        key, sep, account = item.strip().partition("=")
        if not sep or not key.strip() or not account.strip():
            raise SystemExit(f"FERRY_API_KEYS: expected key=account_id pairs, got {item.strip()!r}")
        pairs.append((key.strip(), account.strip()))
    return pairs


def seed_api_keys(pairs: list[tuple[str, str]]) -> None:
    from ferry.api.auth import register_api_key

    for key, account in pairs:
        register_api_key(key, account)


def build_app() -> Any:
    """The API as `make run` serves it: what API Gateway does in front of the function, then the FastAPI app."""
    from ferry.api.app import create_app
    from local.body_limit import BodyLimitMiddleware
    from local.throttle import ThrottleMiddleware

    # API Gateway's 10 MB payload limit (local/body_limit.py), then the usage plan's throttle per API key, as
    # API Gateway applies it when deployed (local/throttle.py).
    return BodyLimitMiddleware(ThrottleMiddleware(create_app()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--quiet", action="store_true", help="print only the base URL line")
    parser.add_argument("--state-dir", type=Path, default=state_dir_from_environment(dict(os.environ)),
                        help="where the state is kept (FERRY_LOCAL_STATE_DIR, default .local/state)")  # fmt: skip
    parser.add_argument("--fresh", action="store_true", help="forget the saved state first (make run FRESH=1)")
    parser.add_argument("--ephemeral", action="store_true", help="keep no state: everything is gone at exit")
    args = parser.parse_args(argv)

    keys = parse_api_keys(os.environ.get("FERRY_API_KEYS"))
    snapshot_every = float(os.environ.get("FERRY_LOCAL_SNAPSHOT_SECONDS", "2") or 2)
    # Local mode only: connectors may reach sources on this machine (a local PostgreSQL, fake APIs).
    os.environ.setdefault("FERRY_ALLOW_PRIVATE_HOSTS", "1")
    state = None
    if not args.ephemeral:
        try:
            state = StateDir(args.state_dir).acquire()
        except StateDirBusy as busy:
            raise SystemExit(str(busy)) from None
        if args.fresh:
            state.wipe()
    overrides = parameters_from_environment(Template.load(), dict(os.environ))
    stack = LocalStack(parameter_overrides=overrides).start()
    # The template points the API at the web layer under /opt; here the console is served from the checkout.
    os.environ["FERRY_WEB_DIR"] = str(ROOT / "web")
    get_settings.cache_clear()
    snapshots: Snapshotter | None = None
    sweeper: LocalSweeper | None = None
    try:
        restored = None
        if state is not None:
            snapshots = Snapshotter(stack, state, every=snapshot_every)
            restored = snapshots.restore()  # before anything serves or sweeps
        seed_api_keys(keys)
        config = uvicorn.Config(build_app(), host=args.host, port=args.port, log_level="warning", lifespan="off")
        server = uvicorn.Server(config)
        base = f"http://{args.host}:{args.port}"
        sweeper = LocalSweeper(stack, interval_seconds(stack, dict(os.environ))).start()
        if snapshots is not None:
            snapshots.start()
        write_state(stack, base)
        _print_banner(base, keys[0][0], args.quiet, state, restored, sweeper)
        # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal to the handler that
        # was there before: make that one a clean exit so the stack below is stopped too.
        signal.signal(signal.SIGTERM, _exit_cleanly)
        signal.signal(signal.SIGINT, _exit_cleanly)
        server.run()
    except SystemExit as stop:
        if stop.code not in (0, None):
            raise
    finally:
        if sweeper is not None:
            sweeper.stop()
        if snapshots is not None:
            snapshots.stop()  # the last snapshot, before the stack goes
        stack.stop()
        if state is not None:
            state.release()
        STATE_FILE.unlink(missing_ok=True)
        logger.info("local stack stopped")
    return 0


def _exit_cleanly(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _print_banner(
    base: str, key: str, quiet: bool, state: StateDir | None, restored: Restored | None, sweeper: LocalSweeper
) -> None:
    lines = [f"Ferry Migration API on {base}  (local AWS stack: moto, no Docker)"]
    if not quiet:
        if state is None:
            lines.append("State: not kept (--ephemeral): everything is gone when the server stops")
        else:
            where = "restored " + str(restored) if restored else "nothing saved yet, starting empty"
            lines += [
                f"State: {state.path}  ({where})",
                "  kept across restarts; start fresh with `make run FRESH=1`, or `make reset` while stopped",
            ]
        settings = get_settings()
        lines.append(
            f"Sweeper: every {sweeper.interval:g} s; active runs fail as timed out after "
            f"{settings.run_stale_after_seconds} s without a heartbeat (or once their execution is gone)"
        )
        lines += [
            f"API key: {key}",
            f"Console: {base}/app  (sign in with this key)",
            "Try it:",
            f"  curl {base}/v1/health",
            f"  curl -X POST {base}/v1/migrations -H 'anx-api-key: {key}' -H 'content-type: application/json' "
            '-d \'{"name": "First import"}\'',
            f"  curl {base}/v1/migrations -H 'anx-api-key: {key}'",
            "Stop with Ctrl-C.",
        ]
    print("\n".join(lines), flush=True)


if __name__ == "__main__":
    sys.exit(main())
