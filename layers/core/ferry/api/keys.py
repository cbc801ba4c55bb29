"""Operators' key management against the deployed table (or the local stack).

    FERRY_TABLE_NAME=<table> python -m ferry.api.keys create --account acct_acme [--profile prof_x]
    FERRY_TABLE_NAME=<table> python -m ferry.api.keys revoke <key>

`create` prints the new key once; only its SHA-256 hash is stored.
"""

from __future__ import annotations

import argparse
import secrets
import sys

from ferry.api.auth import register_api_key, revoke_api_key


def new_api_key() -> str:
    """A fresh key: 32 random bytes, URL-safe, with a recognisable prefix for secret scanners."""
    return "fk_live_" + secrets.token_urlsafe(32)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ferry.api.keys", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create", help="create a key for an account and print it once")
    create.add_argument("--account", required=True, help="the account id the key acts for")
    create.add_argument("--profile", default=None, help="the key's default connection profile")
    revoke = commands.add_parser("revoke", help="revoke a key at once")
    revoke.add_argument("key")
    args = parser.parse_args(argv)

    if args.command == "create":
        key = new_api_key()
        register_api_key(key, args.account, args.profile)
        print(key)
        return 0
    if not revoke_api_key(args.key):
        print("no such key", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
