"""The session: one message read clause by clause against every template, and the result as an `Edit`.

A message is cut into sentences and each sentence where its parts stand alone as instructions; each clause is
read by the dispatcher against every template (the best fitting wins), applied in order to a copy of the
recipe, and the first clause that needs a person's decision stops the run with a question.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel
from rapidfuzz import fuzz

from ferry.agent.enums import COUNTRIES
from ferry.agent.normalize import fold
from ferry.core import outcomes
from ferry.core.domain import SheetManifest, Template
from ferry.recipe.editor.adjuncts import shorter_readings, trailing_word
from ferry.recipe.editor.asides import is_aside
from ferry.recipe.editor.context import (
    antecedents,
    conditioned,
    has_pronoun,
    is_background,
    is_trailing_reason,
    points_at_cases,
    with_antecedent,
)
from ferry.recipe.editor.dispatch import GRAMMAR_WORDS, recognise
from ferry.recipe.editor.field_agreement import undoes_earlier
from ferry.recipe.editor.fit import (
    affirmed,
    changed_fields,
    denial_question,
    denies_a_removal,
    instead_kept,
    keeps_all,
    misfit,
    misfit_question,
    object_missed,
    or_unordered,
    position_scope,
    removes,
    set_object,
    unmaps_touched,
    unused_columns,
)
from ferry.recipe.editor.helpers import ADJECTIVES
from ferry.recipe.editor.idioms import spreadsheet_functions
from ferry.recipe.editor.messages import SENTENCE_RE, SOFT_BREAK_RE, Clause, asked_conditions, cut_quotes, tidy
from ferry.recipe.editor.pairs_unread import pair_left_unread
from ferry.recipe.editor.resolver import Ctx
from ferry.recipe.editor.scene_sentences import is_scene
from ferry.recipe.editor.steps import Question, Step
from ferry.recipe.editor.voices import sql_cases
from ferry.recipe.model import Recipe, RecipeError, TemplateRecipe

# a condition on rows left open at its end: 'rows without email', 'where the phone', 'missing a website'
_OPEN_CONDITION_RE = re.compile(
    r"\b(?:without|with no|missing|lacking|where|whose|that have no|having no)\s+(?:an?\s+|the\s+|any\s+)?"
    r"[\w-]+(?:\s+[\w-]+)?\s*$",
    re.I,
)


def _said(column: str, text: str) -> bool:
    """The column's own words are in the text (a near spelling, 'none' for Notes, is not a naming; nor is a
    column's name that says what kind of number is meant: 'mobile numbers are from France')."""
    words = re.findall(r"[^\W_]+", column)
    said = r"\b" + r"[\s_-]*".join(map(re.escape, words)) + r"\b(?!\s+(?:numbers?|phones?|nos?)\b)"
    return bool(words) and re.search(said, text, re.I) is not None


class Edit(BaseModel):
    """What an `update` message did to the recipe.

    `changed` is True exactly when `recipe` holds a new version. `revert` asks the caller to restore the
    previous preview's recipe. `question` (with `pending`, the state `answer_edit_question` needs) means the
    run blocks until a person answers; nothing was changed yet.
    """

    recipe: Recipe | None = None
    summary: str
    question: outcomes.Question | None = None
    pending: dict[str, Any] | None = None
    revert: bool = False
    changed: bool = False


