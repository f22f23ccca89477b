"""One person, one name in each language: ``make check-po`` says where a person has two.

A person's name is one message of the speakers page's catalog
(:mod:`pytorchkr_archive.record.people`), so the archive itself never asks
for it twice.  Two translations still happen: a page's catalog that kept a
name from before (a tool that merged an old template), or two spellings of
one person (Hongseok Kim, Hong-seok Kim) each translated on its own before
the speakers page said they are one.  Every finished translation of a
speaker's name, in every catalog of a language, is read; a person with more
than one is an error at each, naming the others.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from pytorchkr_archive.catalogs.files import catalog_files
from pytorchkr_archive.catalogs.reader import read_file
from pytorchkr_archive.events.facts.collection import load_people
from pytorchkr_archive.problems import Problem, shown_path
from pytorchkr_archive.record.people import NAME_CONTEXT


def name_problems(root: Path, locale_dir: Path, langs: list[str] | None = None) -> list[Problem]:
    """Every person translated two ways in one language, at each translation."""
    people, _ = load_people(root)
    problems = []
    by_lang: dict[str, dict[str, dict[str, list[tuple[str, int, str]]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for file in catalog_files(locale_dir, langs):
        reading = read_file(file.path)
        if reading is None or reading.errors:
            continue  # the catalog's own check says why
        shown = shown_path(file.path, root)
        for entry in reading.entries:
            finished = entry.msgstr and entry.msgstr[0] and not entry.fuzzy
            if entry.msgctxt == NAME_CONTEXT and not entry.obsolete and finished:
                person = people.name(entry.msgid)
                by_lang[file.lang][person][entry.msgstr[0]].append(
                    (shown, entry.line, entry.msgid)
                )
    for persons in by_lang.values():
        for person, translations in persons.items():
            if len(translations) < 2:
                continue
            for translation, places in translations.items():
                others = "; ".join(
                    f"{other!r} at {path}:{line}"
                    for other, where in translations.items()
                    if other != translation
                    for path, line, _ in where
                )
                for path, line, written in places:
                    spelled = f" (written {written!r})" if written != person else ""
                    problems.append(
                        Problem(
                            path,
                            line,
                            "error",
                            "person",
                            f"{person!r}{spelled} is {translation!r} here but {others}: one "
                            f"person has one name in a language; keep the one in "
                            f"speakers.po and delete or correct the other",
                        )
                    )
    return sorted(problems, key=lambda p: (p.path, p.line))
