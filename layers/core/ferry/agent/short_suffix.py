"""A short unknown tag several headers end with ('adresse_uai', 'code_postal_uai', 'numero_uai': a French school's
UAI number; round 53, issue 12): the record's mark written after each field word, as a short unknown prefix several
headers share ('pa' of paCity, paCountry) is written before it. Read as the sheet's noise, so the words before it name
the field. Only letters count, two or three of them, unknown to the vocabulary and naming nothing, on three headers
at least: a number ('phone_1', 'email_1'), a form word ('owner_id', 'account_no'), a language code ('name_fr',
'city_fr': a translation, read by the late re-readings) and a word the vocabulary knows stay as they are."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ferry.agent.synonyms import concepts_of, header_words
from ferry.core.domain import SheetManifest

# Fewest headers that must end with the same tag before it is read as the sheet's mark.
_FEWEST = 3
_LONGEST = 3


def short_tag_suffix(sheet: SheetManifest, known: frozenset[str], is_locale: Callable[[str], bool]) -> frozenset[str]:
    """The short unknown tags at least three headers of the sheet end with (see the module's docstring)."""
    lasts = Counter(w[-1] for col in sheet.columns if len(w := header_words(col.header or col.name)) > 1)
    return frozenset(
        word
        for word, count in lasts.items()
        if count >= _FEWEST
        and 2 <= len(word) <= _LONGEST
        and word.isalpha()
        and word not in known
        and not is_locale(word)
        and not concepts_of(word)
    )
