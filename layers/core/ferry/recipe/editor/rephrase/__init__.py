"""Other ways of saying an instruction, rewritten to the plain command the families read.

Users describe instead of command ("Full Name holds first and last names together"), write arrows and colons ("country
empty -> US", "Notes - don't import"), use everyday verbs ("switch phone over to Mobile", "scrap the last change") and
put the parts in another order ("Lifecycle test rows"). Each rule rewrites one such *kind* of wording, with the columns,
fields and values left as typed, to the command the family already reads ("if country is empty, use US"); the family
then resolves every name against the migration as usual, so a rule never decides what a name means. The dispatcher tries
these rewrites only when a clause is not understood as typed (and after typo correction), so a wording a family reads
directly is never rewritten.

The package reads as its own table of contents: `common` (the fragments every rule shares), `wordings` (the tables of
word-to-word rules, one group per instruction family), `order` (word order and idiom of German and French speakers, and
the roles a column is given: fallback, default), `named` (rewrites that first check a name against the migration: a
value of the file, a column, the field a pronoun means) and `plain` (the rewriter that tries them one at a time). It
imports only the editor's `resolver`, never a family.
"""

from ferry.recipe.editor.rephrase.plain import rephrasings

__all__ = ["rephrasings"]
