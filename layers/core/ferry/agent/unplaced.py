"""Columns whose header alone places them wrongly or not at all: a page's metadata ('meta_title', 'SEO Description')
is about the web page, never the record's own field; and in a question, the options a person most likely picks come
first (a bare 'Name' for the record's own name before a 'Default Account', which points at another record; the
record's own 'code' before the id of a language)."""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.models import QuestionOption, SheetMatch
from ferry.agent.pairs import BARE_NAMES, PairScore, ScoredSheet
from ferry.agent.synonyms import header_words

# First words of a header that make it a web page's metadata: a shop's 'meta_keywords', 'metaTitle.en', 'SEO Title'.
_PAGE_WORDS = frozenset({"meta", "seo"})
# Fields that hold a record's own name, which a header saying only 'Name' may mean (Frappe's party 'Name').
RECORD_NAMES = frozenset({"company", "product_name", "full_name"})


def page_metadata(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """A column of a page's metadata ('Meta_keywords', 'metaDescription.de', 'SEO Title') holds what a search engine
    is told about the record's page, not the record's tags, description or name: no field takes it, nothing asks."""
    for i, col in enumerate(columns):
        words = header_words(col.matched or col.header)
        if not words or words[0] not in _PAGE_WORDS or len(words) < 2:
            continue
        reason = f"'{col.header}' is the web page's metadata, not the record's own field"
        for j in range(len(fields)):
            if pairs[i][j].score > 0 or pairs[i][j].header > 0:
                pairs[i][j] = PairScore(0.0, 0.0, 0.0, [reason])


def rank_options(scored: ScoredSheet, result: SheetMatch) -> None:
    """Options of a which-column question in the order a person most likely picks them: for a field holding the
    record's own name, a bare 'Name' first; a 'default …' column (a pointer to another record: 'Default Account')
    after the others; otherwise the order the evidence gave. 'None of these' stays last."""
    by_source = {c.source: c for c in scored.columns}
    for question in result.questions:
        if question.kind != "which_column" or not question.field:
            continue
        fld = next((f for f in scored.fields if f.spec.key == question.field), None)
        record_name = fld is not None and bool(RECORD_NAMES & set(fld.concepts))
        columns = [o for o in question.options if o.label.startswith("'")]
        rest = [o for o in question.options if not o.label.startswith("'")]

        j = scored.fields.index(fld) if fld is not None else -1

        def rank(option: QuestionOption, record_name: bool = record_name, j: int = j) -> int:
            names = re.findall(r"'([^']*)'", option.label)
            col = by_source.get(names[0]) if names else None
            if col is None or j < 0:
                return 1
            if (record_name and col.norm in BARE_NAMES) or scored.pairs[scored.columns.index(col)][j].record_key:
                return 0  # the record's own name or its own code ('code' before 'languageid')
            return 2 if "default" in col.raw_words else 1

        ordered = sorted(columns, key=rank)
        if ordered == columns:
            continue
        question.options = [*ordered, *rest]
        for n, o in enumerate(question.options, start=1):
            o.id = f"opt_{n}"
