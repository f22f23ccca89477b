"""The translators' workflow: their commands, and the build's catalog extensions.

The commands behind ``make gettext`` (:mod:`.extract`), ``make update-po``
(:mod:`.update_po`), ``make stats`` (:mod:`.stats`), ``make todo``
(:mod:`.todo`) and ``make check-po`` (:mod:`.check_po`), with the options
they share (:mod:`.cli`) and the English's messages they all compare the
catalogs with, extracted once and kept (:mod:`.english`); and the Sphinx
extensions that concern catalogs:
the build refuses what ``make check-po`` refuses and compiles the ``.mo``
files from the archive's reading (:mod:`.catalog_guard`, ``builder-inited``),
an incompletely translated page says so (:mod:`.translation_status`,
transforms around Sphinx's ``Locale`` and ``html-page-context``), and the
gettext builder's templates carry the events' facts (:mod:`.fact_templates`,
``build-finished``), so ``sphinx-build -b gettext`` writes what
``make gettext`` writes.  What a
catalog is and how it is checked is in :mod:`pytorchkr_archive.catalogs`.
"""
