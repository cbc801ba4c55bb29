"""The real-file benchmark's labels name what the scorer looks up: a label the scorer cannot match is silently
never counted (21 value maps keyed by their source column instead of the field went uncounted until 2026-12-07)."""

from __future__ import annotations

import pytest

from bench.mapping.real_files import FULL_NAME, REAL_DIR, RealFile, load_labels
from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES

ENTRIES = load_labels()


def _field_keys(entry: RealFile) -> set[str]:
    return {field.key for field in {**TEMPLATES, **REAL_TEMPLATES}[entry.template].fields}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.file)
def test_every_label_names_a_field_of_its_template(entry: RealFile) -> None:
    assert (REAL_DIR / entry.file).is_file()
    keys = _field_keys(entry)
    for column, label in entry.truth.items():
        named = label if isinstance(label, list) else [label]
        assert all(f is None or f == FULL_NAME or f in keys for f in named), (column, label)
    # The scorer finds a value map by the field the column is applied to, so it must be keyed by that field.
    assert set(entry.enum_truth) <= keys, sorted(set(entry.enum_truth) - keys)


def test_a_value_map_keyed_by_its_source_column_is_caught() -> None:
    entry, column, field_key = next(
        (e, c, label) for e in ENTRIES for c, label in e.truth.items() if label in e.enum_truth and c != label
    )
    values = entry.enum_truth[field_key]
    misfiled = RealFile(**{**entry.__dict__, "enum_truth": {column: values}})
    with pytest.raises(AssertionError):
        test_every_label_names_a_field_of_its_template(misfiled)
