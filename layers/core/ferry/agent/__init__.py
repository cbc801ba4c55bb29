"""The matching core of the agent: headers and values → field mappings, transforms hints and questions."""

from ferry.agent.enums import EnumMapping, map_enum_values
from ferry.agent.match import match_sheet, score_sheet
from ferry.agent.models import FieldMatch, MatchQuestion, QuestionOption, SheetMatch

__all__ = [
    "EnumMapping",
    "FieldMatch",
    "MatchQuestion",
    "QuestionOption",
    "SheetMatch",
    "map_enum_values",
    "match_sheet",
    "score_sheet",
]
