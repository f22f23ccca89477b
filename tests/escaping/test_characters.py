"""The characters XML 1.0 and iCalendar cannot hold: found, named, refused in front matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from pytorchkr_archive.escaping.characters import Refused, name, refused_characters
from pytorchkr_archive.events.facts.schema import load_event
from tests.conftest import EVENT, PROJECT

REFUSED = {
    "NUL": 0x00,
    "last C0 before tab": 0x08,
    "vertical tab": 0x0B,
    "form feed": 0x0C,
    "carriage return": 0x0D,
    "shift out": 0x0E,
    "escape": 0x1B,
    "unit separator": 0x1F,
    "delete": 0x7F,
    "first C1": 0x80,
    "next line": 0x85,
    "last C1": 0x9F,
    "first surrogate": 0xD800,
    "last high surrogate": 0xDBFF,
    "last surrogate": 0xDFFF,
    "first of FDD0-FDEF": 0xFDD0,
    "last of FDD0-FDEF": 0xFDEF,
    "U+FFFE": 0xFFFE,
    "U+FFFF": 0xFFFF,
    "plane 1 FFFE": 0x1FFFE,
    "plane 1 FFFF": 0x1FFFF,
    "plane 14 FFFF": 0xEFFFF,
    "plane 16 FFFE": 0x10FFFE,
    "last code point": 0x10FFFF,
}
ALLOWED = {
    "tab": 0x09,
    "line feed": 0x0A,
    "space": 0x20,
    "tilde": 0x7E,
    "no-break space": 0xA0,
    "before surrogates": 0xD7FF,
    "private use": 0xE000,
    "before FDD0": 0xFDCF,
    "after FDEF": 0xFDF0,
    "replacement character": 0xFFFD,
    "first astral": 0x10000,
    "plane 1 FFFD": 0x1FFFD,
    "plane 2 first": 0x20000,
    "line separator": 0x2028,
    "zero width joiner": 0x200D,
    "byte order mark": 0xFEFF,
    "plane 16 FFFD": 0x10FFFD,
}


@pytest.mark.parametrize("code", REFUSED.values(), ids=list(REFUSED))
def test_each_class_is_refused_at_its_boundaries(code: int) -> None:
    text = f"앞{chr(code)}뒤"
    assert refused_characters(text) == [Refused(1, chr(code))]


@pytest.mark.parametrize("code", ALLOWED.values(), ids=list(ALLOWED))
def test_what_both_formats_carry_is_allowed(code: int) -> None:
    assert refused_characters(f"a{chr(code)}b") == []


def test_hangul_emoji_and_astral_text_is_allowed() -> None:
    text = "파이토치 한국 사용자 모임 🙌😄 👩‍💻 🇰🇷 𝔸 𠀀 ㄱㅏ 한\tcolumns\nline"
    assert refused_characters(text) == []


def spec_refuses(code: int) -> bool:
    """What the task's specifications refuse, written from them, not from the module."""
    xml_char = (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )
    ical_control = (code <= 0x08 or 0x0A <= code <= 0x1F or code == 0x7F) and code != 0x0A
    c1 = 0x80 <= code <= 0x9F
    noncharacter = 0xFDD0 <= code <= 0xFDEF or code % 0x10000 in (0xFFFE, 0xFFFF)
    return not xml_char or ical_control or c1 or noncharacter


def test_every_code_point_is_judged_as_the_specifications_say() -> None:
    everything = "".join(map(chr, range(0x110000)))
    found = refused_characters(everything)
    assert [r.index for r in found] == [c for c in range(0x110000) if spec_refuses(c)]
    assert all(ord(r.character) == r.index for r in found)
    assert len(found) == 30 + 1 + 32 + 2048 + 32 + 34  # C0, DEL, C1, surrogates, nonchars


def test_positions_count_characters_not_bytes_or_utf16_units() -> None:
    found = refused_characters("🙌\v한\x00\r\n")
    assert found == [Refused(1, "\v"), Refused(3, "\x00"), Refused(4, "\r")]
    assert str(found[0]) == "U+000B (vertical tab) at character 2"


@pytest.mark.parametrize(
    ("character", "shown"),
    [
        ("\v", "U+000B (vertical tab)"),
        ("\x00", "U+0000 (null)"),
        ("\f", "U+000C (form feed)"),
        ("\r", "U+000D (carriage return)"),
        ("\x1b", "U+001B (escape)"),
        ("\x7f", "U+007F (delete)"),
        ("\x85", "U+0085 (next line, a C1 control)"),
        ("\x92", "U+0092 (a C1 control)"),
        ("\ud800", "U+D800 (a lone surrogate)"),
        ("\ufdd0", "U+FDD0 (a noncharacter)"),
        ("\uffff", "U+FFFF (a noncharacter)"),
        ("\U0010fffe", "U+10FFFE (a noncharacter)"),
        ("한", "U+D55C (hangul syllable han)"),
    ],
)
def test_each_character_is_named_for_a_person(character: str, shown: str) -> None:
    assert name(character) == shown


# -- the English front matter (YAML escapes in double quotes) ------------------------------


@pytest.mark.parametrize(
    ("old", "new", "field", "shown"),
    [
        ('summary: "A technical', 'summary: "A\\v technical', "event.summary", "U+000B"),
        ("  city: Seoul", '  city: "Se\\x1boul"', "event.city", "U+001B (escape)"),
        ("    - Meta", '    - "Me\\fta"', "event.organizations[1]", "U+000C"),
        ('summary: "A technical', 'summary: "A\\u0085 technical', "event.summary", "U+0085"),
    ],
)
def test_front_matter_refuses_them_naming_field_and_line(
    tmp_path: Path, old: str, new: str, field: str, shown: str
) -> None:
    text = (PROJECT / f"{EVENT}.md").read_text(encoding="utf-8")
    assert old in text
    page = tmp_path / "page.md"
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = next(n for n, row in enumerate(page.read_text("utf-8").splitlines(), 1) if new in row)
    event, problems = load_event(page, "events/page.md")
    assert event is None
    assert [(p.line, p.field) for p in problems] == [(line, field)]
    assert shown in problems[0].message and "at character" in problems[0].message
    assert "XML 1.0, iCalendar" in problems[0].message


def test_front_matter_keeps_tabs_line_breaks_hangul_and_emoji(tmp_path: Path) -> None:
    text = (PROJECT / f"{EVENT}.md").read_text(encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        text.replace('summary: "A technical', 'summary: "한국\\t🙌\\nA technical', 1), "utf-8"
    )
    event, problems = load_event(page, "events/page.md")
    assert problems == []
    assert event is not None and event.summary.startswith("한국\t🙌\nA technical")
