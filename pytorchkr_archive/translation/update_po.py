"""``make update-po``: bring every catalog up to date with the English sources.

Nothing a translator wrote is lost:

* a message whose English changed keeps its translation, marked ``fuzzy``,
  with the previous English recorded (``#| msgid``), so the translator sees
  what changed; once the ``fuzzy`` flag is removed it is back on the page;
* a message whose English is gone stays in the catalog as an obsolete entry
  (``#~``) until the translator deletes it, and comes back by itself if the
  same English returns;
* a catalog that is not well-formed is not touched: it is reported, to be
  mended first (``make check-po`` names the line);
* a catalog whose page is gone is reported, not deleted;
* a page renamed without its catalog (``git mv`` of the page alone) takes
  its old catalog's translations as they were: the orphaned catalog whose
  messages are the page's (:mod:`pytorchkr_archive.catalogs.renames`) is
  updated in its place, exactly as if it had been moved with the page, and
  the report names it, to be deleted once checked;
* a language of ``conf.py``'s ``archive_languages`` that has no catalogs yet
  gets one for every page and for the interface (``sphinx.po``);
* an untranslated message that another catalog of the language translates
  (a city, a sponsor, a returning speaker) is filled in from it, marked
  fuzzy for the translator to confirm; a translation that is there is never
  overwritten.  ``msgmerge --compendium`` takes a compendium's exact
  matches as finished, but another event's catalog is another page: the
  same English may want other words there (a heading, a talk title kept in
  English in one recap and translated in another), so only the page's own
  old catalog is taken as it is.

Files are written in the archive's one format (:mod:`pytorchkr_archive.catalogs.files`),
and only when their messages changed: an update with no source change leaves
every file byte for byte as it was.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from pytorchkr_archive.catalogs.files import (
    catalog_files,
    languages,
    load,
    save,
    to_catalog,
)
from pytorchkr_archive.catalogs.progress import key
from pytorchkr_archive.catalogs.renames import old_catalogs
from pytorchkr_archive.catalogs.syntax import check_syntax
from pytorchkr_archive.problems import shown_path
from pytorchkr_archive.project import project_languages
from pytorchkr_archive.translation.cli import add_catalog_arguments
from pytorchkr_archive.translation.english import remember, sources_digest
from pytorchkr_archive.translation.extract import DEFAULT_OUT, extract


@dataclass(frozen=True)
class Outcome:
    """What happened to one catalog."""

    path: str
    status: str  # created, updated, unchanged, skipped, orphaned
    detail: str = ""


def new_catalog(template: Catalog, lang: str, domain: str) -> Catalog:
    """A catalog for a page that has none yet, with a real header."""
    template.locale = lang
    template.fuzzy = False
    template.revision_date = template.creation_date
    template.header_comment = (
        f"# Translation of {domain} of the PyTorch Korea User Group event archive.\n"
        f"# Language: {lang}. See CONTRIBUTING.md for how to translate.\n#"
    )
    return template


def _key(message) -> tuple[str, str | None]:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return msgid, message.context


def english(catalog: Catalog) -> tuple:
    """What of a catalog comes from the English: its messages, where they are, in order."""
    return (
        tuple((_key(m), tuple(m.locations), tuple(m.auto_comments)) for m in catalog if m.id),
        frozenset(_key(m) for m in catalog.obsolete.values()),
    )


@dataclass(frozen=True)
class Changes:
    """What an update did to a catalog's messages."""

    new: int
    fuzzy: int
    obsoleted: int
    #: Whether anything that comes from the English changed (places, comments too).
    english: bool

    def __str__(self) -> str:
        if self.new or self.fuzzy or self.obsoleted:
            return f"{self.new} new, {self.fuzzy} fuzzy, {self.obsoleted} obsolete"
        if self.english:
            return "no message changed; their places in the English did"
        return "rewritten in the archive's format; no message changed"


