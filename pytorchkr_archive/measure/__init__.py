"""Measurements: ``make bench``, ``make lighthouse`` and the catalog readers' comparison.

Build speed and Korean search figures (:mod:`.bench`, :mod:`.bench_builds`),
Korean search measured on a corpus with Kiwi as the oracle
(:mod:`.bench_ko_corpus`, :mod:`.korean_corpus`, :mod:`.search_parity`),
Lighthouse scores (:mod:`.lighthouse`), how PO readers agree with GNU
``msgfmt`` on broken catalogs (:mod:`.bench_po`, :mod:`.po_mutations`), and
what every figure was measured on (:mod:`.machine`, :mod:`.chromium`, which
the browser tests share).  Nothing in the archive imports this wing.
"""
