"""Every place a translation lands, escaped for that place.

A translation is untrusted input: a pull request that changes only ``.po``
files must not be able to add an element, an attribute, a script or a link
to anything the archive publishes.  Sphinx's and Furo's templates print
translated interface strings unescaped (many inside attributes), and the
archive writes translated text into HTML, JSON inside ``<script>``, Atom and
sitemap XML and iCalendar files.  So escaping is done at the place of
output, by one function per context, never by pattern:

- :mod:`.html`: text and attribute values, and the interface strings the
  templates print (escaped before a template sees them; where the English
  itself holds markup, the translation keeps exactly the source's tags);
- :mod:`.structure`: markup compared as a browser parses it (html5lib, the
  WHATWG parsing algorithm), element by element and attribute by attribute;
- :mod:`.json_script`: JSON inside ``<script>``, as Django's ``json_script``
  writes it;
- :mod:`.characters`: the characters XML 1.0 and iCalendar cannot hold,
  refused before any build;
- :mod:`.titles`: a title is one line (``objects.inv`` is written a line an
  entry, unescaped), whatever its translation holds.

It stands below every other wing (only the shared modules come before it),
so the catalog checks and every writer use the same functions.
"""