def update_catalog(catalog: Catalog, template: Catalog) -> Changes:
    """Update ``catalog`` from ``template``; say what changed.

    The catalog keeps its ``POT-Creation-Date`` when the English did not
    change: a rewrite of its layout or a dropped ``#|`` does not date it anew.
    """
    english_before = english(catalog)
    # Obsolete entries take part in the matching, so a paragraph that comes
    # back gets its translation back.
    revived = dict(catalog.obsolete)
    catalog.obsolete.clear()
    for message in revived.values():
        catalog[message.id] = message
    revived_keys = {_key(m) for m in revived.values()}
    before = {_key(m) for m in catalog if m.id and _key(m) not in revived_keys}
    fuzzy_before = {_key(m) for m in catalog if m.id and m.fuzzy}
    # Babel's update forgets the previous msgid (and context) of a message
    # that is still fuzzy from an earlier update; the translator still needs it.
    previous = {
        _key(m): (m.previous_id, getattr(m, "previous_context", None))
        for m in catalog
        if m.id and m.fuzzy and m.previous_id
    }
    creation_date = catalog.creation_date
    every_before = before | revived_keys
    catalog.update(template, update_creation_date=True)
    catalog.fuzzy = False
    for message in catalog:
        key = _key(message)
        if message.context is not None and key not in every_before and message.previous_id:
            # Babel's fuzzy matching ignores contexts: a speaker's name would
            # get a paragraph's translation.  A field's message is matched
            # only with the same field's old English (its text changed).
            old = (message.previous_id[0], message.context)
            if old not in every_before:
                message.string, message.previous_id, message.user_comments = "", [], []
                message.flags.discard("fuzzy")
                continue
        if not message.fuzzy:
            # A translator who confirmed a message removes the flag; the
            # previous msgid then means nothing (gettext drops it too).
            message.previous_id = []
            message.previous_context = None
        elif not message.previous_id and key in previous:
            message.previous_id, message.previous_context = previous[key]
    follow_changed_fields(catalog, every_before)
    new = sum(1 for m in catalog if m.id and _key(m) not in before and not m.string)
    fuzzy = sum(1 for m in catalog if m.id and m.fuzzy and _key(m) not in fuzzy_before)
    obsoleted = sum(1 for m in catalog.obsolete.values() if _key(m) not in revived_keys)
    changed = english(catalog) != english_before
    if not changed:
        catalog.creation_date = creation_date
    return Changes(new, fuzzy, obsoleted, changed)


def follow_changed_fields(catalog: Catalog, before: set[tuple[str, str | None]]) -> None:
    """A field whose English changed keeps its translation, fuzzy, with the previous English.

    An event's facts are short, and difflib's matching (Babel's) misses most
    changes of a name; but each fact says which field it is (``#. event:
    author``), so the old message of the same field and context, left
    obsolete by the update, is the previous version of the new one.
    """
    by_field = {
        (m.context, comment): key
        for key, m in catalog.obsolete.items()
        if m.context is not None and m.string
        for comment in m.auto_comments
        if comment.startswith("event: ")
    }
    for message in catalog:
        if message.context is None or message.string or _key(message) in before:
            continue
        for comment in message.auto_comments:
            key = by_field.get((message.context, comment))
            if key is not None and key in catalog.obsolete:
                old = catalog.obsolete.pop(key)
                message.string = old.string
                message.previous_id = [old.id]
                message.flags.add("fuzzy")
                break


def compendium(catalogs: list[Catalog]) -> dict[tuple[str, str | None], str]:
    """Every finished translation of a language's catalogs, by message (msgid, context).

    What ``msgmerge --compendium`` offers: a message translated in one
    catalog (a city, a sponsor, a speaker who comes back) is offered to the
    others.
    """
    found: dict[tuple[str, str | None], str] = {}
    for catalog in catalogs:
        for message in catalog:
            finished = message.string and not message.fuzzy
            if message.id and isinstance(message.id, str) and finished:
                found.setdefault(_key(message), message.string)
    return found


def offer(catalog: Catalog, translations: dict[tuple[str, str | None], str]) -> int:
    """Fill untranslated messages from other catalogs' translations, fuzzy; return how many.

    Fuzzy, so that a translator confirms each (it shows in English until
    then); a message that has a translation is never touched.
    """
    filled = 0
    for message in catalog:
        if message.id and isinstance(message.id, str) and not message.string:
            found = translations.get(_key(message))
            if found:
                message.string = found
                message.flags.add("fuzzy")
                filled += 1
    return filled


def take_over(catalog: Catalog, old: Catalog) -> int:
    """Give a renamed page's catalog what its old catalog translated; return how many.

    For a catalog that exists already (made before the rename was seen): an
    untranslated message, or one filled in fuzzy from the compendium (no
    previous English) with the old catalog's very translation, becomes the
    old catalog's message as it was: translation, flags, previous English,
    translator's comments.
    """
    found = {key(m): m for m in old if m.id}
    taken = 0
    for message in catalog:
        source = found.get(key(message)) if message.id else None
        if source is None or not _takes(message, source):
            continue
        message.string = source.string
        message.flags = set(source.flags) | (set(message.flags) - {"fuzzy"})
        message.previous_id = list(source.previous_id)
        message.previous_context = getattr(source, "previous_context", None)
        message.user_comments = list(source.user_comments)
        taken += not source.fuzzy
    return taken


def _takes(message: Message, source: Message) -> bool:
    """Whether a message takes its old catalog's: it is empty, or it is the old
    translation filled in fuzzy from the compendium."""
    if not source.string:
        return False
    if not message.string:
        return True
    compendium_fill = message.fuzzy and not message.previous_id
    return compendium_fill and message.string == source.string


def _renamed_catalog(old: Catalog, template: Catalog, old_domain: str, domain: str) -> Catalog:
    """The old catalog, updated as the renamed page's: what moving it with the page gives."""
    update_catalog(old, template)
    old.header_comment = old.header_comment.replace(
        f"Translation of {old_domain} of", f"Translation of {domain} of", 1
    )
    return old


def _translated(catalog: Catalog) -> int:
    return sum(1 for m in catalog if m.id and m.string and not m.fuzzy)


