"""Broken copies of real catalogs, made the ways files get broken by hand.

Used by the differential test of the catalog check against GNU ``msgfmt
--check`` and by ``python -m pytorchkr_archive.measure.bench_po``, which measures
other PO readers the same way.

Each mutation is one edit a translator's slip, an editor or a bad merge
makes: a character deleted, a quote dropped, a line duplicated, a keyword
misspelled, a byte changed.  They are drawn from a seeded generator, so a
failing case can be made again from its name.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

KEYWORD = re.compile(rb"\b(msgctxt|msgid_plural|msgid|msgstr)\b")
#: What a changed byte becomes: the characters that mean something to the
#: PO grammar, a letter, and bytes that are not UTF-8 on their own.
BYTES = b'"\\\n#x [~|]%{}\xff\xc3\x80\t'
MISSPELLINGS = {
    b"msgid": (b"msgidd", b"msgi", b"msg_id", b"Msgid"),
    b"msgstr": (b"msgst", b"msgstrr", b"msgtsr", b"msgstr_"),
    b"msgctxt": (b"msgctx", b"msgcontext"),
    b"msgid_plural": (b"msgid_plurals", b"msgidplural"),
}


@dataclass(frozen=True)
class Mutation:
    """One broken copy: how it was made, and its bytes."""

    name: str
    data: bytes


def delete_character(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    text = data.decode("utf-8")
    at = rng.randrange(len(text))
    return f"deleted {text[at]!r} at {at}", (text[:at] + text[at + 1 :]).encode("utf-8")


def drop_quote(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    quotes = [m.start() for m in re.finditer(rb'"', data)]
    at = rng.choice(quotes)
    return f"dropped the quote at byte {at}", data[:at] + data[at + 1 :]


def duplicate_line(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    lines = data.split(b"\n")
    at = rng.randrange(len(lines))
    return f"duplicated line {at + 1}", b"\n".join([*lines[: at + 1], *lines[at:]])


def misspell_keyword(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    match = rng.choice(list(KEYWORD.finditer(data)))
    word = match.group(1)
    new = rng.choice(MISSPELLINGS[word])
    return (
        f"{word.decode()} at byte {match.start()} written {new.decode()}",
        data[: match.start()] + new + data[match.end() :],
    )


def change_byte(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    at = rng.randrange(len(data))
    new = BYTES[rng.randrange(len(BYTES))]
    return f"byte {at} changed to 0x{new:02x}", data[:at] + bytes([new]) + data[at + 1 :]


KINDS = (delete_character, drop_quote, duplicate_line, misspell_keyword, change_byte)


def mutations(name: str, data: bytes, count: int, seed: int = 0) -> list[Mutation]:
    """``count`` broken copies of ``data``, each kind of edit in turn."""
    rng = random.Random(f"{seed}:{name}")
    made = []
    for number in range(count):
        kind = KINDS[number % len(KINDS)]
        how, mutated = kind(data, rng)
        made.append(Mutation(f"{name}: {kind.__name__.replace('_', ' ')}: {how}", mutated))
    return made
