"""The format strings of ``python-format`` and ``python-brace-format`` messages.

A message flagged ``#, python-format`` is filled in with ``%`` by the code
that shows it (``%(percent)s%%``), one flagged ``python-brace-format`` with
``str.format`` (``{name}``); a translation that drops, renames or retypes a
placeholder makes that code fail or print the wrong value.  GNU ``msgfmt
--check`` refuses such a translation, and so does ``make check-po``, by the
same rules (GNU gettext 0.21's ``format-python.c`` and
``format-python-brace.c``): a translation's placeholders are those of its
source, with the same types; a source that is not a valid format string is
not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_PERCENT_TYPES = {
    "%": "none",
    "c": "character",
    "s": "any",
    "r": "any",
    "a": "any",
    **dict.fromkeys("iduoxX", "integer"),
    **dict.fromkeys("eEfFgG", "float"),
}
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|[0-9]+")


class InvalidFormat(ValueError):
    """A string that is not a format string of its kind, and why."""


@dataclass
class Spec:
    """The placeholders of a format string."""

    named: dict[str, str] = field(default_factory=dict)
    unnamed: list[str] = field(default_factory=list)


def _width(text: str, i: int, spec: Spec, name: str | None, named_star: str) -> int:
    """Read a width or precision (``*`` or digits) at ``i``; returns the index after it."""
    if text[i : i + 1] == "*":
        if name is not None:
            raise InvalidFormat(named_star)
        spec.unnamed.append("integer")
        return i + 1
    while text[i : i + 1].isdigit() and text[i : i + 1].isascii():
        i += 1
    return i


def parse_percent(text: str) -> Spec:
    """The ``%`` placeholders of a Python format string."""
    spec = Spec()
    i, number = 0, 0
    while True:
        i = text.find("%", i)
        if i == -1:
            break
        i += 1
        number += 1
        name = None
        if text[i : i + 1] == "(":
            depth, start = 1, i + 1
            i += 1
            while depth:
                if i >= len(text):
                    raise InvalidFormat("the string ends in the middle of a %(name) placeholder")
                depth += {"(": 1, ")": -1}.get(text[i], 0)
                i += 1
            name = text[start : i - 1]
        while text[i : i + 1] in (" ", "#", "+", "-", "0") and i < len(text):
            i += 1
        i = _width(text, i, spec, name, f"placeholder {number} has a name and a '*' width")
        if text[i : i + 1] == ".":
            i = _width(
                text, i + 1, spec, name, f"placeholder {number} has a name and a '*' precision"
            )
        while text[i : i + 1] in ("h", "l", "L") and i < len(text):
            i += 1
        if i >= len(text):
            raise InvalidFormat("the string ends in the middle of a % placeholder")
        conversion = text[i]
        if conversion not in _PERCENT_TYPES:
            raise InvalidFormat(
                f"placeholder {number} ends in {conversion!r}, which is not a conversion "
                "(s, d, f, %...): write %% for a percent sign"
            )
        i += 1
        kind = _PERCENT_TYPES[conversion]
        if kind == "none":
            continue
        if name is None:
            spec.unnamed.append(kind)
        elif spec.named.setdefault(name, kind) != kind:
            raise InvalidFormat(f"the placeholder %({name}) is used with two types")
    if spec.named and spec.unnamed:
        raise InvalidFormat("the string mixes %(name) placeholders and placeholders without one")
    return spec


def parse_brace(text: str) -> Spec:
    """The ``{name}`` placeholders of a ``str.format`` string."""
    spec = Spec()
    i = 0

    def directive(i: int, nested: bool) -> int:
        """Read ``{...}`` from just after its ``{``; returns the index after its ``}``."""
        match = _IDENTIFIER.match(text, i)
        if not match:
            raise InvalidFormat("a '{' is not followed by a name: write {{ for a brace")
        spec.named.setdefault(match.group(0), "any")
        i = match.end()
        while i < len(text) and text[i] in ".[":
            if text[i] == ".":
                attribute = _IDENTIFIER.match(text, i + 1)
                if not attribute or attribute.group(0)[0].isdigit():
                    raise InvalidFormat("a '.' in a placeholder is not followed by a name")
                i = attribute.end()
            else:
                end = text.find("]", i + 1)
                if end == -1 or end == i + 1:
                    raise InvalidFormat("a '[' in a placeholder is not closed by ']'")
                i = end + 1
        if i < len(text) and text[i] == ":":
            i += 1
            while i < len(text) and text[i] != "}":
                if text[i] == "{":
                    if nested:
                        raise InvalidFormat("placeholders are nested too deeply")
                    i = directive(i + 1, True)
                else:
                    i += 1
        if i >= len(text) or text[i] != "}":
            raise InvalidFormat("a placeholder is not closed by '}': write {{ for a brace")
        return i + 1

    while i < len(text):
        char = text[i]
        if char == "{":
            if text[i + 1 : i + 2] == "{":
                i += 2
                continue
            i = directive(i + 1, False)
        elif char == "}":
            if text[i + 1 : i + 2] != "}":
                raise InvalidFormat("a '}' stands alone: write }} for a brace")
            i += 2
        else:
            i += 1
    return spec


PARSERS = {"python-format": parse_percent, "python-brace-format": parse_brace}


def compare(source: Spec, translation: Spec) -> str | None:
    """Why the translation's placeholders do not match the source's (strictly), if they do not."""
    if source.named and translation.unnamed:
        return "the source names its placeholders (%(name)s), the translation does not"
    if source.unnamed and translation.named:
        return "the source's placeholders have no names, the translation's do"
    for name in translation.named:
        if name not in source.named:
            return f"the placeholder {name!r} is not in the source"
    for name, kind in source.named.items():
        if name not in translation.named:
            return f"the source's placeholder {name!r} is missing"
        if translation.named[name] != kind:
            return f"the placeholder {name!r} has another type than in the source"
    if len(source.unnamed) != len(translation.unnamed):
        return (
            f"the source has {len(source.unnamed)} placeholder(s), the translation "
            f"{len(translation.unnamed)}"
        )
    for number, (a, b) in enumerate(zip(source.unnamed, translation.unnamed, strict=True), 1):
        if a != b:
            return f"placeholder {number} has another type than in the source"
    return None


def format_problem(flag: str, source: str, translation: str) -> str | None:
    """What is wrong with a translation's placeholders under a format flag, if anything."""
    parse = PARSERS.get(flag)
    if parse is None:
        return None
    try:
        source_spec = parse(source)
    except InvalidFormat:
        return None
    try:
        translation_spec = parse(translation)
    except InvalidFormat as error:
        return f"the translation is not a valid {flag} string: {error}"
    return compare(source_spec, translation_spec)
