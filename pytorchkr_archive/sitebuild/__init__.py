"""Building and previewing the site: commands that run Sphinx, not extensions of it.

``make html`` builds every language side by side into a staging copy that
replaces the output only when all of them succeeded (:mod:`.site`,
:mod:`.staging`), with a root page that sends a reader to their language
(:mod:`.landing`); ``make live`` previews one language, rebuilt in a warm
process (:mod:`.live`); ``make serve``, the browser tests and Lighthouse use
one local server that answers as Read the Docs does (:mod:`.localserver`);
the tests and benchmarks build copies of the sources (:mod:`.sources`).  No
other wing imports this one.
"""