_TEMPLATE_SCOPE_RES = [
    re.compile(r"^(?:in|for|on)\s+(?:the\s+)?(?P<t>[\w ]+?)(?:\s+(?:template|sheet))?\s*[,:]\s*(?P<rest>.+)$", re.I),
    re.compile(r"^(?P<rest>.+?)\s+(?:in|for|on)\s+(?:the\s+)?(?P<t>[\w ]+?)\s+(?:template|sheet)$", re.I),
]
# the words an instruction is said with, whatever it names: a clause with none of them and no name is a remark
_INSTRUCTION_WORD_RE = re.compile(
    r"\b(?:undo|revert|back|restore|drop\w*|remov\w*|delet\w*|skip\w*|keep\w*|kept|split\w*|map\w*|unmap\w*|"
    r"us(?:e|ed|ing)|tak\w*|took|lower\w*|upper\w*|case|default\w*|fill\w*|empty|blank\w*|missing|dedup\w*|"
    r"duplicat\w*|first|last|import\w*|ignor\w*|exclud\w*|includ\w*|leav\w*|left|put|set|chang\w*|mak\w*|"
    r"made|treat\w*|read|format\w*|convert\w*|translat\w*|mean\w*|instead|only|filter\w*|should|must|need\w*|"
    r"want\w*|prefer\w*|rather|don'?t|do not|never|not|no|none|nothing|without|optional|required|mandatory|"
    r"somewhere|where|which|whichever|field\w*|column\w*|rows?|records?|version|all|every|each|same|once|"
    r"german\w*|country|phone\w*|e-?mail\w*|dates?|names?|"
    # a retraction or a doubt is never small talk: 'Lowercase the emails. Just kidding.'
    r"kidding|joking|jok\w*|jk|wait|hold|hang|cancel\w*|forget|mind|stop|sorry|oops|mistake\w*|wrong|idea|sure|"
    r"thoughts?|second|maybe|perhaps|hmm+|silly|bad|good|ok(?:ay)?|right|really|sense|what|why|how|who|when|whether|"
    r"is|are|does|do|did|can|could|would|will)\b",
    re.I,
)
_COUNTRY_CODES = frozenset(ADJECTIVES.values())
# a clause that only judges what is there as wrong ('Signup Date (month first) is wrong', 'phone from Work Phone is
# kinda mid'): said before the correction, never an instruction itself
_JUDGEMENT_RE = re.compile(
    r"^[^,;]{2,80}?\s(?:is|are|looks?|seems?)\s+(?:(?:just|all|kinda|totally|completely|clearly|so|really)\s+)?"
    r"(?:wrong|incorrect|bad|off|broken|not\s+right|not\s+correct|mid|weird|sus|messed\s+up|the\s+wrong\s+"
    r"(?:one|column|way(?:\s+round)?)(?:\s+(?:for|as)\s+[\w' -]{1,30})?)$",
    re.I,
)


def is_judgement(text: str) -> bool:
    return _JUDGEMENT_RE.match(text.strip()) is not None


# a clause that tells (its subject first), and the words that make any clause a possible instruction
_NARRATIVE_RE = re.compile(
    r"^(?:(?:so|and|but|ok|okay|well|honestly|basically|anyway)\s*,?\s+)*(?:we|i|our|my|they|some|most|many|half|"
    r"lots|a\s+lot|a\s+few|everyone|everybody|he|she)\b",
    re.I,
)
_NOT_NARRATIVE_RE = re.compile(
    r"\b(?:should|must|shall|need|needs|want|wants|wish|would|could|can|will|let|please|have\s+to|has\s+to|"
    r"not|no|never|none|nothing|without|n't|if|when|whenever|unless|otherwise|instead|only|undo|revert|back|"
    r"cancel\w*|wrong|mistake|wait|stop|forget|kidding|sorry|oops|hold|like|prefer|rather|"
    r"empty|blank|missing|duplicat\w*|twice|same|lower\w*|upper\w*|capital\w*|first|last|day|month|date\w*|"
    r"german\w*|country|phone\w*|e-?mail\w*|names?|code\w*)\b|\d",
    re.I,
)
# a short label before a colon at the start of a sentence ('AC: …', 'Goal: …', 'Ticket #42: …')
_LABEL_RE = re.compile(r"(?P<lead>^|(?<=[.!?]\s))(?P<label>[A-Za-z][\w#-]*(?:\s+#?[\w-]+){0,2})\s*:\s+(?=\S)")
# a clause that is one quotation, quote marks and all
_WHOLE_QUOTE_RE = re.compile(r"[\"'\u201c\u2018](?P<q>[^\"\u201c\u201d]{3,200})[\"'\u201d\u2019]")
# a label that says what kind of message follows ('Customer complaint:', 'User request:', 'Client feedback:')
_MESSAGE_KIND_RE = re.compile(
    r"^[\w-]+(?:\s+[\w-]+)?\s+(?:complaint|request|feedback|report|issue|ticket|problem|bug)s?$"
    # or where the words come from ('Per the client:', 'From the ticket:')
    r"|^(?:per|from|according\s+to|quoting|via)\b",
    re.I,
)
# a column named alone before the command on it ('In Fax, map …', 'The Fax, first is the day'), said with a
# preposition, an article or 'column'
_BARE_SCOPE_RE = re.compile(
    r"^(?:(?i:in|within|inside|for)\s+(?i:the\s+)?|(?i:the)\s+)(?P<s>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
    r"(?i:\s+(?:column|sheet|field))?$|^(?P<c>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?i:column|field)$"
)
_PLACES = frozenset(fold(n) for names in COUNTRIES.values() for n in names) | frozenset(ADJECTIVES)


def _is_place(name: str) -> bool:
    return fold(name) in _PLACES


_ROWS_SUBJECT_RE = re.compile(
    r"^(?:(?:some|many|most|several|a\s+few|a\s+lot|lots|the|these|those|all|half)\s+)?(?:of\s+(?:the|our)\s+)?"
    r"(?:rows|records|contacts|entries|lines|people)\b",
    re.I,
)
_NO_USE_RE = re.compile(r"\b(?:no|of no)\s+(?:use|good|help)\b", re.I)

