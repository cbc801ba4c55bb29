"""Round 26 (issue 13): words around the request in dialect and in an issue comment, found as dev32's misses, each
taken off or said the plain way (before `surrounds` reads the message); a form, never a corpus string:

- dialect fillers: a greeting of the readers before the request ("Now y'all,", 'Alright folks,'); a sentence that
  opens with 'Them' before its noun ('Them Notes need …') opens with 'The'; a place said for tone after a clause
  ('… day-month-year down here', 'round here', 'in these parts') goes;
- a closing offer after the request ('Happy to open a PR if that helps.', 'Let me know if that helps.', 'Hope this
  helps!') goes: it asks nothing;
- value pairs under a mapping label ('Land values need mapping: `Deutschland` → `DE`, …', 'Lifecycle mapping: …',
  'Mapping for Land: …') as 'map Land values: …', and an arrow said any other way ('⇒', '-->',
  '==>', '➔') as '→'. The label is read only before an arrowed pair (a bare 'Land needs mapping.' is left as it was).
"""

from __future__ import annotations

import re

from ferry.recipe.editor.messages import SOMETHING_YOU_CAN

# a sentence opening 'Them' + its noun (dialect for 'Those'); never before a word that makes 'them' a pronoun
_THEM_RE = re.compile(
    r"(?:^|(?<=[.!;:]\s))them\s+(?!(?:all|both|too|either|neither|not|and|or|as|to|in|out|off|up|down|over|back|"
    r"away|alone|first|again|please|now|here|there|which|that|who|is|are|was|were)\b)"
    r"(?=(?-i:[A-Z])[\w-]*\b|[\w-]*s\b)",  # (a column's name or a plural: 'Them Notes', 'them rows')
    re.I,
)
# a greeting of the readers before the request: "Now y'all,", 'Alright folks,', 'Listen up, everyone:'
_VOCATIVE_RE = re.compile(
    r"^\s*(?:(?:now|well|alright|all\s+right|ok(?:ay)?|so|listen(?:\s+up)?|hey|look|right)\s*,?\s+)*"
    r"(?:(?:all\s+)?y'?all|you\s+all|you\s+guys|you\s+lot|yous|folks|everyone|everybody|team|guys|mates)\s*[,:!]\s*(?=\S)",
    re.I,
)
# a place said for tone at the end of a clause: 'down here', 'round here', 'in these parts'
_PLACE_RE = re.compile(
    r"\s+(?:(?:down|up|round|around|over|out)\s+here|in\s+these\s+parts|hereabouts|in\s+(?:this|our)\s+neck\s+of\s+"
    r"the\s+woods)(?=\s*(?:[,.;!]|$))",
    re.I,
)
# a closing offer that asks nothing: 'Happy to open a PR if that helps.', 'Let me know if that helps.'
_OFFER_RE = re.compile(
    r"(?<=[.!])\s+(?:(?:i'm|i\s+am|we're|we\s+are)\s+)?(?:(?:happy|glad|keen|willing)\s+to\s+(?:(?:open|send|raise|"
    r"submit|file|put\s+up)\s+(?:a\s+)?(?:pr|pull\s+request|patch|mr|merge\s+request)(?:\s+for\s+(?:this|it))?|"
    r"help(?:\s+(?:further|more|out|test))?)|let\s+(?:me|us)\s+know\s+if\s+(?:that|this|it)\s+helps|"
    r"hope\s+(?:that|this|it)\s+helps)(?:\s+if\s+(?:that|this|it)\s+helps|\s+if\s+(?:needed|useful|you\s+like))?"
    r"\s*[.!]?\s*$|"
    # round 33: the request above put back as a question ('Is that something you can change?') asks nothing new
    rf"(?<=[.!])\s+is\s+{SOMETHING_YOU_CAN}\s+(?:can|could|(?:would|will)\s+be\s+able\s+to)\s+"
    r"(?:change|do|set(?:\s+up)?|make|arrange|manage|sort(?:\s+out)?)(?:\s+for\s+(?:me|us|them))?\s*\?+\s*$|"
    # 'Can you set it that way?' after the request: the same request again
    r"(?<=[.!])\s+(?:can|could|would|will)\s+you\s+(?:set|do|make|change|have)\s+(?:it|that|this)(?:\s+(?:that|this)\s+"
    r"way|\s+so|\s+like\s+that)?(?:\s+for\s+(?:me|us))?(?:\s*,?\s*please)?\s*\?+\s*$",
    re.I,
)
_ARROW_RE = re.compile(r"\s*(?:-{2,}>|={2,}>|\u21d2|\u27f9|\u27f6|\u2794|\u279c|\u279d|\u21a6|\u21e8)\s*")
_PAIR_AFTER = r"(?=[^\n]*?[`'\"]?[\w-]+[`'\"]?\s*(?:\u2192|->|=>))"
_NAME = r"(?P<x>(?:the\s+)?`?[A-Za-z][\w ]{0,30}?`?)"
# 'Land values need mapping:', 'Lifecycle mapping:', 'Mapping for Land, please:'
_MAPPING_LABEL_RE = re.compile(
    r"^\s*(?:" + _NAME + r"(?:\s+values?)?\s+(?:needs?|wants?|requires?)\s+(?:a\s+)?(?:mapping|translating|"
    r"translation|converting|conversion|recoding)|" + _NAME.replace("<x>", "<y>") + r"(?:\s+values?)?\s+mappings?|"
    r"(?:(?:the|a)\s+)?mappings?\s+for\s+" + _NAME.replace("<x>", "<z>") + r"(?:\s+values?)?)"
    r"(?:\s*,\s*please)?\s*:\s*" + _PAIR_AFTER,
    re.I,
)


def _map_label(m: re.Match[str]) -> str:
    name = m["x"] or m["y"] or m["z"]
    return f"map {name} values: "


def comment_worded(message: str) -> str:
    """The message with each form above taken off or said plainly; any other message comes back as it was."""
    text = _THEM_RE.sub(lambda m: "The " if m.group(0)[0].isupper() else "the ", _VOCATIVE_RE.sub("", message))
    text = _OFFER_RE.sub("", _PLACE_RE.sub("", text))
    text = _ARROW_RE.sub(" \u2192 ", text)
    return _MAPPING_LABEL_RE.sub(_map_label, text, count=1)
