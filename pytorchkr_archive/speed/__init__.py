"""Sphinx builds made faster, with the same output: fixes that change no byte of a page.

Compiled Jinja templates kept between builds (:mod:`.template_cache`,
``builder-inited``), translated doctrees that no longer pickle the whole
build environment (:mod:`.translated_doctrees`, ``doctree-read``),
docutils' default settings made once, not for each translated message
(:mod:`.docutils_settings`), and MyST's readings of the front matter with
libyaml (:mod:`.front_matter`).  Each is measured in ``docs/benchmarks.md`` and
tested to leave the HTML as it was.
"""
