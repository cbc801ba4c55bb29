"""Domains: a field taken from the email address's domain ('Company should come from the email domain when
Organization is blank'), and a missing email built on the website's domain ('missing emails: use info@ + website
domain').
"""

from __future__ import annotations

import re

from ferry.agent.synonyms import concepts_of
from ferry.recipe.editor.fit import affirmed
from ferry.recipe.editor.helpers import leftover
from ferry.recipe.editor.recipe_helpers import fresh, place, put
from ferry.recipe.editor.resolver import STOPWORDS, Ctx, words_in, words_of
from ferry.recipe.editor.steps import Step, change, note
from ferry.recipe.model import Affix, FieldRecipe, FillFrom, Op, Trim, UrlToDomain, field_from_mapping

DEFAULT_LOCAL_PART = "info"


_DOMAIN_RE = re.compile(r"\bdomains?\b|\bwebsites?\b|\bweb ?sites?\b|\burls?\b|\bhomepages?\b", re.I)
_OWNER_RES = [
    re.compile(
        r"\bdomains?\s+(?:of|from|in|out of)\s+(?:the\s+|their\s+|its\s+|an?\s+)?(?P<owner>[\w\-\u27e6\u27e7]+"
        r"(?:\s+[\w\-\u27e6\u27e7]+)?)",
        re.I,
    ),
    re.compile(r"(?P<owner>(?:[\w\-\u27e6\u27e7']+\s+)?[\w\-\u27e6\u27e7']+?)(?:'s)?\s+domains?\b", re.I),
]
_DOMAIN_VERBS = frozenset({"use", "take", "build", "make", "derive", "get", "from", "fill", "create", "generate"})
_EMAIL_WORDS = frozenset({"email", "e-mail", "mail", "emails", "e-mails", "address", "addresses"})
_LOCAL_PART_RE = re.compile(r"(?<![\w.])([A-Za-z0-9._%+-]+)@(?![A-Za-z0-9-]+\.)")
_CONDITIONAL_RE = re.compile(
    r"\b(?:when|if|where|whenever|blank|empty|missing|no|none|else|otherwise|fallback|fall back|unless|not|"
    r"without|isn'?t|lacking|absent)\b",
    re.I,
)
DOMAIN_WORDS = words_of(
    "use build make create generate construct derive take get fill from for missing empty blank any all "
    "no none when if is are domain domains website websites web site sites url urls homepage address "
    "addresses should come comes instead local part with as prefix plus at + there isn't not without else "
    "otherwise fallback fall back unless based on using the company's email's emails e-mails out their "
    "its build built a an row rows don't drop filled given set put one ones lacking absent whenever up invent "
    "compose assemble produce people who have has none contact persons those them"
)


def domain(ctx: Ctx, text: str) -> Step | None:
    if not _DOMAIN_RE.search(text) or affirmed(text) is not None:
        return None  # 'do not take the domain of the email': a denied command is never a domain to use
    owner_words, from_email = _domain_owner(ctx, text)
    local = _LOCAL_PART_RE.search(text)
    residue = _LOCAL_PART_RE.sub(" ", text)
    if leftover(ctx, residue, DOMAIN_WORDS | owner_words):
        return None
    emails = [f.key for f in ctx.template.fields if f.type == "email"]
    targets = [m.key for m in ctx.mentions(_without_words(text, owner_words)) if m.key and m.kind == "field"]
    targets += [m.key for m in ctx.mentions(_without_words(text, owner_words)) if m.key and m.key not in targets]
    if not targets and not {w.lower() for w in words_in(text)} & _DOMAIN_VERBS:
        return None  # 'Website is where the company's domain is' describes a column: no field, nothing to do
    conditional = bool(_CONDITIONAL_RE.search(text))
    if from_email:
        source = _email_column(ctx)
        target = next((k for k in targets if k not in emails), None)
        if source is None or target is None:
            return None
        key, column = target, source
        alternative = _alternative_column(ctx, text, source)
        if alternative is not None:
            fr = ctx.recipe_field(key)
            if fr is None or fr.column != alternative:
                return None  # 'company = Website or domain(E-mail)': two new sources, which first is not said
            conditional = True  # 'company = Organization or domain(E-mail)': the domain fills Organization's gaps
        return change(lambda: _apply_domain_field(ctx, key, column, conditional))
    website = _website_column(ctx, owner_words)
    target = next((k for k in targets if k in emails), None) or (emails[0] if emails and not targets else None)
    if target is None:
        return None
    if website is None:
        return note("the source has no website column to take a domain from")
    local_part = local.group(1) if local else DEFAULT_LOCAL_PART
    return change(lambda: _apply_email_from_website(ctx, target, website, local_part, bool(local)))


