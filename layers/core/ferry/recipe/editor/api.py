"""The instruction editor behind `update` runs: a plain-language message becomes a new recipe version.

Deterministic, no model call. A message is cleaned (politeness, quotes, typos), cut into clauses, and each
clause is read by a list of recognisers (map a column, set a default, drop rows, ...) against the template it
names best. Column and field names are matched loosely: case, punctuation, plurals, typos, labels, aliases
and CRM synonyms. Anything ambiguous or not understood becomes a question instead of a guess; the answer is
applied by `answer_edit_question`. The grammar is listed in docs/recipes.md, "The update grammar".
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

from ferry.core.domain import SheetManifest, Template
from ferry.core.outcomes import Answer
from ferry.recipe.editor.bag import bag_commands, not_a_request
from ferry.recipe.editor.call_figures import call_figured
from ferry.recipe.editor.column_judgements import judged_column_removal
from ferry.recipe.editor.comment_wording import comment_worded
from ferry.recipe.editor.courtesy import courteous
from ferry.recipe.editor.craft_figures import craft_figured
from ferry.recipe.editor.field_layouts import laid_out_request
from ferry.recipe.editor.figures import figured
from ferry.recipe.editor.fit import (
    misfit_question,
    not_now,
    retracted,
    state_question,
    state_question_asked,
    status_replaced,
    two_topics,
)
from ferry.recipe.editor.frames import framed
from ferry.recipe.editor.idioms.paraphrase import causative, suggested
from ferry.recipe.editor.interjections import without_interjection
from ferry.recipe.editor.json_patch import patch_request
from ferry.recipe.editor.kept_rows import guarded, without_kept_rows
from ferry.recipe.editor.messages import cut_quotes, quote, tidy
from ferry.recipe.editor.nested_config import nested_config_request
from ferry.recipe.editor.not_asked import not_asked
from ferry.recipe.editor.out_of_office import out_of_office_request
from ferry.recipe.editor.page_layouts import paged_request
from ferry.recipe.editor.pasted_frames import unframed
from ferry.recipe.editor.plain_forms import plainly_said
from ferry.recipe.editor.post_layouts import posted_request
from ferry.recipe.editor.quoted_reply import replied
from ferry.recipe.editor.readings import commands
from ferry.recipe.editor.registers import registered
from ferry.recipe.editor.resolver import Ctx
from ferry.recipe.editor.review_layouts import without_labels
from ferry.recipe.editor.reworded import reworded
from ferry.recipe.editor.rhetorical import without_rhetorical
from ferry.recipe.editor.row_pronouns import rows_meant
from ferry.recipe.editor.scene_figures import scene_figured
from ferry.recipe.editor.scene_sentences import without_pronoun_scenes
from ferry.recipe.editor.session import Edit, Session, not_understood
from ferry.recipe.editor.sheet_formulas import formula_request
from ferry.recipe.editor.snippets import snippet_request
from ferry.recipe.editor.spoken_figures import spoken_figured
from ferry.recipe.editor.spoken_forms import spoken_form
from ferry.recipe.editor.status_news import status_request
from ferry.recipe.editor.surrounds import without_surrounds
from ferry.recipe.editor.trade_figures import trade_figured
from ferry.recipe.editor.trade_wording import trade_worded
from ferry.recipe.editor.voice_figures import voice_figured
from ferry.recipe.editor.workshop_figures import workshop_figured
from ferry.recipe.model import Recipe, TemplateRecipe

# a reading that is a request: a question read so is one put as a question, never rhetorical
_REQUESTED = ("change", "note", "revert")
# the auxiliary a question opens with: said of anything, so it is no sign the question is about the recipe
_QUESTION_WORD_RE = re.compile(r"^(?:is|are|was|were|does|do|did|has|have|had|will|would|can|could)\s+|\?+", re.I)


def edit_recipe(
    recipe: Recipe, templates: list[Template], sheets: dict[tuple[str, str], SheetManifest], message: str
) -> Edit:
    """Apply a plain-language instruction (one or several) to `recipe`; a new version, a question, or why not.

    `sheets` maps (file_id, sheet_id) to the manifest of each template's source sheet.
    """
    session = Session(recipe, templates, sheets)
    typed = message
    message = patch_request(message)  # round 35: a pasted JSON Patch's operations, said as the commands they state
    message = formula_request(message)  # round 35: a spreadsheet formula's functions name the transform
    message = judged_column_removal(message)  # round 35: 'The Notes column is clutter. Drop it.': it = the column
    message = without_interjection(message)  # round 35: 'Uh-uh, no. <request>', 'Leave it! <request>'
    message = without_labels(message)  # round 35: 'Pros: … Cons: … Fix: …', 'Major comment 1.' before a request
    message = nested_config_request(message)  # round 33: a YAML config, a field with its source and values nested
    message = unframed(message)  # round 32: a pasted diff's headers, a prompt's role, labels, rules and numbers
    message = snippet_request(message)  # round 30: a JSON object or 'K: V' lines under a label, as its pairs
    message = replied(message)  # '> What should we do with Notes?' above 'Put them somewhere': them = Notes
    message = suggested(message)  # 'Shall we leave Notes out?' is the command, not a question
    message = reworded(message)  # round 23: 'render X as Y', 'may I suggest X?', a no-op list item, …
    message = status_request(message)  # round 25: a status update's marked request, its news set aside
    message = out_of_office_request(message)  # round 26: an auto-reply's request, its absence notice set aside
    message = laid_out_request(message)  # round 27: a headed note's verdict, a calendar invite's body
    message = paged_request(message)  # round 28: a forwarded e-mail's body, a notes page's open toggles
    message = posted_request(message)  # round 29: a post's TL;DR, a journal page, release notes, a table, a telegram
    message = trade_worded(message)  # round 25: Jira markup, a purpose after a split, learners' and trade wording
    message = figured(message)  # round 26: 'X sits this one out', 'Y is the spare', 'X isn't a lost cause: …'
    message = trade_figured(message)  # round 27: 'fail over to Y', "X doesn't make the cut", 'is not to be imported'
    message = spoken_form(message)  # round 27: pairs described or 'shall be read as', 'connect F with C', ', eh?'
    message = voice_figured(message)  # round 29: 'snip X off', 'walks the plank', 'belay that last order', asides
    message = spoken_figured(message)  # round 30: 'close out the X position', 'take a mulligan', definitions
    message = scene_figured(message)  # round 31: 'rode in without X', 'cut 'em out of the herd', 'stand down on …'
    message = workshop_figured(message)  # round 32: 'bad iron … scrap heap', 'hammer X flat into lowercase', …
    message = call_figured(message)  # round 33: 'F: X out, Y in', 'Fold the X column', 'decoys, not wild birds', …
    message = without_pronoun_scenes(message)  # round 35: '…; they don't count toward anything. Keep them out'
    message = rows_meant(message)  # round 34: 'rows without X …; remove them': them = the rows, not X's column
    message = plainly_said(message)  # round 34: '<rows> get cut from the import', 'clear out', 'cease to be mandatory'
    message = registered(message)  # round 28: a formal e-mail's courtesy, Tyneside words
    message = craft_figured(message)  # round 28: 'leave X off the map', 'stamp it US', 'make them A and B accordingly'
    message = without_kept_rows(message)  # round 28: "Don't weed them out: <request>", '…; the row stays in'
    message = comment_worded(message)  # round 26: dialect fillers, a closing offer, arrowed pairs under a label
    message = without_surrounds(message)  # round 24: a heading line, a chat paste's times, a reason after the request
    message = without_rhetorical(message, lambda q: session.read(cut_quotes(courteous(q))).kind in _REQUESTED)
    plain = courteous(message)
    # 'Would it be possible to have X split …?': the frame gone, the causative is the command, not a question
    plain = causative(plain) if plain != message else plain
    asked = state_question(message) or state_question(plain)  # 'Quick one: is the email …?'
    if asked is not None:  # a question about the recipe ('Are duplicates dropped?') is never applied
        whole = cut_quotes(message.strip())
        said = cut_quotes(_QUESTION_WORD_RE.sub("", asked))
        # (the quotes put back: a hole read without its quotes raised IndexError, "Does 'Kunde' translate …?")
        if session.names_nothing(said, recipe) or _off_topic(session, said.restore(), recipe):
            # 'is it going to rain today?' asks about nothing the migration holds: not understood, not a question
            return session.ask(not_understood(message.strip(), session, recipe), [], [], whole)
        return session.ask(state_question_asked(asked), [], [], whole)
    why = (
        retracted(plain)
        or not_now(plain)
        or not_asked(message)  # someone else's withdrawn wish, an indirect question, a request put off
        or framed(message, [n for t in templates for n in (t.name, t.sheet_id)])  # a condition, another system
        or status_replaced(plain)
        or two_topics(plain, lambda phrase: _only_name(session, phrase, recipe))
    )
    if why is not None:
        whole = cut_quotes(message.strip())
        return session.ask(misfit_question(message.strip(), why), [], [], whole)
    clauses = [c for c in session.clauses(message) if session.read(cut_quotes(c)).kind != "ignore"]
    if not clauses:  # only greetings or thanks: ask what to change rather than report a change
        edit = session.ask(not_understood(message.strip(), session, recipe), [], [], cut_quotes(message.strip()))
    else:
        edit = session.run(clauses)
    if edit.question is not None and edit.question.id == "edit.unclear":
        # no clause reading understood it: the names the whole message holds and one family's relation word
        edit = _bag_reading(recipe, templates, sheets, message) or edit
    return guarded(session, recipe, typed, edit)  # round 28: rows said to stay are never dropped


# the words of the migration a question may be about without naming a column, field or value
_MIGRATION_WORD_RE = re.compile(
    r"\b(?:rows?|columns?|fields?|recipe|import\w*|files?|values?|preview|versions?|chang\w*|dedup\w*|duplicat\w*|"
    r"map\w*|undo\w*|revert\w*|records?|contacts?|template|sheet|data|format\w*|dates?|names?|numbers?|filter\w*|"
    r"lower\w*|upper\w*|default\w*|empty|blank|missing|drop\w*|split\w*|country|phones?|e-?mails?)\b",
    re.I,
)


def _off_topic(session: Session, text: str, recipe: Recipe) -> bool:
    """A question about nothing the migration holds ('Does anyone know if the coffee machine on the third floor is
    fixed?'): no column, field or value named, and no word of the migration; asked back as not understood."""
    if _MIGRATION_WORD_RE.search(text):
        return False
    return not any(session._names(text, tr) for tr in recipe.templates)


def _only_name(session: Session, phrase: str, recipe: Recipe) -> str | None:
    """The one column or field a phrase is, said alone ('the Mobile column', 'E-mail'), not one it holds."""
    name = session._one_name(phrase, recipe)
    bare = re.sub(r"^(?:the|our|my)\s+|\s+(?:column|field)s?$", "", phrase.strip(), flags=re.I)
    letters = lambda s: re.sub(r"[\W_]+", "", s.lower())  # noqa: E731
    return name if name is not None and fuzz.ratio(letters(bare), letters(name)) >= 80 else None


def _bag_reading(
    recipe: Recipe, templates: list[Template], sheets: dict[tuple[str, str], SheetManifest], message: str
) -> Edit | None:
    """The one change a message's names and relation words say (`bag`), applied with every check a typed command
    gets; None when they say none or several, or when that command itself is a question."""
    if not_a_request(message):  # checked as typed: tidying takes off a trailing 'right?'
        return None
    session = Session(recipe, templates, sheets)
    said = tidy(message)  # quotes kept as typed: "keep='first'" is a cue word, not a name
    commands: list[str] = []
    for tr in recipe.templates:
        ctx = session._ctx(tr, [])
        if ctx is not None:
            commands += bag_commands(ctx, said)
    commands = list(dict.fromkeys(commands))
    if len(commands) != 1:
        return None
    edit = session.run([commands[0]])
    if edit.question is not None:  # a question about the reading (which field, a misfit) beats not understanding
        return edit if edit.question.id != "edit.unclear" else None
    # said, so a reading from the names alone never passes unseen
    return edit.model_copy(update={"summary": f"{edit.summary} I read the message as \u201c{commands[0]}\u201d."})


def edit_from_readings(
    recipe: Recipe,
    templates: list[Template],
    sheets: dict[tuple[str, str], SheetManifest],
    message: str,
    readings: list[dict[str, Any]],
) -> Edit:
    """Apply an instruction another reader (a model) cut into structured readings: each is said as the plain
    command of its intent (`readings.commands`) and read by the same session, resolver and questions as typed
    text; a reading that does not fit its intent, or none at all, is the same "did not understand" question."""
    session = Session(recipe, templates, sheets)
    said = commands(readings)
    if said is None:
        return session.ask(not_understood(message.strip(), session, recipe), [], [], cut_quotes(message.strip()))
    return session.run(said)


def answer_edit_question(
    recipe: Recipe,
    templates: list[Template],
    sheets: dict[tuple[str, str], SheetManifest],
    pending: dict[str, Any],
    answer: Answer,
) -> Edit:
    """Apply the answer to a question an earlier `edit_recipe` asked (with the `pending` it returned)."""
    session = Session(recipe, templates, sheets)
    if answer.question_id != pending.get("question_id"):
        return Edit(summary="That answer belongs to another question, so nothing changed.")
    before: list[str] = list(pending.get("before", []))
    after: list[str] = list(pending.get("after", []))
    if answer.option_id is not None:
        options: dict[str, str | None] = pending.get("options", {})
        if answer.option_id not in options:
            return Edit(summary=f"'{answer.option_id}' is not one of the offered answers, so nothing changed.")
        chosen = options[answer.option_id]
        return session.run(before + ([chosen] if chosen else []) + after)
    custom = (answer.custom or "").strip()
    template = pending.get("custom")
    if template:
        filled = template.replace("'{answer}'", "{answer}").replace("{answer}", quote(custom))
        if session.understood(filled):
            return session.run([*before, filled, *after])
    return session.run(before + session.clauses(custom) + after)


def fields_named(template: Template, recipe_template: TemplateRecipe, columns: list[str], text: str) -> list[str]:
    """Template fields named in free text: by key, label, alias, CRM synonym, or the column that feeds them."""
    clause = cut_quotes(text)
    ctx = Ctx(template=template, tr=recipe_template, columns=columns, samples={}, quotes=clause.quotes)
    return list(dict.fromkeys(m.key for m in ctx.mentions(clause.text) if m.key))


def tidy_message(message: str) -> str:
    """A message without politeness and filler at either end ('could you please ... thanks')."""
    return tidy(message)
