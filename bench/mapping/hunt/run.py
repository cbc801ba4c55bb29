"""The precision hunt of issue 12: small invented CSVs written to tempt the matcher into wrong auto-applied mappings.

    PYTHONPATH=layers/core .venv/bin/python bench/mapping/hunt/run.py [-v]

Each file's columns were labelled (their field, or none) before the planner ran on them; every fifth file of each
batch is the held-out split `heldout`, looked at only in aggregate. Planned and scored as `real_files.py` plans and
scores a real file; `-v` lists the wrong auto-applied and silently dropped columns of the `hunt`, `hunt2` and `hunt4`
splits only. The second hunt's files (`h2_*`) are the splits `hunt2` and `heldout2` (held out the same way); the files
of issue 12's header vocabulary in more languages (`h3_*`, one per language) are the held-out split `heldout3`; the
third hunt's files (`h4_*`) are the splits `hunt4` and `heldout4` (every fourth file of each batch held out); the
files of issue 12's header vocabulary in depth (`h5_*`: HR, assets, catalogue, tickets, deals and companies in the big
six languages, and technical snake_case exports) are the held-out split `heldout5`; those of the same vocabulary in
eight more languages (`h6_*`: Polish, Czech, Swedish, Danish, Norwegian, Finnish, Turkish and Russian, four of them
header-only import templates) the held-out split `heldout6`.
See bench/mapping/real/SOURCES.md, "A hunt for wrong auto-applied mappings", "A second hunt for wrong auto-applied
mappings", "A third hunt for wrong auto-applied mappings", "Header vocabulary in more languages (issue 12)",
"Header vocabulary in depth and technical abbreviations (issue 12)" and "Header vocabulary in depth, eight more
languages (issue 12)".
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

import bench.mapping.real_files as real_files  # noqa: E402


def main(argv: list[str]) -> int:
    real_files.REAL_DIR = HERE / "files"
    entries = real_files.load_labels(HERE / "labels.json")
    splits = ("hunt", "heldout", "hunt2", "heldout2", "heldout3", "hunt4", "heldout4", "heldout5", "heldout6")
    for split in splits:
        t = real_files.RealTally()
        for entry in entries:
            if entry.split == split:
                real_files.evaluate_file(entry, t)
        print(
            f"== {split}: {t.files} files, {t.columns} columns, {t.labelled} labelled | auto-applied {t.auto}, "
            f"wrong {t.auto - t.auto_ok} (precision {t.auto_ok / max(t.auto, 1):.3f}) | Recall@GT "
            f"{t.recalled}/{t.labelled}, handled {t.handled}/{t.labelled}, silently dropped {t.dropped}, "
            f"questions {t.questions}"
        )
        if "-v" in argv and split in ("hunt", "hunt2", "hunt4"):
            for line in t.wrong:
                print("  wrong  ", line)
            for line in t.dropped_columns:
                print("  dropped", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