def _without_words(text: str, words: set[str]) -> str:
    return " ".join(w for w in words_in(text) if w.lower() not in words)


def _domain_owner(ctx: Ctx, text: str) -> tuple[set[str], bool]:
    """The words naming whose domain it is, and whether that is the email address's."""
    for n, pattern in enumerate(_OWNER_RES):
        m = pattern.search(text)
        if m is None:
            continue
        # the words next to 'domain' ('domain of the email', 'the company's domain'), up to a stop word
        found = words_in(m.group("owner"))
        words: list[str] = []
        for word in found if n == 0 else reversed(found):
            if word.lower() in STOPWORDS or word.lower() in _DOMAIN_VERBS:
                break
            words.insert(len(words) if n == 0 else 0, re.sub(r"'s$", "", word))
        if not words:
            continue
        phrase = " ".join(words)
        owner = {w.lower() for w in words}
        emailish = bool(owner & _EMAIL_WORDS) or any(ctx.spec(k).type == "email" for k in [ctx.field(phrase)] if k)
        return owner | {"domain", "domains"}, emailish
    return set(), False


def _email_column(ctx: Ctx) -> str | None:
    for f in ctx.template.fields:
        fr = ctx.recipe_field(f.key)
        if f.type == "email" and fr and fr.column:
            return fr.column
    return _column_of_concept(ctx, "email", 0.9)


def _website_column(ctx: Ctx, owner_words: set[str]) -> str | None:
    for word in owner_words:
        found = ctx.rank_columns(word)
        if found.name and found.score >= 0.97:
            return found.name
    best = _column_of_concept(ctx, "website", 0.8)
    if best is not None:
        return best
    urlish = [c for c, samples in ctx.samples.items() if samples and all(_looks_like_url(s) for s in samples)]
    return urlish[0] if len(urlish) == 1 else None


def _column_of_concept(ctx: Ctx, concept: str, least: float) -> str | None:
    """The column whose name stands most for a CRM concept, when it does so at least `least`."""
    ranked = [(c, concepts_of(c).get(concept, 0.0)) for c in ctx.columns]
    best = max(ranked, key=lambda r: r[1], default=None)
    return best[0] if best and best[1] >= least else None


def _looks_like_url(value: str) -> bool:
    return (
        bool(re.match(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/.*)?$", value.strip(), re.I))
        and "@" not in value
    )


def _alternative_column(ctx: Ctx, text: str, source: str) -> str | None:
    """The column named as the other choice in 'A or the domain of B' ('Organization or domain(E-mail)'), if any."""
    if not re.search(r"\bor\b", text, re.I):
        return None
    columns = [m.name for m in ctx.mentions(text) if m.kind == "column" and m.name != source]
    return columns[0] if columns else None


def _apply_domain_field(ctx: Ctx, key: str, source: str, conditional: bool) -> str:
    to_domain: list[Op] = [Trim(), UrlToDomain()]
    fr = ctx.recipe_field(key)
    if conditional and fr is not None and fr.column:
        fr.ops = [op for op in fr.ops if not isinstance(op, FillFrom)]
        place(fr.ops, FillFrom(column=source, ops=to_domain))
        return f"{key} takes the domain of '{source}' when '{fr.column}' is blank"
    old = f" instead of '{fr.column}'" if fr is not None and fr.column else ""
    put(ctx.tr, FieldRecipe(field=key, column=source, ops=to_domain))
    return f"{key} is the domain of '{source}'{old}"


def _apply_email_from_website(ctx: Ctx, key: str, website: str, local: str, asked: bool) -> str:
    fr = ctx.recipe_field(key)
    if fr is None:
        fr = FieldRecipe.model_validate(field_from_mapping(key, None, "email"))
        fr.ops = [Trim(), *[op for op in fresh(ctx, key, website).ops if op.op == "email_normalize"]]
        put(ctx.tr, fr)
    fr.ops = [op for op in fr.ops if not isinstance(op, FillFrom)]
    place(fr.ops, FillFrom(column=website, ops=[Trim(), UrlToDomain(), Affix(prefix=f"{local}@")]))
    which = "as you said" if asked else "change it by naming another, e.g. 'use contact@'"
    return (
        f"a missing {key} is built as {local}@ + the domain of '{website}' (local part {local}@, {which}), "
        "so the row is kept"
    )
