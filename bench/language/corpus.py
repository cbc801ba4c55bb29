"""The phrasing corpora (corpus.json, and dev.json with splits "dev" to "dev43"): loading them, and the frozen
train/test split corpus.json was written with.

The split, done once when the corpus was written: one `random.Random(13)`, walked over the rows in file order
(update rows 1-20, then clarify rows 1-8); for each row, `rng.sample(range(n), round(n / 3))` picks the positions,
in the row's file order, of its test entries; the rest are train. `assign_splits` redoes it, so a test can check
that the file still holds that split.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).with_name("corpus.json")
# A second corpus, written later (issue 13) before the parser was extended again: split "dev", its own file so the
# frozen train/test draw above is never touched. It measures generalisation while tuning (its first score, taken
# before any change, is the honest one; later scores are partly tuned).
DEV = Path(__file__).with_name("dev.json")
SEED = 13

Entry = dict[str, Any]


def load(path: Path = CORPUS) -> list[Entry]:
    entries: list[Entry] = json.loads(path.read_text(encoding="utf-8"))
    return entries


def load_all() -> list[Entry]:
    """corpus.json (train and test) followed by dev.json (dev)."""
    return load(CORPUS) + load(DEV)


def rows(entries: list[Entry]) -> dict[tuple[str, int], list[Entry]]:
    """The entries of each (kind, row), rows in order of first appearance, entries in file order."""
    out: dict[tuple[str, int], list[Entry]] = {}
    for entry in entries:
        out.setdefault((entry["kind"], entry["row"]), []).append(entry)
    return out


def assign_splits(entries: list[Entry], seed: int = SEED) -> list[Entry]:
    """Set each entry's `split`: a third of every row (rounded) is `test`, drawn by one Random(seed)."""
    rng = random.Random(seed)
    for row_entries in rows(entries).values():
        n = len(row_entries)
        test = set(rng.sample(range(n), round(n / 3)))
        for i, entry in enumerate(row_entries):
            entry["split"] = "test" if i in test else "train"
    return entries


def dump(entries: list[Entry]) -> str:
    """One entry a line, keys in a fixed order."""
    keys = ("id", "kind", "row", "text", "style", "split")
    lines = [json.dumps({k: e[k] for k in keys}, ensure_ascii=False) for e in entries]
    return "[\n" + ",\n".join(lines) + "\n]\n"
