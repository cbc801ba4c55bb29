"""`make run`: the embedded AWS stack plus the Migration API on uvicorn, in one process.

    python -m local.server [--port 8000] [--host 127.0.0.1]

API keys come from FERRY_API_KEYS ("key=account_id" pairs, comma-separated); when unset, a documented
demo key is seeded. Ctrl-C / SIGTERM stop everything cleanly.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys

import uvicorn

from ferry.core.observability import logger
from local.stack import STATE_FILE, LocalStack, write_state

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--quiet", action="store_true", help="print only the base URL line")
    args = parser.parse_args(argv)

    keys = parse_api_keys(os.environ.get("FERRY_API_KEYS"))
    # Local mode only: connectors may reach sources on this machine (a local PostgreSQL, fake APIs).
    os.environ.setdefault("FERRY_ALLOW_PRIVATE_HOSTS", "1")
    stack = LocalStack().start()
    try:
        seed_api_keys(keys)
        from ferry.api.app import create_app

        config = uvicorn.Config(create_app(), host=args.host, port=args.port, log_level="warning", lifespan="off")
        server = uvicorn.Server(config)
        base = f"http://{args.host}:{args.port}"
        write_state(stack, base)
        _print_banner(base, keys[0][0], args.quiet)
        # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal to the handler that
        # was there before: make that one a clean exit so the stack below is stopped too.
        signal.signal(signal.SIGTERM, _exit_cleanly)
        signal.signal(signal.SIGINT, _exit_cleanly)
        server.run()
    except SystemExit as stop:
        if stop.code not in (0, None):
            raise
    finally:
        stack.stop()
        STATE_FILE.unlink(missing_ok=True)
        logger.info("local stack stopped")
    return 0


def _exit_cleanly(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _print_banner(base: str, key: str, quiet: bool) -> None:
    lines = [f"Ferry Migration API on {base}  (local AWS stack: moto, no Docker)"]
    if not quiet:
        lines += [
            f"API key: {key}",
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
