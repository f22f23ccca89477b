"""The Sphinx extensions every page goes through: languages, interface, accessibility, discovery.

One site per language from the ``archive_languages`` table (``config-inited``),
the language switch and ``hreflang`` links (``html-page-context``,
:mod:`.languages`); Furo's interface in the page's language
(:mod:`.theme_l10n`, :mod:`.js_translations`, ``build-finished``); the
accessibility fixes to Sphinx's and Furo's markup (:mod:`.a11y`); a sidebar
of the site's sections (:mod:`.navigation`); only the stylesheets a page uses
(:mod:`.lean_pages`); sitemaps, robots.txt, the 404 page and social cards
(:mod:`.discovery`); every page of the site counted by an incremental build,
and generated pages written only when they change (:mod:`.site_pages`); an
output that holds nothing of a page renamed or deleted
(:mod:`.stale_outputs`); drafts (``published: false``) left out of the build
(:mod:`.drafts`).  The templates and stylesheets of the whole archive are in
``templates/`` and ``static/``.
"""
