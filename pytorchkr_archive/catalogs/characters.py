"""Does a catalog hold a character that the feed or a calendar cannot carry?

GNU gettext accepts any character in a string (``msgfmt --check`` only warns
about ``\\v``, ``\\f`` and ``\\r``), and so does Sphinx, but XML 1.0 and
iCalendar cannot hold the control characters and noncharacters that
:mod:`pytorchkr_archive.escaping.characters` lists: a vertical tab in an
event's summary stopped the build in the Atom writer, with a traceback that
named no catalog.  So each message that holds one is an error here, at its
line, naming each character, where it is and what to do.

Which strings are checked, and why:

- every ``msgstr`` (each plural form), fuzzy ones too: a fuzzy translation
  is one click from being published (an editor's *Needs work* off), and the
  character is invisible in every editor, so it is reported while it is
  still under review, not after;
- the ``msgctxt``, ``msgid`` and ``msgid_plural``, reported apart: they come
  from the English page (or, in ``sphinx.po``, from Sphinx's and the theme's
  templates), so the fix is there, not in the catalog;
- not the header (never published) nor obsolete entries (never compiled:
  one that comes back with its English is an ordinary message again, and
  checked as one).
"""

from __future__ import annotations

from babel.messages.catalog import Catalog

from pytorchkr_archive.escaping.characters import Refused, refused_characters
from pytorchkr_archive.problems import Problem, excerpt

CHECK = "characters"
#: How many characters a report names before it counts the rest.
_SHOWN = 5


def _found(strings: list[tuple[str, str]]) -> list[tuple[str, Refused]]:
    """Each refused character, with the keyword (``msgstr[1]``...) of its string."""
    return [(keyword, r) for keyword, text in strings for r in refused_characters(text)]


def _listing(found: list[tuple[str, Refused]]) -> str:
    named = [f"{refused} of {keyword}" for keyword, refused in found[:_SHOWN]]
    if len(found) > _SHOWN:
        named.append(f"and {len(found) - _SHOWN} more")
    return ", ".join(named)


def _advice(found: list[tuple[str, Refused]]) -> str:
    advice = (
        "delete it (most editors show it as nothing; the .po file may write it as "
        "\\v, \\f, \\013, \\x0b or the raw character)"
    )
    if any(refused.character == "\r" for _, refused in found):
        advice += "; for a carriage return (\\r), write a line break (\\n) instead"
    return advice


def character_problems(catalog: Catalog, shown: str) -> list[Problem]:
    """One error per message whose translation holds a character XML or iCalendar cannot
    hold, and one per message whose source (msgctxt, msgid) holds one."""
    problems = []
    for message in catalog:
        if not message.id:
            continue
        line = message.lineno or 1
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        name = excerpt(ids[0])
        plural = isinstance(message.string, tuple)
        translated = _found(
            [(f"msgstr[{n}]" if plural else "msgstr", s or "") for n, s in enumerate(strings)]
        )
        if translated:
            problems.append(
                Problem(
                    shown,
                    line,
                    "error",
                    CHECK,
                    f"the translation holds {_listing(translated)}, which the Atom feed "
                    f"and the calendar files (XML 1.0, iCalendar) cannot hold: "
                    f"{_advice(translated)} (msgid {name})",
                )
            )
        source = _found(
            [("msgctxt", message.context or ""), ("msgid", ids[0])]
            + [("msgid_plural", i) for i in ids[1:2]]
        )
        if source:
            problems.append(
                Problem(
                    shown,
                    line,
                    "error",
                    CHECK,
                    f"the English holds {_listing(source)}, which XML 1.0 and iCalendar "
                    "cannot hold: fix the English page (for sphinx.po, the template's "
                    "string), then run make update-po; the catalog cannot mend it "
                    f"(msgid {name})",
                )
            )
    return problems