def update_language(root: Path, locale_dir: Path, pot_dir: Path, lang: str) -> list[Outcome]:
    """Update (or create) every catalog of one language."""
    outcomes = []
    messages_dir = locale_dir / lang / "LC_MESSAGES"
    templates = {
        pot.relative_to(pot_dir).with_suffix("").as_posix(): load(pot)
        for pot in sorted(pot_dir.rglob("*.pot"))
    }
    existing = {file.domain: file for file in catalog_files(locale_dir, [lang])}
    # Each catalog is read once: for the compendium and for its own update.
    readings = {
        domain: check_syntax(file, shown_path(file.path, root))
        for domain, file in existing.items()
    }
    catalogs = {domain: to_catalog(r) for domain, (r, _) in readings.items() if r is not None}
    offered = compendium(list(catalogs.values()))
    orphans = {d: {key(m) for m in c if m.id} for d, c in catalogs.items() if d not in templates}
    pages = {domain: {key(m) for m in template if m.id} for domain, template in templates.items()}
    renamed = old_catalogs(orphans, pages)
    for domain, template in sorted(templates.items()):
        path = messages_dir / f"{domain}.po"
        shown = shown_path(path, root)
        old = renamed.get(domain)
        old_shown = shown_path(messages_dir / f"{old}.po", root) if old else ""
        took = (
            f"took {{}} translations from {old_shown}, the page's old catalog, as they were: "
            "the page was renamed without it; check the page, then delete that file"
        )
        if domain not in existing:
            if old is not None:
                catalog = _renamed_catalog(to_catalog(readings[old][0]), template, old, domain)
                detail = took.format(_translated(catalog))
            else:
                catalog = new_catalog(template, lang, domain)
                detail = f"{sum(1 for m in template if m.id)} messages"
            filled = offer(catalog, offered)
            save(path, catalog)
            if filled:
                detail += f", {filled} filled in from other catalogs (fuzzy: check them)"
            outcomes.append(Outcome(shown, "created", detail))
            continue
        if domain not in catalogs:
            first = next(p for p in readings[domain][1] if p.severity == "error")
            outcomes.append(Outcome(shown, "skipped", f"not well-formed: {first}"))
            continue
        catalog = catalogs[domain]
        changes = update_catalog(catalog, template)
        taken = take_over(catalog, catalogs[old]) if old is not None else 0
        filled = offer(catalog, offered)
        if save(path, catalog):
            detail = str(changes)
            if taken:
                detail += "; " + took.format(taken)
            if filled:
                detail += f"; {filled} filled in from other catalogs (fuzzy: check them)"
            outcomes.append(Outcome(shown, "updated", detail))
        else:
            outcomes.append(Outcome(shown, "unchanged"))
    new_names = {old: page for page, old in renamed.items()}
    for domain, file in sorted(existing.items()):
        if domain not in templates:
            page = new_names.get(domain)
            detail = (
                f"no English page has this name any more; its page is now {page}, whose "
                "catalog has its translations: delete this file once you have checked them"
                if page is not None
                else "no English page has this name any more; its translations are kept: "
                "delete the file once they are not needed"
            )
            outcomes.append(Outcome(shown_path(file.path, root), "orphaned", detail))
    return outcomes


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m pytorchkr_archive.translation.update_po``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.translation.update_po",
        description="Extract the English messages and update the catalogs of every language "
        "under locale/ without losing any translation (changed: fuzzy with the previous "
        "English; removed: obsolete).",
    )
    add_catalog_arguments(parser, "update only this language (repeatable); a new one is created")
    parser.add_argument(
        "--pot-dir",
        type=Path,
        default=DEFAULT_OUT,
        help=f"where the templates are (default: {DEFAULT_OUT})",
    )
    parser.add_argument(
        "--no-extract", action="store_true", help="use the templates already in --pot-dir"
    )
    args = parser.parse_args(argv)
    if not args.no_extract:
        digest = sources_digest(Path.cwd()) if Path("conf.py").is_file() else None
        if extract(Path(), args.pot_dir) != 0:
            print(
                "error: extracting the messages failed: see Sphinx's messages above",
                file=sys.stderr,
            )
            return 1
        if digest is not None:
            # What the English asks is known now: make check, stats and todo need not extract.
            remember(Path.cwd(), args.pot_dir, digest)
    declared = project_languages(Path()).translations if Path("conf.py").is_file() else []
    langs = args.languages or sorted(set(declared) | set(languages(args.locale_dir)))
    if not langs:
        print(
            f"error: no language to update: none under {args.locale_dir}/ and none but the "
            "source language in conf.py's archive_languages; give one with -l",
            file=sys.stderr,
        )
        return 2
    failed = False
    for lang in langs:
        for outcome in update_language(Path.cwd(), args.locale_dir, args.pot_dir, lang):
            detail = f" ({outcome.detail})" if outcome.detail else ""
            print(f"{outcome.status:>9}: {outcome.path}{detail}")
            failed |= outcome.status == "skipped"
    if failed:
        print(
            "error: some catalogs were not updated: mend them (make check-po) and run "
            "make update-po again",
            file=sys.stderr,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