# "ignore" (filler, "keep the row") weighs a little less, so it never swallows an instruction cut beside it
_WEIGHT = {"change": 1.0, "note": 1.0, "revert": 1.0, "ignore": 0.9, "ask": 0.5, "unknown": 0.0}


class Session:
    """One edit: the recipe being changed, and the templates and sheets it is read against."""

    def __init__(self, recipe: Recipe, templates: list[Template], sheets: dict[tuple[str, str], SheetManifest]) -> None:
        self.recipe = recipe
        self.templates = {t.sheet_id: t for t in templates}
        self.template_list = templates
        self.sheets = sheets
        self.focus: dict[str, str | None] = {}
        self.keys = frozenset(f.key for t in templates for f in t.fields)
        self.message = ""

    # --- reading --------------------------------------------------------------------------------------

    def clauses(self, message: str) -> list[str]:
        """The instructions in a message: sentences, each cut where its parts stand alone as instructions."""
        self.message = message  # as typed: what a quotation is followed by
        whole = cut_quotes(spreadsheet_functions(sql_cases(message)))  # a quoted 'LOWER()' is a function, not a name
        whole.text = self._unlabelled(asked_conditions(whole.text))
        out: list[str] = []
        for sentence in SENTENCE_RE.split(whole.text):
            sentence = tidy(sentence)
            if sentence:
                out += [whole.restore(part) for part in self._segment(sentence, whole.quotes)]
        return out

    def _unlabelled(self, text: str) -> str:
        """A sentence's label before a colon ('AC:', 'Goal:', 'Ticket 42:') goes when it names nothing of the
        migration and says no instruction word; 'Phone: Mobile' or 'Default: US' is the instruction itself."""

        def label(m: re.Match[str]) -> str:
            said = m["label"]
            if _INSTRUCTION_WORD_RE.search(said):
                return m[0]
            # 'Customer complaint:' names a kind of message, whatever value its first word happens to be
            if _MESSAGE_KIND_RE.search(said) is None and any(self._names(said, tr) for tr in self.recipe.templates):
                return m[0]
            return m["lead"]

        return _LABEL_RE.sub(label, text)

    def _names(self, text: str, tr: TemplateRecipe) -> bool:
        ctx = self._ctx(tr, [])
        return ctx is None or bool(ctx.mentions(text)) or any(ctx.known_value(w) for w in re.findall(r"[\w-]+", text))

    def _segment(self, sentence: str, quotes: list[str]) -> list[str]:
        """The best cut of a sentence at ',' / 'and' / 'then': the most of it understood, in the fewest parts."""
        bits = SOFT_BREAK_RE.split(sentence)
        pieces, seps = bits[0::2], bits[1::2]
        if len(pieces) == 1:
            return [sentence]
        n = len(pieces)
        best: list[tuple[float, int, list[str]] | None] = [None] * (n + 1)
        best[0] = (0.0, 0, [])
        for end in range(1, n + 1):
            for start in range(end):
                prev = best[start]
                if prev is None:
                    continue
                text = "".join(pieces[i] + (seps[i] if i < end - 1 else "") for i in range(start, end)).strip()
                step = self.read(Clause(tidy(text), quotes))
                kind = step.kind
                # a question earns the same whatever it swallows, so a sentence is not kept whole just to ask
                weight = _WEIGHT[kind] * (1 if kind == "ask" else end - start) * (0.9 if step.guessed else 1)
                if start and self._shared_condition(pieces[start - 1], seps[start - 1], pieces[start]):
                    continue
                if start and seps[start - 1].strip().lower() in ("and", "plus", "but"):
                    weight -= 0.01  # a bare 'and' more often joins words ('first and last name') than orders
                cand = (prev[0] + weight, prev[1] - 1, [*prev[2], tidy(text)])
                current = best[end]
                if current is None or cand[:2] > current[:2]:
                    best[end] = cand
        final = best[n]
        return [p for p in final[2] if p] if final else [sentence]

    def _shared_condition(self, left: str, sep: str, right: str) -> bool:
        """'rows without email and phone': the 'and' joins two names of one condition, and is no cut (each half
        read alone would drop the other name, or read it as a command of its own)."""
        if sep.strip().lower() not in ("and", "or", "plus", "") or not _OPEN_CONDITION_RE.search(left):
            return False
        first = re.match(r"\s*(?:an?\s+|the\s+|any\s+)?([\w-]+(?:\s+[\w-]+)?)", right)
        return first is not None and any(
            (ctx := self._ctx(tr, [])) is not None and any(m.start == 0 for m in ctx.mentions(first.group(1)))
            for tr in self.recipe.templates
        )

    def understood(self, clause: str) -> bool:
        """The clause reads as an instruction (a change or a definite no-change), not a question."""
        return self.read(cut_quotes(tidy(clause))).kind in ("change", "note", "revert", "ignore")

    def read(self, clause: Clause, recipe: Recipe | None = None, shorten: bool = True) -> Step:
        """The clause read against every template; the templates it fits best win. A clause not understood is
        read again without a frame or a trailing phrase that names nothing (`adjuncts.shorter_readings`)."""
        recipe = recipe or self.recipe
        names = lambda s: any(self._names(s, tr) for tr in recipe.templates)  # noqa: E731
        if not clause.quotes and (core := trailing_word(clause.text, names, GRAMMAR_WORDS)) is not None:
            # a thank-you or a tag in any language after a comma ('…, asante'): an aside to a command read without it
            again = self.read(Clause(core, clause.quotes), recipe, shorten)
            if again.kind in ("change", "note", "revert"):
                return again
        step = self._read(clause, recipe)
        if step.kind != "unknown" or not shorten or clause.quotes:
            return step
        for shorter in shorter_readings(clause.text, names):
            again = self._read(Clause(shorter, clause.quotes), recipe)
            if again.kind in ("change", "note", "revert"):
                return again
        return step

    def _read(self, clause: Clause, recipe: Recipe) -> Step:
        text, only = self._template_scope(clause.text)
        steps: list[Step] = []
        for tr in recipe.templates:
            ctx = self._ctx(tr, clause.quotes)
            if ctx is not None and (only is None or tr.sheet_id == only):
                step = recognise(ctx, text)
                step.focus = {tr.sheet_id: ctx.focus}
                step.templates = [ctx.template.name]
                steps.append(step)
        if not steps:
            return Step("unknown")
        rank = {"change": 5, "revert": 4, "note": 3, "ignore": 3, "ask": 2, "unknown": 1}
        top = max(steps, key=lambda s: (rank[s.kind], s.score))
        if top.kind != "change":
            return top
        chosen = [s for s in steps if s.kind == "change" and s.score >= top.score - 0.02]
        if len(chosen) == 1:
            return top

        names = [n for s in chosen for n in s.templates]

        def apply_all() -> str:
            said = "; ".join(dict.fromkeys(s.apply() for s in chosen if s.apply))
            return f"{said} (in {' and '.join(names)})"

        focus = {k: v for s in chosen for k, v in s.focus.items()}
        described = next((s.described for s in chosen if s.described), None)
        described = described if all(s.described for s in chosen) else None
        return Step("change", apply=apply_all, score=top.score, focus=focus, described=described, about=top.about)

    def _template_scope(self, text: str) -> tuple[str, str | None]:
        """'In the Companies template, ...': the clause without that, and the template it is limited to."""
        for pattern in _TEMPLATE_SCOPE_RES:
            m = pattern.match(text)
            if m is None:
                continue
            named = fold(m.group("t").strip())
            for template in self.template_list:
                if fuzz.ratio(named, fold(template.name)) >= 85 or fuzz.ratio(named, fold(template.sheet_id)) >= 85:
                    return m.group("rest"), template.sheet_id
        return text, None

    def _contexts(self, recipe: Recipe) -> list[Ctx]:
        """Every template's context in `recipe` (the values a clause may name)."""
        return [c for tr in recipe.templates if (c := self._ctx(tr, [])) is not None]

    def _ctx(self, tr: TemplateRecipe, quotes: list[str]) -> Ctx | None:
        template = self.templates.get(tr.sheet_id)
        sheet = self.sheets.get((tr.source.file_id, tr.source.sheet_id))
        if template is None or sheet is None:
            return None
        return Ctx(
            template=template,
            tr=tr,
            columns=sheet.column_names,
            samples={c.name: c.samples for c in sheet.columns},
            quotes=quotes,
            focus=self.focus.get(tr.sheet_id),
            grammar=GRAMMAR_WORDS,
        )

    # --- applying -------------------------------------------------------------------------------------

    def run(self, clauses: list[str]) -> Edit:
        """Apply the clauses in order to a copy of the recipe; stop at the first one that needs a question."""
        if not clauses:
            return Edit(summary="Nothing changed: the recipe stays as it is, as you chose.")
        working = self.recipe.model_copy(deep=True)
        said: list[str] = []
        noted: list[str] = []
        revert = False
        skip = 0
        background: list[tuple[int, str, Clause]] = []
        chatter: list[tuple[int, str, Clause]] = []  # greetings, thanks, remarks: no name, no instruction word
        described: list[tuple[int, Question, Clause, str]] = []  # changes read from a description only
        asked_for: set[str] = set()  # the kinds of change a clause asked for in words ('keep the first one')
        touched: set[tuple[str, str]] = set()  # the fields this message's earlier clauses changed
        for i, text in enumerate(clauses):
            if skip:
                skip -= 1
                continue
            clause = cut_quotes(text)
            step = self.read(clause, working)
            if step.kind == "unknown" and i + 1 < len(clauses):
                # the message was cut before the earlier clauses set what 'it' means ('phone: Work Phone; if it
                # is empty, use Mobile'): read this clause with the next one again, now that they have
                joined = cut_quotes(f"{text}, {clauses[i + 1]}")
                again = self.read(joined, working)
                # (or they fit two readings together: the question with both beats not understanding either)
                reading = again.question is not None and again.question.topic == "reading"
                if again.kind not in ("unknown", "ask") or reading:
                    text, clause, step, skip = joined.restore(), joined, again, 1
            if step.guessed and i + 1 < len(clauses) and has_pronoun(clauses[i + 1]):
                # a reading guessed from cues yields to the one the next clause gives it: 'Some contacts have no
                # work phone but they have a mobile; use the mobile for those' is one instruction, not two
                leaned = self._lean(clauses, i, Step("unknown"), text, clause, working)
                if leaned[0].kind != "unknown":
                    step, text, clause, skip = leaned
            if step.kind in ("unknown", "ask"):
                leaned = self._lean(clauses, i, step, text, clause, working)
                if leaned[0] is not step:  # read with its neighbour (else the clauses it already took stay taken)
                    step, text, clause, skip = leaned
                if step.kind != "unknown" and background and background[-1][0] == i - 1:
                    background.pop()  # that description named what this clause's pronoun means
            if step.kind == "unknown" and i == len(clauses) - 1 and (said or noted) and is_trailing_reason(text):
                noted.append(f"\u201c{text}\u201d read as the reason, not as an instruction")
                continue  # the instruction before is understood; how many rows it concerns changes nothing
            if step.kind == "unknown" and len(clauses) > 1 and is_background(text):
                background.append((i, text, clause))  # applied around if the rest is understood
                continue
            if (
                step.kind == "unknown"
                and len(clauses) > 1
                and (
                    self.names_nothing(clause, working)
                    or self.is_narrative(clause, i, len(clauses), working)
                    or (i + 1 < len(clauses) and is_judgement(text))
                    or is_aside(text, first=i == 0)
                    or is_scene(text, clauses[i + 1] if i + 1 < len(clauses) else None)  # round 34
                    or self._quoted_echo(text, clauses[i + 1 :], working)
                )
            ):
                chatter.append((i, text, clause))  # small talk beside an instruction: skipped if the rest reads
                continue
            if step.kind in ("ask", "unknown"):
                question = step.question or not_understood(text, self, working)
                return self.ask(question, clauses[:i], clauses[i + 1 + skip :], clause)
            if step.kind == "revert":
                revert = True
            elif step.kind == "note":
                noted.append(step.say)
            elif step.kind == "change" and step.apply is not None:
                if self._denial_ignored(text, clause, working):
                    return self.ask(denial_question(text), clauses[:i], clauses[i + 1 + skip :], clause)
                prior = working.model_copy(deep=True)
                before = working.model_dump(by_alias=True)
                phrase = step.apply()
                if working.model_dump(by_alias=True) == before:
                    noted.append(f"\u201c{text}\u201d is already how the recipe works")
                elif why := (
                    misfit(prior, working, self.templates, self.sheets)
                    or position_scope(text)
                    or unused_columns(self._named_columns(text, clause, working), prior, working)
                    or instead_kept(text, prior, working)
                    or unmaps_touched(prior, working, touched)
                    or undoes_earlier(self.recipe, prior, working, touched)  # round 34: two changes that disagree
                    or self._object_missed(text, clause, prior, working)
                    or or_unordered(text, prior, working)
                    or keeps_all(" ".join(clauses), prior, working)
                ):
                    return self.ask(misfit_question(text, why), clauses[:i], clauses[i + 1 + skip :], clause)
                else:
                    touched |= changed_fields(prior, working)
                    said.append(phrase)
                    if step.described is not None:
                        described.append((i, step.described, clause, step.about))
            if step.kind in ("change", "note") and step.described is None and step.about:
                asked_for.add(step.about)
            self.focus.update(step.focus)
        unasked = [d for d in described if d[3] not in asked_for]
        if unasked and not revert:
            # the message only describes the data ('Some rows are duplicates'), and no clause asks for that kind
            # of change ('..., keep the first one'): which change it wants is asked, nothing applied yet
            i, question, clause, _ = unasked[0]
            return self.ask(question, clauses[:i], clauses[i + 1 :], clause)
        if (background or chatter) and not (said or noted or revert):
            i, text, clause = min(background + chatter)  # nothing else understood: that was the instruction
            return self.ask(not_understood(text, self, working), clauses[:i], clauses[i + 1 :], clause)
        aside = sorted(background + chatter)
        if unread := pair_left_unread(self.recipe, working, [t for _, t, _ in aside], self._contexts):
            # round 24: some value pairs read and a pair-like clause not ('X is for us the Y'): asked, not half-done
            i, text, clause = next(a for a in aside if a[1] == unread)
            return self.ask(not_understood(text, self, working), clauses[:i], clauses[i + 1 :], clause)
        instructed = bool(said or noted)  # (a remark or background is no instruction left unapplied by a revert)
        noted += [f"\u201c{text}\u201d read as background, not as an instruction" for _, text, _ in background]
        noted += [f"\u201c{text}\u201d read as a remark, not as an instruction" for _, text, _ in chatter]
        if revert:
            rest = (
                " The other instructions were not applied; send them again on the restored version."
                if instructed
                else ""
            )
            return Edit(summary="Going back to the previous version of the recipe." + rest, revert=True)
        return self._finish(working, said, noted)

    def _object_missed(self, text: str, clause: Clause, prior: Recipe, working: Recipe) -> str | None:
        """A 'set X to …' command read as a change to none of the fields X names (a column counts as the field
        it fed before the change)."""
        said = set_object(clause.text)
        if said is None:
            return None
        named: set[str] = set()
        for tr in prior.templates:
            ctx = self._ctx(tr, clause.quotes)
            if ctx is not None:
                for m in ctx.mentions(said):
                    named |= set(ctx.readers(m.name)[:1]) if m.kind == "column" else {m.name}
        return object_missed(named, {field for _, field in changed_fields(prior, working)})

    def _named_columns(self, text: str, clause: Clause, recipe: Recipe) -> list[str]:
        """The source columns a clause names by their own name (fields it names are not counted)."""
        named: list[str] = []
        for tr in recipe.templates:
            ctx = self._ctx(tr, clause.quotes)
            if ctx is not None:
                named += [m.name for m in ctx.mentions(text) if m.kind == "column" and _said(m.name, text)]
        return named

    def names_nothing(self, clause: Clause, recipe: Recipe) -> bool:
        """A remark, not an instruction: no column, field, value, number or quote of the migration in it, and no
        word an instruction is said with ('Hope you had a good weekend', 'they're no use to us', 'Cheers')."""
        text = _NO_USE_RE.sub(" ", clause.text)
        if clause.quotes or re.search(r"\d", text) or _INSTRUCTION_WORD_RE.search(text):
            return False
        if (scope := _BARE_SCOPE_RE.match(text)) and not _is_place(scope["s"] or scope["c"]):
            return False  # 'In Fax, map …': where the command acts, never small talk ('In Germany, …' may be)
        if set(re.findall(r"\b[A-Z]{2,3}\b", text)) & _COUNTRY_CODES:  # 'put DE, sorry, US': a value, said again
            return False
        for tr in recipe.templates:
            ctx = self._ctx(tr, clause.quotes)
            if ctx is None or ctx.mentions(text):
                return False
            if any(ctx.known_value(w) for w in re.findall(r"[\w-]{3,}", text)):
                return False
        return True

    def is_narrative(self, clause: Clause, i: int, n: int, recipe: Recipe) -> bool:
        """Context told before the request, or a remark after it: the first or the last clause, said of the
        speaker or the data ('We put some dummy records in while testing'), naming no column, field or value,
        with no modal, wish, negation, condition or retraction in it (any of those may be the instruction)."""
        text = clause.text
        if i not in (0, n - 1) or clause.quotes or "?" in text or not _NARRATIVE_RE.match(text):
            return False
        if _NOT_NARRATIVE_RE.search(text):
            return False
        return not any(self._names(text, tr) for tr in recipe.templates)

    def _denial_ignored(self, text: str, clause: Clause, working: Recipe) -> bool:
        """The clause denies its command ('do not treat the phones as German') and yet reads as the very change
        the same clause without the denial reads as: the denial was not understood, so nothing may change."""
        positive = affirmed(text)
        if positive is None:
            return False
        denied, plain = working.model_copy(deep=True), working.model_copy(deep=True)
        steps = (self.read(clause, denied), self.read(cut_quotes(positive), plain))
        if any(s.kind != "change" or s.apply is None for s in steps):
            return False
        for s in steps:
            assert s.apply is not None
            s.apply()
        after = denied.model_dump(by_alias=True)
        same = after == plain.model_dump(by_alias=True) and after != working.model_dump(by_alias=True)
        return same and (denies_a_removal(positive) or not removes(working, denied))

    def _lean(
        self, clauses: list[str], i: int, step: Step, text: str, clause: Clause, working: Recipe
    ) -> tuple[Step, str, Clause, int]:
        """An unknown clause read with the clause beside it: its noun phrase as the next clause's pronoun
        ('The Notes we do not need, leave them out'), or the clause before's noun phrase as its own pronoun."""
        pairs: list[tuple[str, str, int]] = []  # (antecedent clause, pronoun clause, clauses consumed after i)
        if i + 1 < len(clauses) and (has_pronoun(clauses[i + 1]) or points_at_cases(clauses[i + 1])):
            pairs.append((text, clauses[i + 1], 1))
        if i > 0 and has_pronoun(text):
            pairs.append((clauses[i - 1], text, 0))
        bits = SOFT_BREAK_RE.split(text)  # kept whole since no part was understood alone
        for k in range(2, len(bits), 2):
            right = "".join(bits[k:]).strip()
            if has_pronoun(right):
                pairs.append(("".join(bits[: k - 1]).strip(), right, 0))
        for before, pointing, skip in pairs:
            if (resolved := conditioned(before, pointing)) is not None:
                # the condition the description states stays with the instruction: never widened to every row
                again = self.read(cut_quotes(resolved), working)
                if again.kind in ("change", "note", "revert"):
                    joined = cut_quotes(resolved)
                    return again, joined.restore(), joined, skip
                continue
            for phrase in antecedents(before):
                resolved = with_antecedent(pointing, phrase)
                if resolved is None:
                    break
                again = self.read(cut_quotes(resolved), working)
                if _resolves(again):
                    joined = cut_quotes(resolved)
                    return again, joined.restore(), joined, skip
        # the field a judgement before names ('phone from Work Phone is bad, use Mobile'): what 'use Mobile' is for
        judged = [(clauses[i - 1], text)] if i > 0 else []
        judged += [("".join(bits[: k - 1]), "".join(bits[k:]).strip()) for k in range(2, len(bits), 2)]
        for judgement, rest in judged:
            field = self._one_name(judgement, working, kind="field") if is_judgement(judgement) else None
            if field is not None and not has_pronoun(rest):
                again = self.read(cut_quotes(f"{rest} for {field}"), working)
                if again.kind == "change":
                    joined = cut_quotes(f"{rest} for {field}")
                    return again, joined.restore(), joined, 0
        # entity first: no noun phrase opens the clause before ('We shan't be needing the Notes column, so don't
        # bring it across'), but it names one column or field, and that is what the pronoun means
        # (not when the clause before is about rows: 'Some rows are tests (Lifecycle says test). Leave those out')
        about_rows = i > 0 and _ROWS_SUBJECT_RE.match(clauses[i - 1]) is not None
        named = self._one_name(clauses[i - 1], working) if i > 0 and has_pronoun(text) and not about_rows else None
        if named is None and i > 0 and has_pronoun(text) and not about_rows:
            # fields and one column ('Can we get first and last name out of Full Name? Split it'): the column
            named = self._one_name(clauses[i - 1], working, kind="column")
        if named is not None and (resolved := with_antecedent(text, named)) is not None:
            again = self.read(cut_quotes(resolved), working)
            if _resolves(again):
                joined = cut_quotes(resolved)
                return again, joined.restore(), joined, 0
        # the same inside one clause: a topic said first with a comment, then the command on its pronoun ('Notes
        # column no need, don't import it'); the one column or field the topic names is what the pronoun means
        for k in range(2, len(bits), 2):
            right = "".join(bits[k:]).strip()
            left = "".join(bits[: k - 1]).strip()
            topic = self._one_name(left, working) if has_pronoun(right) else None
            # (only a topic said first: 'Flurb the Notes, drop it' has a verb of its own before the name)
            first = re.sub(r"^(?:the|my|our|this|that)\s+", "", fold(left))
            if topic is not None and first.startswith(fold(topic)) and (resolved := with_antecedent(right, topic)):
                again = self.read(cut_quotes(resolved), working)
                if _resolves(again):
                    joined = cut_quotes(resolved)
                    return again, joined.restore(), joined, 0
        return step, text, clause, 0

    def _quoted_echo(self, text: str, later: list[str], working: Recipe) -> bool:
        """Words relayed whole in quotes ("From the ticket: 'we don't want the internal notes …'. So Notes should not
        be imported"): the one column or field they name is what a later clause names, and that clause is the
        instruction; quoted words that name several things, or another one, are never skipped."""
        m = _WHOLE_QUOTE_RE.fullmatch(text.strip())
        if m is None:
            return False
        # said as their consequence: 'So …', 'therefore …' right after the quote
        after = re.escape(m["q"]) + r"[\"'\u201d\u2019]\s*[.!;,:]?\s*(?:so|therefore|hence|thus|which\s+means)\b"
        if not re.search(after, self.message, re.I):
            return False
        named = self._one_name(m["q"], working)
        return named is not None and any(self._one_name(c, working) == named for c in later)

    def _one_name(self, text: str, working: Recipe, kind: str | None = None) -> str | None:
        """The one column or field a clause names (as the file or template spells it), or None for none or several
        (with `kind`, the one name of that kind)."""
        clause = cut_quotes(text)
        names: set[str] = set()
        for tr in working.templates:
            ctx = self._ctx(tr, clause.quotes)
            if ctx is not None:
                # as typed: a word within a typo of a name ('by hand' ~ Land) is no antecedent
                names |= {
                    m.name
                    for m in ctx.mentions(clause.text)
                    if (kind is None or m.kind == kind) and _as_typed(ctx, m.phrase, m.name, m.kind)
                }
        return next(iter(names)) if len(names) == 1 else None

    def _finish(self, working: Recipe, said: list[str], noted: list[str]) -> Edit:
        if not said:
            why = "; ".join(dict.fromkeys(noted)) or "the message asked for no change"
            return Edit(summary=_sentence(f"Nothing changed: {why}", self.keys))
        data = working.model_dump(by_alias=True)
        data["version"] = self.recipe.version + 1
        try:
            new = Recipe.model_validate(data)
            new.validate_against(self.template_list, self.sheets)
        except (RecipeError, ValueError) as exc:
            return Edit(summary=_sentence(f"Nothing changed: the edit would break the recipe ({exc})", self.keys))
        return Edit(recipe=new, summary=_sentence("; ".join([*said, *dict.fromkeys(noted)]), self.keys), changed=True)

    def ask(self, q: Question, before: list[str], after: list[str], clause: Clause) -> Edit:
        """Nothing changed yet: the question for a person, with the `pending` state its answer is applied to."""
        options: dict[str, str | None] = {}
        listed: list[outcomes.QuestionOption] = []
        for n, (label, choice) in enumerate(q.options, start=1):
            option_id = f"opt_{n}"
            if isinstance(choice, tuple):
                _, span, replacement = choice
                choice = clause.restore(clause.text.replace(span, replacement, 1))
            options[option_id] = choice
            listed.append(outcomes.QuestionOption(id=option_id, label=label))
        question = outcomes.Question(
            id=f"edit.{q.topic}", question=q.text, context=q.context or None, options=listed, allow_custom=True
        )
        pending = {
            "question_id": question.id,
            "before": before,
            "after": after,
            "clause": clause.restore(),
            "options": options,
            "custom": q.custom,
        }
        return Edit(summary=f"Nothing changed yet. {q.text}", question=question, pending=pending)


