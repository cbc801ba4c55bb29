"""A yes/no header written as the question it answers (round 36, issue 12): 'isActive', 'is_published', 'Is
archived' of true/false says what 'Active', 'Published', 'Archived' do; the leading 'is' asks, it names nothing."""

from __future__ import annotations

from ferry.agent.normalize import tokens

# The copula a flag's header opens with when written as a question.
_ASKING = "is"


def state_asked(header: str) -> str:
    """The state a yes/no question header asks about ('isActive' → 'active'), or the header as it is."""
    words = tokens(header)
    return " ".join(words[1:]) if len(words) > 1 and words[0] == _ASKING else header
