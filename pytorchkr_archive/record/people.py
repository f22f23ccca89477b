"""The people who speak at the events: one person, one page, one translated name.

A speaker is named in each session that has them (``speakers: - name:``),
in English; the same person across events is the same name.  Where sources
spell a person in more than one way (Hongseok Kim and Hong-seok Kim; Jerry
Lee, whom a recap calls Jaeung), the speakers page's front matter says so:

.. code-block:: yaml

   people:
     - name: Jerry Lee
       also: [Jaeung]

and every spelling is that one person: their page, the speakers index and
the programmes show the ``name``, and their name is one message of the
speakers page's catalog (``speakers.po``), translated once for every event
that names them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

#: The page whose catalog holds the people's names, and under which their
#: pages are (``speakers/<slug>.html``).
SPEAKERS_DOC = "speakers"
#: The context of a person's name in the catalogs.
NAME_CONTEXT = "speaker name"


def person_slug(name: str) -> str:
    """A person's page name: ``Alban Desmaison`` → ``alban-desmaison``."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or "person"


def person_docname(name: str) -> str:
    """The page of a person, by their name."""
    return f"{SPEAKERS_DOC}/{person_slug(name)}"


@dataclass(frozen=True)
class People:
    """Who is who: each other spelling of a person, and the name they go by."""

    #: Another spelling → the person's name.
    aliases: dict[str, str] = field(default_factory=dict)

    def name(self, written: str) -> str:
        """The name a person goes by, from any spelling of it."""
        return self.aliases.get(written, written)

    def spellings(self, name: str) -> list[str]:
        """The other spellings of a person's name."""
        return [alias for alias, person in self.aliases.items() if person == name]
