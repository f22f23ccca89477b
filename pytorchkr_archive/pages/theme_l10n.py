"""Translate the interface strings that Furo writes in English only.

Furo passes most of its interface text through Sphinx's ``sphinx`` message
catalog (``_("On this page")``), which ``locale/<lang>/LC_MESSAGES/sphinx.po``
translates.  A few strings are written into its templates and its navigation
code without ``_()``: the labels of the sidebar toggles and of the theme
switch, the titles of its SVG icons and the "Toggle navigation of ..." labels.
Copying Furo's templates to wrap them would fork the theme; instead, the
rendered page is passed through the same catalog for exactly these strings, in
exactly the attributes and elements where Furo writes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.gettext import MessageCatalogBuilder, MsgOrigin
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.jinja2glue import BuiltinTemplateLoader
from sphinx.locale import get_translation

from pytorchkr_archive.escaping.html import attribute, install_escaping_translations, text
from pytorchkr_archive.pages import a11y
from pytorchkr_archive.pages.a11y import ANNOUNCEMENT_LABEL, SIDEBAR_LABEL, name_landmarks

#: Strings Furo writes in English whatever the language (Furo 2025.12.19).
HARDCODED_LABELS = (
    "Toggle site navigation sidebar",
    "Toggle table of contents sidebar",
    "Toggle Light / Dark / Auto color theme",
    "On Read the Docs",
    "On GitHub",
)
HARDCODED_ICON_TITLES = (
    "Contents",
    "Menu",
    "Expand",
    "Light mode",
    "Dark mode",
    "Auto light/dark, in light mode",
    "Auto light/dark, in dark mode",
)
NAVIGATION_TOGGLE = "Toggle navigation of %s"
#: Strings of Sphinx itself that its Korean catalog leaves untranslated
#: (Sphinx 9.0.4); the second is used by pytorchkr_archive.pages.js_translations.
SPHINX_UNTRANSLATED = (
    "Link to this heading",
    "Search finished, found ${resultCount} pages matching the search query.",
)
_NAVIGATION_TOGGLE_RE = re.compile(r'aria-label="Toggle navigation of ([^"]*)"')


def localize(html: str, gettext: Callable[[str], str]) -> str:
    """Replace Furo's hard-coded English strings in ``html`` by their translations,
    each escaped for the attribute or element it stands in."""
    for label in HARDCODED_LABELS:
        translated = gettext(label)
        if translated != label:
            html = html.replace(f'aria-label="{label}"', f'aria-label="{attribute(translated)}"')
    for title in HARDCODED_ICON_TITLES:
        translated = gettext(title)
        if translated != title:
            html = html.replace(f"<title>{title}</title>", f"<title>{text(translated)}</title>")
    template = gettext(NAVIGATION_TOGGLE)
    if template != NAVIGATION_TOGGLE:
        # The page title Furo put in the label is escaped already.
        escaped = attribute(template)
        html = _NAVIGATION_TOGGLE_RE.sub(
            lambda match: f'aria-label="{escaped % match.group(1)}"', html
        )
    return html


class LocalizingTemplateLoader(BuiltinTemplateLoader):
    """Sphinx's template loader, with every translation escaped before the
    templates print it (:mod:`pytorchkr_archive.escaping.html`), Furo's
    hard-coded strings translated and its landmarks named
    (:mod:`pytorchkr_archive.pages.a11y`)."""

    def init(self, builder: Any, theme: Any = None, dirs: list[str] | None = None) -> None:
        """Sphinx's environment, whose translations return escaped strings."""
        super().init(builder, theme, dirs)
        install_escaping_translations(self.environment)

    def render(self, template: str, context: dict[str, Any]) -> str:
        # The catalog the templates' own _() use: Sphinx's, with locale_dirs first.
        translate = get_translation("sphinx")

        def gettext(text: str) -> str:
            return str(translate(text))

        return name_landmarks(localize(super().render(template, context), gettext), gettext)


def use_localizing_loader(app: Sphinx, config: Config) -> None:
    """Make the localizing loader the template bridge, unless conf.py chose one."""
    if not config.template_bridge:
        config.template_bridge = f"{__name__}.{LocalizingTemplateLoader.__name__}"


