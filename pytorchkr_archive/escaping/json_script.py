"""JSON inside a ``<script>`` element, as Django's ``json_script`` writes it.

The text of a ``<script>`` in an HTML page is not read as HTML: the parser
goes through the *script data* states, which end the element at the first
``</script`` followed by a space, ``/`` or ``>``.  Escaping ``</`` alone is
not enough: ``<!--`` puts the parser in the *script data escaped* state,
and a ``<script`` after it in the *double escaped* state, in which the next
``</script>`` no longer closes the element.  A translated name ending in
``<!--<script `` then swallows the rest of the head (the title, the
stylesheets) into the script, and the JSON no longer parses.

So every ``<``, ``>`` and ``&`` of the JSON is written as a JSON escape
(``\\u003C``, ``\\u003E``, ``\\u0026``): none of the script data states can be
entered or left, whatever the strings hold, and ``json.loads`` (or
``JSON.parse``) reads back the same value.  These characters stand only in
strings in JSON text, where an escape means the same character.  U+2028 and
U+2029 are escaped too (``\\u2028``, ``\\u2029``): JSON allows them raw in
strings, JavaScript before ES2019 did not, so the text is valid JavaScript
as well.  Everything else is written as it is (``ensure_ascii=False``), so
Korean stays readable in the page's source.
"""

from __future__ import annotations

import json
from typing import Any

#: The characters escaped after ``json.dumps``, as JSON's ``\uXXXX`` escapes.
SCRIPT_ESCAPES: dict[int, str] = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def json_for_script(value: Any) -> str:
    """``value`` as JSON that can stand between ``<script ...>`` and ``</script>``.

    Written with ``json.dumps``'s default separators (``", "`` and ``": "``)
    and ``ensure_ascii=False``; then ``<``, ``>``, ``&``, U+2028 and U+2029
    are written as ``\\uXXXX`` escapes.  The result holds none of ``<``,
    ``>`` or ``&``, so it cannot close the element or change the parser's
    state; it is valid JSON and valid JavaScript.
    """
    return json.dumps(value, ensure_ascii=False).translate(SCRIPT_ESCAPES)