def _resolves(step: Step) -> bool:
    """A clause read with its pronoun's antecedent is understood: a change, a note, an undo, or a question with
    choices about what it names ('store them somewhere': which field for Notes), never the not-understood one."""
    if step.kind in ("change", "note", "revert"):
        return True
    question = step.question
    return step.kind == "ask" and question is not None and question.topic != "unclear" and len(question.options) > 1


def _as_typed(ctx: Ctx, phrase: str, name: str, kind: str) -> bool:
    """The phrase spells the name (or, for a field, its key, label or an alias), not a word a typo away from it."""
    spellings = [name]
    if kind == "field":
        field = next((f for f in ctx.template.fields if f.key == name), None)
        spellings += [name.replace("_", " "), *([field.label] if field and field.label else [])]
        spellings += list(field.aliases or []) if field else []
    said = fold(phrase)
    return any(fuzz.ratio(said, fold(s)) >= 85 or fold(s) in said for s in spellings)


def not_understood(text: str, session: Session, recipe: Recipe) -> Question:
    example = "Map 'Mobile' to phone"
    for tr in recipe.templates:
        ctx = session._ctx(tr, [])
        if ctx is None:
            continue
        unused = [c for c in ctx.columns if not ctx.readers(c)]
        empty = [f.key for f in ctx.template.fields if not ctx.sources(f.key)]
        if unused and empty:
            example = f"Map '{unused[0]}' to {empty[0]}"
            break
    return Question(
        topic="unclear",
        text=f"I did not understand \u201c{text}\u201d. What should change in the recipe?",
        context=(
            "I can map or stop importing a column, use a fallback column or default value, set the date order or "
            "format, split or combine columns, translate values, drop rows or duplicates, change letter case, "
            f"set the phone region, or undo the last change. For example: \u201c{example}\u201d."
        ),
        options=[("Leave the recipe as it is", None)],
    )


def _sentence(text: str, keys: frozenset[str] = frozenset()) -> str:
    """Capitalised and closed with a full stop; a leading field key keeps its spelling ('created_at is ...')."""
    text = text.strip().rstrip(".")
    if text and text.split()[0] not in keys:
        text = text[:1].upper() + text[1:]
    return text + "." if text else ""