def furo_template_dir() -> Path:
    """Where Furo's templates are, for the message extraction."""
    import furo

    return Path(furo.__file__).parent / "theme" / "furo"


#: How Furo's templates are named in the templates' location comments: by
#: their place in the installed packages, the same on every machine.
FURO_LOCATION = "site-packages/furo/theme/furo"
#: The archive's own code, whose templates and modules the location comments
#: name by their place in the project (``pytorchkr_archive/...``), wherever
#: Python imported them from: the project's folder, an installed copy, or
#: the process of a command run on another copy of the project.
ARCHIVE_DIR = Path(__file__).resolve().parent.parent


def in_project(path: str | Path, srcdir: str | Path) -> str:
    """``path`` as the templates' location comments name it: the archive's own
    files by their place in the project at ``srcdir``, others as they are."""
    resolved = Path(path).resolve()
    if not resolved.is_relative_to(ARCHIVE_DIR):
        return str(path)
    return str(Path(srcdir, ARCHIVE_DIR.name, resolved.relative_to(ARCHIVE_DIR)))


def add_module_messages(app: Sphinx, module: str, messages: Iterable[str]) -> None:
    """Put interface strings a Python module passes to ``sphinx.po`` into ``sphinx.pot``.

    Each is located at the first line of ``module`` that quotes it.  Only
    with the gettext builder (``make gettext``).
    """
    if not isinstance(app.builder, MessageCatalogBuilder):
        return
    catalog = app.builder.catalogs["sphinx"]
    source = in_project(module, app.srcdir)
    lines = Path(module).read_text(encoding="utf-8").splitlines()
    for message in messages:
        line = next(i for i, text in enumerate(lines, 1) if f'"{message}"' in text)
        catalog.add(message, MsgOrigin(source=source, line=line))


def extract_theme_messages(app: Sphinx) -> None:
    """Put Furo's interface strings into ``sphinx.pot`` with the archive's own.

    Sphinx's gettext builder extracts the strings of ``templates_path`` only,
    not the theme's; without this, ``make update-po`` would mark the Korean
    translations of Furo's strings obsolete.  Furo's templates are read here,
    before the project's, in a fixed order and under a location that does not
    depend on where Python is installed, so the catalog does not change from
    one machine to the next.
    """
    if not isinstance(app.builder, MessageCatalogBuilder):
        return
    for module, messages in (
        (__file__, (*HARDCODED_LABELS, *HARDCODED_ICON_TITLES, NAVIGATION_TOGGLE)),
        (__file__, SPHINX_UNTRANSLATED),
        (a11y.__file__, (ANNOUNCEMENT_LABEL, SIDEBAR_LABEL)),
    ):
        add_module_messages(app, module, messages)
    if app.config.html_theme != "furo":
        return
    catalog = app.builder.catalogs["sphinx"]
    extract = app.builder.templates.environment.extract_translations
    theme_dir = furo_template_dir()
    for template in sorted(theme_dir.rglob("*.html")):
        relative = template.relative_to(theme_dir).as_posix()
        origin_path = Path(app.srcdir, FURO_LOCATION, relative)
        for line, _function, message in extract(template.read_text(encoding="utf-8")):
            catalog.add(message, MsgOrigin(source=str(origin_path), line=line))


def name_archive_templates(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Name the archive's templates in ``sphinx.pot`` by their place in the project.

    Sphinx's gettext builder reads the templates of ``templates_path``, which
    the archive extends with its own folders, before the pages, and names each
    by its file's path: a path that would change with where Python imported
    the archive from (:func:`in_project`).
    """
    if not isinstance(app.builder, MessageCatalogBuilder):
        return
    metadata = app.builder.catalogs["sphinx"].metadata
    for message, places in metadata.items():
        metadata[message] = [
            (in_project(path, app.srcdir), line, uid) for path, line, uid in places
        ]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the template bridge and the extraction of the theme's strings."""
    app.connect("config-inited", use_localizing_loader)
    app.connect("builder-inited", extract_theme_messages)
    app.connect("env-before-read-docs", name_archive_templates)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
