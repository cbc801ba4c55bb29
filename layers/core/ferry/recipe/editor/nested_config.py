"""Round 33 (issue 13): a YAML config (round 34: or an INI file's sections) pasted as the message, a field with
what feeds it as nested keys:

    status:
      source: Lifecycle
      values:
        Kunde: customer

is said the plain way, one sentence per field: its source ('source / from / column: C' is 'F comes from C'), its
fallback ('fallback / if_empty / otherwise: Y' is 'and from Y when C is empty'), its value map ('values / map /
mapping:' with 'K: V' lines under it is 'In F, K means V and …') and its case ('case / transform: lowercase' is 'F:
lowercase'). Only a message that is such blocks and nothing else (comment lines and a trailing '# …' go) is read;
a value left open ('source: ?'), a list, a key of another kind or any prose leaves it as typed (flat 'K: V' lines
are `snippets`').
"""

from __future__ import annotations

import re

_LINE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<k>[A-Za-z_][\w .-]{0,38}?)\s*:\s*(?P<v>[^#\n]*?)\s*(?:#.*)?$")
_SOURCE_KEYS = frozenset({"source", "from", "column", "col", "source_column", "src"})
_FALLBACK_KEYS = frozenset({"fallback", "if_empty", "when_empty", "otherwise", "else", "default_from"})
_VALUE_KEYS = frozenset({"values", "map", "mapping", "value_map", "translate", "recode"})
_CASE_KEYS = frozenset({"case", "transform", "transforms"})
_NAME_RE = re.compile(r"^['\"]?(?P<n>[\w][\w .@+-]{0,38}?)['\"]?$")


def _name(value: str) -> str | None:
    m = _NAME_RE.match(value.strip())
    return m["n"] if m else None


# round 34: an INI file's section header ('[phone]', '[status values]') and its 'key = value' lines
_SECTION_RE = re.compile(r"^\s*\[\s*(?P<name>[\w .-]{1,40}?)\s*\]\s*$")
_INI_LINE_RE = re.compile(r"^\s*(?P<k>[^=;#\[\n]{1,40}?)\s*=\s*(?P<v>[^;#\n]*?)\s*(?:[;#].*)?$")
_VALUES_SECTION_RE = re.compile(r"^(?P<f>.+?)[ _-]+(?:values|map|mapping|translations?)$", re.I)


def _ini_as_nested(message: str) -> str | None:
    """An INI message ('[F]' sections of 'key = value' lines, ';' or '#' comments) as the nested form below:
    '[F]' is 'F:', 'k = v' under it is '  k: v', and a '[F values]' section's lines are F's value pairs."""
    lines = [line for line in message.strip("\n").split("\n") if line.strip() and line.strip()[0] not in ";#"]
    if not lines or _SECTION_RE.match(lines[0]) is None:
        return None
    out: list[str] = []
    values = False
    for line in lines:
        if (section := _SECTION_RE.match(line)) is not None:
            name = section["name"]
            values = (v := _VALUES_SECTION_RE.match(name)) is not None
            out += [f"{v['f'] if v else name}:"] + (["  values:"] if values else [])
        elif (pair := _INI_LINE_RE.match(line)) is not None:
            out.append(f"{'    ' if values else '  '}{pair['k']}: {pair['v']}")
        else:
            return None
    return "\n".join(out)


def nested_config_request(message: str) -> str:
    """`message` said as sentences when it is nested config blocks of fields (YAML, or INI sections), else as it
    was."""
    ini = _ini_as_nested(message)
    if ini is not None:
        said = nested_config_request(ini)
        return said if said != ini else message
    lines = [line for line in message.strip("\n").split("\n") if line.strip() and not line.strip().startswith("#")]
    if len(lines) < 2 or lines[0][:1].isspace():
        return message
    parsed = [m for m in (_LINE_RE.match(line) for line in lines) if m is not None]
    if len(parsed) < len(lines):
        return message
    sentences: list[str] = []
    i = 0
    while i < len(parsed):
        top = parsed[i]
        if top["indent"] or top["v"]:
            return message  # a block opens with a field alone on its line
        field, i = top["k"].strip(), i + 1
        source = fallback = case = None
        pairs: list[tuple[str, str]] = []
        while i < len(parsed) and parsed[i]["indent"]:
            m = parsed[i]
            key, value = m["k"].strip().lower(), m["v"]
            if key in _VALUE_KEYS and not value:
                depth, i = len(m["indent"]), i + 1
                while i < len(parsed) and len(parsed[i]["indent"]) > depth:
                    pair = parsed[i]
                    k, v = _name(pair["k"]), _name(pair["v"])
                    if k is None or v is None:
                        return message
                    pairs.append((k, v))
                    i += 1
                if not pairs:
                    return message
                continue
            name = _name(value)
            if name is None:
                return message  # 'source: ?', a list, a value left open
            if key in _SOURCE_KEYS:
                source = name
            elif key in _FALLBACK_KEYS:
                fallback = name
            elif key in _CASE_KEYS and name.lower() in ("lowercase", "lower", "uppercase", "upper"):
                case = name.lower().removesuffix("case") + "case"
            else:
                return message
            i += 1
        if source is None and not pairs and case is None:
            return message
        if source is not None:
            said = f"{field} comes from {source}"
            if fallback is not None:
                said += f", and from {fallback} when {source} is empty"
            sentences.append(said + ".")
        elif fallback is not None:
            return message
        if pairs:
            sentences.append(f"In {field}, " + " and ".join(f"{k} means {v}" for k, v in pairs) + ".")
        if case is not None:
            sentences.append(f"{field}: {case}.")
    return " ".join(sentences) if sentences else message
