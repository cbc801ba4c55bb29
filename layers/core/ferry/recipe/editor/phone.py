"""Phone region: 'phone numbers are German' reads numbers without a country code as that country's."""

from __future__ import annotations

import re
from functools import partial

from ferry.agent.enums import country_code
from ferry.agent.normalize import fold
from ferry.recipe.editor.helpers import ADJECTIVES, foreign, leftover
from ferry.recipe.editor.recipe_helpers import place
from ferry.recipe.editor.resolver import Ctx, words_in, words_of
from ferry.recipe.editor.steps import Step, change, note
from ferry.recipe.model import PhoneE164

PHONE_CUE_RE = re.compile(
    r"\b(?:phones?|telephones?|tel|numbers?|mobiles?|cell(?:phone)?s?|landlines?|region|country codes?|"
    r"dial(?:l?ing)? codes?|calling codes?|prefix(?:es)?|area codes?)\b",
    re.I,
)
PHONE_WORDS = words_of(
    "phone phones telephone telephones tel number numbers mobile mobiles cell cellphone landline "
    "landlines region default country code codes dial dialing dialling calling prefix international "
    "format formatted local unless except without have has they them their already start starts begin "
    "with plus national assume treat read parse use set are is from in all come be should mostly mainly "
    "usually every one e164 e.164 prefixed come comes don't do not contain include written given missing "
    "lack otherwise ones as have xx +xx code treat handle consider"
)
_DIAL_RE = re.compile(r"(?:\+|\b00)\s?(\d{1,3})\b")


def _country_in(text: str) -> tuple[str, list[str]] | None:
    """An ISO alpha-2 country named in the text (adjective, name, code or dial code) and the words naming it."""
    dial = _DIAL_RE.search(text)
    if dial:
        import phonenumbers  # the engine's phone library, only needed here

        region = phonenumbers.region_code_for_country_code(int(dial.group(1)))
        if region and region != "ZZ":
            return region, [dial.group(1), "+" + dial.group(1), "00" + dial.group(1)]
    words = words_in(text)
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            group = " ".join(words[start : start + size])
            code = ADJECTIVES.get(fold(group))
            if code is None and (len(group) >= 4 or (group.isupper() and len(group) in (2, 3))):
                code = country_code(group)
            if code:
                return code, [w.lower() for w in words[start : start + size]]
    return None


def phone_region(ctx: Ctx, text: str) -> Step | None:
    mentions = ctx.mentions(text)
    phone_keys = [m.key for m in mentions if m.key and _is_phone(ctx, m.key)]
    if not (PHONE_CUE_RE.search(text) or phone_keys):
        return None
    found = _country_in(text)
    if found is None:
        return None
    region, naming = found
    left = leftover(ctx, text, PHONE_WORDS | set(naming))
    other = any(
        not {w.lower() for w in words_in(m.phrase)} <= PHONE_WORDS | set(naming) for m in mentions
    )  # 'go in Notes'
    if left and not _lacking_code_by_default(text, left, named=other):
        return None
    if foreign(ctx, text, partial(_is_phone, ctx), PHONE_WORDS):
        return None
    keys = list(dict.fromkeys(phone_keys)) or [f.key for f in ctx.template.fields if _is_phone(ctx, f.key)]
    keys = [k for k in keys if (fr := ctx.recipe_field(k)) and fr.source_columns()]
    if not keys:
        return note(f"{ctx.template.name} has no mapped phone field to read in {region}")
    tr_fields = [ctx.recipe_field(k) for k in keys]

    def apply() -> str:
        for fr in tr_fields:
            if fr is None:
                continue
            ops = [op for op in fr.ops if isinstance(op, PhoneE164)]
            if not ops:
                place(fr.ops, PhoneE164(region=region))
            for op in ops:
                op.region = region
        return f"{' and '.join(keys)} numbers without a country code are read as {region} numbers"

    return change(apply)


# 'Phones with no country code are booked to Germany by default': what numbers lack, the country and 'by default'
# say the region whatever verb joins them ('play for', 'are booked to'), if nothing is denied and nothing else said
_LACKING_CODE_RE = re.compile(
    r"\b(?:no|without|lacking|missing)\s+(?:an?\s+|any\s+)?(?:country|dial(?:l?ing)?)\s+codes?\b", re.I
)
_BY_DEFAULT_RE = re.compile(r"\bby\s+default\s*[.!]*$", re.I)
_DENIED_RE = re.compile(r"\b(?:not|never|n't|no\s+longer|except|unless|but)\b", re.I)


def _lacking_code_by_default(text: str, left: list[str], named: bool) -> bool:
    if named or not (_LACKING_CODE_RE.search(text) and _BY_DEFAULT_RE.search(text)) or _DENIED_RE.search(text):
        return False
    return len(left) <= 2 and all(w.isalpha() and w.islower() for w in left)


def _is_phone(ctx: Ctx, key: str) -> bool:
    fr = ctx.recipe_field(key)
    return ctx.spec(key).type == "phone" or bool(fr and any(isinstance(op, PhoneE164) for op in fr.ops))
