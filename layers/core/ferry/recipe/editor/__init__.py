"""The update instruction editor, laid out as its grammar: the public API (`api`) and the `Edit` it returns come from
the `session`, which cuts a message into clauses (`messages`) and reads each through the recogniser `dispatch`; that
tries one module per instruction family (`undo`, `template_level`, `dedup`, `filters`, `phone`, `dates`, `split_concat`,
`domains`, `fill`, `unmap`, `text_case`, `mapping`, `value_maps`, `vague`) in the fixed order of `dispatch.RECOGNISERS`;
a clause none of them reads as typed (nor with its typos corrected) is tried again said the plain way by `rephrase`
(descriptions, arrows and colons, everyday verbs, other word orders, one rule per kind of wording) and by `lexicon`
(everyday verbs and relations in the grammar's words, one synonym table per meaning); a clause still not read is
recognised by `fallback` from the names it holds and its cue words (applied when one reading fits, asked about when two
do); a clause still not read alone is read with the clause beside it by `context` (a pronoun's antecedent, a statement
of background); a message no clause reading understood is read whole by `bag` from the names it holds and one
family's relation word, applied only when exactly one relation fits. Whatever read a clause, `fit` turns a
reading that does not fit into a question: a denial the reading ignored, a question about the recipe said like a
command, a change that does not fit the columns and values it touches.
`readings` says a model's structured reading of a message (intent and names) as those same plain commands, so it goes
through the same session. The families stand on shared infrastructure: `steps` (what a recogniser hands back),
`resolver` (which column, field or value a phrase names; typos), `helpers` (pattern helpers, value spelling, shared
questions) and `recipe_helpers` (op placement, shared field edits). Imports point one way: `messages` and `steps` import
nothing of the editor, `readings` only `messages`, `resolver` only `messages` and `steps`, `rephrase` only `resolver`,
`helpers` and `recipe_helpers` only the modules above, `lexicon` only `helpers`, `fallback` only `resolver` and
`steps`, `fit` only `messages` and `steps` (families may use its `affirmed`); a family imports only the shared
infrastructure, never another family or `dispatch`; `dispatch` imports the families, `rephrase`, `lexicon` and
`fallback`, `context` imports nothing of the editor, `session` imports `dispatch`, `context` and `fit`, and `api`
imports `session`, `fit` and `readings`.
"""

from ferry.recipe.editor.api import answer_edit_question, edit_from_readings, edit_recipe, fields_named, tidy_message
from ferry.recipe.editor.resolver import fix_typos
from ferry.recipe.editor.session import Edit

__all__ = [
    "Edit",
    "answer_edit_question",
    "edit_from_readings",
    "edit_recipe",
    "fields_named",
    "fix_typos",
    "tidy_message",
]
