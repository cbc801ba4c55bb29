"""Values that are people's jobs ('Social Worker', 'Local Registrar', 'Nurse') under a header that names nothing of
the template ('type', 'kind', or a word the vocabulary lacks; not an account's 'Role'): the values say what the column
holds where the header does not, so the job title is worth a place in the question budget, never applied unasked. The
test is the job's head noun, the last word of each value; codes of a role list ('FIELD_AGENT') are a system's roles,
not words for a job.
"""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import AMBIGUOUS_HEADERS

# Nouns a job title ends with, in English: the person doing the work, not the work ('Nursing', 'Sales').
_JOB_NOUNS = frozenset(
    {
        "accountant", "admin", "administrator", "advisor", "adviser", "agent", "analyst", "architect", "assistant",
        "associate", "auditor", "cashier", "chef", "clerk", "consultant", "coordinator", "counsellor", "counselor",
        "designer", "developer", "director", "doctor", "driver", "editor", "electrician", "engineer", "executive",
        "inspector", "intern", "lecturer", "librarian", "manager", "mechanic", "midwife", "nurse", "officer",
        "operator", "pharmacist", "physician", "planner", "president", "professor", "programmer", "receptionist",
        "registrar", "representative", "scientist", "secretary", "specialist", "supervisor", "surgeon", "teacher",
        "technician", "therapist", "trainer", "worker", "writer",
    }
)  # fmt: skip
# Header words of an account's permissions: a 'Role' of 'Admin', 'Developer' says what a user may do, not their job.
_ACCOUNT_WORDS = frozenset({"role", "roles", "permission", "permissions", "access", "group", "groups"})
# Share of a column's distinct values that must end in such a noun.
_JOB_SHARE = 0.8
# Why such a column is asked about: its values, not its header, point at the job title.
JOBS_WHY = "Its values are people's jobs, though its header names no field"
# Longer values are sentences, not titles.
_MAX_WORDS = 5


def _head_noun(value: str) -> str | None:
    """The last word of a value written in words ('Local Registrar' → 'registrar'); None for a code or a number."""
    if "_" in value or "@" in value or any(ch.isdigit() for ch in value) or (value.isupper() and " " not in value):
        return None
    words = re.findall(r"[A-Za-z]+", value.lower())
    if not words or len(words) > _MAX_WORDS:
        return None
    last = words[-1]
    return last[:-1] if last.endswith("s") and last[:-1] in _JOB_NOUNS else last


def is_job(value: str) -> bool:
    """Whether a value written in words ends in a job's noun ('Sales Manager', 'Engineers')."""
    return _head_noun(value) in _JOB_NOUNS


def jobs_under_a_bare_header(col: ColumnInfo, fld: FieldInfo) -> bool:
    """Whether a column whose header names nothing ('type') holds people's jobs in most of its values, for the
    template's job-title field: worth a place in the question budget, never applied."""
    if "job_title" not in fld.concepts or col.filled < 2:
        return False
    if (col.norm not in AMBIGUOUS_HEADERS and col.concepts) or col.raw_words & _ACCOUNT_WORDS:
        return False
    values = {v.strip() for v in col.samples if v.strip()}
    if len(values) < 2:
        return False
    jobs = sum(_head_noun(v) in _JOB_NOUNS for v in values)
    return jobs >= _JOB_SHARE * len(values)
