"""The real-file mapping benchmark: 482 files from 311 systems (bench/mapping/real), labelled blind.

Each file goes through what an upload goes through: the ingestion sniffer (`ferry.ingest.sniff`: format, encoding,
dialect, header row, XLSX) builds its manifest, then `HeuristicPlanner().generate` plans it onto the labelled
template. The figures are read off the Plan a person would see: its `mappings` (what is applied) and its
`questions` (what is asked), plus, for the calibration error, the confidence of the mappings it proposed but did not
apply (`Plan.matches`). Nothing here is tuned per file; the test split must never be used to tune the matcher.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent.calibrate import expected_calibration_error
from ferry.agent.match import score_sheet
from ferry.agent.planner import HeuristicPlanner, Plan
from ferry.core.domain import SheetManifest
from ferry.ingest import sniff

REAL_DIR = Path(__file__).resolve().parent / "real"
LABELS = REAL_DIR / "labels.json"
FULL_NAME = "full_name"  # the label of one full-name column to be split into first_name + last_name
NAME_PARTS = ("first_name", "last_name")
ASKS_A_COLUMN = ("which_column", "other_party", "header_value_conflict")  # questions whose options name a column
UNLABELLED = object()  # a sniffed column no label key names

Label = str | list[str] | None

DEFINITIONS = """\
  how each figure is counted (per split, pooled over its files; a "labelled column" is a sniffed column whose
  label is not null; a list label accepts any listed field; a "full_name" label is right only when the column
  feeds first_name and/or last_name through a name split):
    auto-applied precision  right (column, field) pairs / all pairs the plan applies without asking
                            (every source column of a mapping counts, fallback columns included)
    Recall@GT               labelled columns the plan applies to a right field / labelled columns
    handled                 labelled columns that are applied to a right field, or that a question offers for
                            a right field (a which-column, other-party or header/value question whose options
                            name the column, or a which-address question one of whose blocks maps it to a right
                            field, so one click maps it right) / labelled columns
    questions per 10 cols   10 x the plan's questions (all kinds) / every sniffed column
    ECE                     ferry.agent.calibrate.expected_calibration_error over the confidence of every
                            applied and every proposed-but-not-applied mapping, right = all its columns right
    silently dropped        labelled columns neither used by an applied mapping nor named in any question
    enum values right       labelled source values whose field is applied from a right column and that the
                            recipe's value map turns into the labelled value (compared as the engine does,
                            case-insensitively); values put to a person in a values question count as asked"""


@dataclass
class RealFile:
    """One entry of labels.json."""

    file: str
    system: str
    template: str
    split: str
    truth: dict[str, Label]
    enum_truth: dict[str, dict[str, str | None]]
    notes: str = ""

    def label_of(self, column: str) -> Label | object:
        """The label of a sniffed column: by exact header, then trimmed (the loader trims padded headers), then a
        sniffer-deduplicated name ('Leerfeld_2' takes 'Leerfeld''s label); UNLABELLED when no key names it."""
        if column in self.truth:
            return self.truth[column]
        trimmed = {k.strip(): v for k, v in self.truth.items()}
        if column.strip() in trimmed:
            return trimmed[column.strip()]
        base = re.fullmatch(r"(.+)_\d+", column.strip())
        if base and base.group(1) in trimmed:
            return trimmed[base.group(1)]
        return UNLABELLED


def load_labels(path: Path = LABELS) -> list[RealFile]:
    return [RealFile(**entry) for entry in json.loads(path.read_text(encoding="utf-8"))]


def right(label: Label | object, field_key: str, split: bool) -> bool:
    """Whether mapping a column with this label to `field_key` is right (`split`: through a full-name split)."""
    if label is None or label is UNLABELLED:
        return False
    if label == FULL_NAME:
        return split and field_key in NAME_PARTS
    if isinstance(label, list):
        return field_key in label
    return label == field_key


@dataclass
class RealTally:
    """Counters for one split of the real files."""

    files: int = 0
    columns: int = 0
    labelled: int = 0
    auto: int = 0
    auto_ok: int = 0
    recalled: int = 0
    handled: int = 0
    questions: int = 0
    dropped: int = 0
    unlabelled: int = 0
    enum_total: int = 0
    enum_ok: int = 0
    enum_asked: int = 0
    points: list[tuple[float, bool]] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    dropped_columns: list[str] = field(default_factory=list)
    missing_keys: list[str] = field(default_factory=list)


def plan_file(entry: RealFile) -> tuple[Plan, SheetManifest]:
    """The plan a person would get after uploading the file and choosing its template; the sheet it read."""
    path = REAL_DIR / entry.file
    template = {**TEMPLATES, **REAL_TEMPLATES}[entry.template]
    manifest = sniff(str(path), path.name)
    plan = HeuristicPlanner().generate({entry.file: manifest}, [template], {entry.file: path.name})
    (tm,) = plan.matches
    sheet = next(s for s in manifest.sheets if s.sheet_id == tm.source_sheet_id)
    return plan, sheet


def _applied(plan: Plan) -> list[tuple[str, list[str], float, bool, dict[str, Any]]]:
    """(field, source columns, confidence, through a name split, the mapping) of every applied mapping."""
    out = []
    for m in plan.mappings:
        if not m["source"]:
            continue
        columns = [s["column"] for s in m.get("sources") or [m["source"]]]
        split = any(op.get("op") == "split_name" for op in m.get("transform") or [])
        out.append((m["field"], columns, float(m["confidence"]), split, m))
    return out


def _quoted(text: str) -> list[str]:
    return re.findall(r"'([^']*)'", text)


def evaluate_file(entry: RealFile, tally: RealTally) -> None:
    plan, sheet = plan_file(entry)
    columns = [c.name for c in sheet.columns]
    labels = {c: entry.label_of(c) for c in columns}
    tally.files += 1
    tally.columns += len(columns)
    tally.unlabelled += sum(label is UNLABELLED for label in labels.values())
    trimmed = {c.strip() for c in columns}
    tally.missing_keys += [
        f"{entry.file}: '{k}'" for k, v in entry.truth.items() if v is not None and k.strip() not in trimmed
    ]
    tally.questions += len(plan.questions)

    applied = _applied(plan)
    used: set[str] = set()
    right_pairs: set[str] = set()
    for field_key, cols, confidence, split, _ in applied:
        for column in cols:
            used.add(column)
            ok = right(labels.get(column, UNLABELLED), field_key, split)
            tally.auto += 1
            tally.auto_ok += ok
            if ok:
                right_pairs.add(column)
            else:
                label = labels.get(column, UNLABELLED)
                shown = "unlabelled" if label is UNLABELLED else json.dumps(label)
                tally.wrong.append(f"{entry.file}: '{column}' -> {field_key} ({confidence:.2f}); label {shown}")

    offered: set[str] = set()  # columns named in any question
    offered_right: set[str] = set()  # columns a question offers for a right field
    asked_values: dict[str, set[str]] = {}
    for tm in plan.matches:
        for q in tm.match.questions:
            if q.kind == "enum_values" and q.field:
                fm = tm.match.match_for(q.field)
                asked_values.setdefault(q.field, set()).update(
                    v.strip().lower() for v in (fm.hints.get("unmatched_values", []) if fm else [])
                )
            if q.kind not in ASKS_A_COLUMN:
                continue
            named = {c for o in q.options for c in _quoted(o.label)}
            for column in columns:
                if column in named or column.strip() in named:
                    offered.add(column)
                    fm = tm.match.match_for(q.field or "")
                    split = fm is not None and fm.hints.get("split") == FULL_NAME and fm.column == column
                    if q.field and right(labels[column], q.field, split=split):
                        offered_right.add(column)
            # a which-address question offers whole blocks: each of its (field, column) pairs is one click away
            for block in q.blocks.values():
                for field_key, column in block.items():
                    if column in labels:
                        offered.add(column)
                        if right(labels[column], field_key, split=False):
                            offered_right.add(column)
        for fm in tm.match.matches:
            cols = fm.columns or ([fm.column] if fm.column else [])
            if cols:
                split = fm.hints.get("split") == FULL_NAME
                ok_all = all(right(labels.get(c, UNLABELLED), fm.field, split) for c in cols)
                tally.points.append((fm.confidence, ok_all))

    for column in columns:
        label = labels[column]
        if label is None or label is UNLABELLED:
            continue
        tally.labelled += 1
        tally.recalled += column in right_pairs
        tally.handled += column in right_pairs or column in offered_right
        if column not in used and column not in offered:
            tally.dropped += 1
            tally.dropped_columns.append(f"{entry.file}: '{column}' (label {json.dumps(label)})")

    _score_enums(entry, applied, labels, asked_values, tally)


def _score_enums(
    entry: RealFile,
    applied: Iterable[tuple[str, list[str], float, bool, dict[str, Any]]],
    labels: dict[str, Label | object],
    asked_values: dict[str, set[str]],
    tally: RealTally,
) -> None:
    by_field = {f: (cols, m) for f, cols, _, split, m in applied if right(labels.get(cols[0], UNLABELLED), f, split)}
    for field_key, expected in entry.enum_truth.items():
        if field_key not in by_field:
            continue
        _, mapping = by_field[field_key]
        value_map: dict[str, str | None] = {}
        for op in mapping.get("transform") or []:
            if op.get("op") == "map_values":
                value_map = {k.strip().lower(): v for k, v in op["mapping"].items()}
        for value, target in expected.items():
            tally.enum_total += 1
            key = value.strip().lower()
            if key in asked_values.get(field_key, set()):
                tally.enum_asked += 1
                continue
            result = value_map[key] if key in value_map else value.strip()
            if target is None:
                tally.enum_ok += result is None
            else:
                tally.enum_ok += result is not None and result.lower() == target.lower()


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def print_split(title: str, t: RealTally, verbose: bool) -> None:
    print(f"\n== {title} ({t.files} files, {t.columns} sniffed columns, {t.labelled} labelled)")
    print(
        f"  auto-applied precision     {_ratio(t.auto_ok, t.auto)}  ({t.auto_ok}/{t.auto} applied column->field pairs)"
    )
    print(
        f"  Recall@GT                  {_ratio(t.recalled, t.labelled)}  ({t.recalled}/{t.labelled} labelled columns)"
    )
    print(f"  handled                    {_ratio(t.handled, t.labelled)}  ({t.handled}/{t.labelled} labelled columns)")
    print(
        f"  questions per 10 columns   {10 * t.questions / max(t.columns, 1):.2f}  "
        f"({t.questions} over {t.columns} columns)"
    )
    print(
        f"  calibration error (ECE)    {expected_calibration_error(t.points):.3f}  over {len(t.points)} applied + "
        "proposed mappings"
    )
    print(f"  silently dropped           {t.dropped}  labelled columns neither mapped nor asked")
    print(
        f"  enum values right          {_ratio(t.enum_ok, t.enum_total - t.enum_asked)}  "
        f"({t.enum_ok}/{t.enum_total - t.enum_asked}; {t.enum_asked} more asked)"
    )
    if t.unlabelled:
        print(f"  sniffed columns no label names (scored as null): {t.unlabelled}")
    if t.missing_keys:
        print(f"  labelled headers the sniffer did not find: {', '.join(t.missing_keys)}")
    if verbose:
        for line in t.wrong:
            print(f"  wrong    {line}")
        for line in t.dropped_columns:
            print(f"  dropped  {line}")


SPLIT_TITLES = {
    "train": "real files — train",
    "dev": "real files — dev (new systems, labelled blind; the matcher was partly tuned on its classes)",
    "dev2": "real files — dev2 (10 files from 7 more systems, labelled blind before any planner run)",
    "dev3": "real files — dev3 (11 files from 6 more systems, labelled blind before any planner run)",
    "dev4": "real files — dev4 (11 files from 6 more systems, labelled blind before any planner run)",
    "dev5": "real files — dev5 (9 files from 6 more systems, labelled blind before any planner run)",
    "dev6": "real files — dev6 (9 files from 7 more systems, labelled blind before any planner run)",
    "dev7": "real files — dev7 (10 files from 6 more systems, labelled blind before any planner run)",
    "dev8": "real files — dev8 (7 files from 7 more systems, labelled blind before any planner run)",
    "dev9": "real files — dev9 (7 files from 5 more systems, labelled blind before any planner run)",
    "dev10": "real files — dev10 (6 files from 4 more systems, labelled blind before any planner run)",
    "dev11": "real files — dev11 (6 files from 5 more systems, labelled blind before any planner run)",
    "dev12": "real files — dev12 (6 files from 4 more systems, labelled blind before any planner run)",
    "dev13": "real files — dev13 (6 files from 5 more systems, labelled blind before any planner run)",
    "dev14": "real files — dev14 (5 files from 5 more systems, labelled blind before any planner run)",
    "dev15": "real files — dev15 (4 files from 3 more systems, labelled blind before any planner run)",
    "dev16": "real files — dev16 (5 files from 3 more systems, labelled blind before any planner run)",
    "dev17": "real files — dev17 (4 files from 1 more system, labelled blind before any planner run)",
    "dev18": "real files — dev18 (7 files from 4 more systems, labelled blind before any planner run)",
    "dev19": "real files — dev19 (6 files from 4 more systems, labelled blind before any planner run)",
    "dev20": "real files — dev20 (7 files from 4 more systems, labelled blind before any planner run)",
    "dev21": "real files — dev21 (8 files from 4 more systems, labelled blind before any planner run)",
    "dev22": "real files — dev22 (8 files from 6 more systems, labelled blind before any planner run)",
    "dev23": "real files — dev23 (7 files from 5 more systems, labelled blind before any planner run)",
    "dev24": "real files — dev24 (7 files from 4 more systems, labelled blind before any planner run)",
    "dev25": "real files — dev25 (6 files from 4 more systems, labelled blind before any planner run)",
    "dev26": "real files — dev26 (8 files from 4 more systems, labelled blind before any planner run)",
    "dev27": "real files — dev27 (8 files from 7 more systems, labelled blind before any planner run)",
    "dev28": "real files — dev28 (8 files from 6 more systems, labelled blind before any planner run)",
    "dev29": "real files — dev29 (9 files from 6 more systems, labelled blind before any planner run)",
    "dev30": "real files — dev30 (7 files from 5 more systems, labelled blind before any planner run)",
    "dev31": "real files — dev31 (7 files from 6 more systems, labelled blind before any planner run)",
    "dev32": "real files — dev32 (8 files from 6 more systems, labelled blind before any planner run)",
    "dev33": "real files — dev33 (6 files from 5 more systems, labelled blind before any planner run)",
    "dev34": "real files — dev34 (7 files from 5 more systems, labelled blind before any planner run)",
    "dev35": "real files — dev35 (8 files from 7 more systems, labelled blind before any planner run)",
    "dev36": "real files — dev36 (6 files from 5 more systems, labelled blind before any planner run)",
    "dev37": "real files — dev37 (6 files from 4 more systems, labelled blind before any planner run)",
    "dev38": "real files — dev38 (8 files from 4 more systems, labelled blind before any planner run)",
    "dev39": "real files — dev39 (7 files from 4 more systems, labelled blind before any planner run)",
    "dev40": "real files — dev40 (7 files from 4 more systems, labelled blind before any planner run)",
    "dev41": "real files — dev41 (7 files from 4 more systems, labelled blind before any planner run)",
    "dev42": "real files — dev42 (7 files from 4 more systems, labelled blind before any planner run)",
    "dev43": "real files — dev43 (7 files from 6 more systems, labelled blind before any planner run)",
    "dev44": "real files — dev44 (7 files from 4 more systems, labelled blind before any planner run)",
    "dev45": "real files — dev45 (4 files from 1 more system, labelled blind before any planner run)",
    "dev46": "real files — dev46 (7 files from 4 more systems, labelled blind before any planner run)",
    "dev47": "real files — dev47 (9 files from 6 more systems, labelled blind before any planner run)",
    "dev48": "real files — dev48 (7 files from 4 more systems, labelled blind before any planner run)",
    "dev49": "real files — dev49 (8 files from 4 more systems, labelled blind before any planner run)",
    "dev50": "real files — dev50 (7 files from 4 more systems, labelled blind before any planner run)",
    "dev51": "real files — dev51 (7 files from 4 more systems, labelled blind before any planner run)",
    "dev52": "real files — dev52 (7 files from 5 more systems, labelled blind before any planner run)",
    "dev53": "real files — dev53 (8 files from 4 more systems, labelled blind before any planner run)",
    "dev54": "real files — dev54 (6 files from 4 more systems, labelled blind before any planner run)",
    "dev55": "real files — dev55 (7 files from 6 more systems, labelled blind before any planner run)",
    "dev56": "real files — dev56 (6 files from 4 more systems, labelled blind before any planner run)",
    "dev57": "real files — dev57 (6 files from 4 more systems, labelled blind before any planner run)",
    "dev58": "real files — dev58 (7 files from 5 more systems, labelled blind before any planner run)",
    "dev59": "real files — dev59 (6 files from 4 more systems, labelled blind before any planner run)",
    "dev60": "real files — dev60 (8 files from 4 more systems, labelled blind before any planner run)",
    "dev61": "real files — dev61 (7 files from 5 more systems, labelled blind before any planner run)",
    "test": "real files — test (never tuned on)",
}


# Every split, in the order they were written (dev..dev61 are blind-labelled files from further systems).
SPLITS = ("train", *(f"dev{n}" if n > 1 else "dev" for n in range(1, 62)), "test")


def run_real(split: str, verbose: bool) -> dict[str, RealTally]:
    """Plan every labelled file of the chosen split(s) (train, dev..dev61, test or all); print the figures."""
    entries = load_labels()
    splits = [*SPLITS] if split == "all" else [split]
    print(f"\nReal-file benchmark: {len(entries)} labelled files in bench/mapping/real (see SOURCES.md)")
    print(DEFINITIONS)
    tallies: dict[str, RealTally] = {}
    for name in splits:
        tally = RealTally()
        for entry in entries:
            if entry.split == name:
                evaluate_file(entry, tally)
        tallies[name] = tally
        print_split(SPLIT_TITLES[name], tally, verbose)
    return tallies


def raw_points(split: str) -> list[tuple[float, bool]]:
    """(raw matcher score, right) of every mapping the plans of one split apply or propose: calibration data.

    The raw score is the matcher's pair score of the mapping's first column and field (what `calibrated` reads);
    right means every source column of the mapping is labelled with that field.
    """
    points: list[tuple[float, bool]] = []
    for entry in load_labels():
        if entry.split != split:
            continue
        plan, sheet = plan_file(entry)
        template = {**TEMPLATES, **REAL_TEMPLATES}[entry.template]
        scored = score_sheet(sheet, template)
        raw: dict[tuple[str, str], float] = {}
        for c, f, s in scored.ranked():
            raw[(c, f)] = max(s, raw.get((c, f), 0.0))
        for tm in plan.matches:
            for fm in tm.match.matches:
                cols = fm.columns or ([fm.column] if fm.column else [])
                if not cols or (cols[0], fm.field) not in raw:
                    continue
                split_name = fm.hints.get("split") == FULL_NAME
                ok = all(right(entry.label_of(c), fm.field, split_name) for c in cols)
                points.append((raw[(cols[0], fm.field)], ok))
    return points
