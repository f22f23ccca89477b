"""The group's record: the words and shapes an event's facts are written in.

The PyTorch Korea User Group keeps its own record of its events (its web
site's ``_events/`` and ``_groups/``): sessions with their speakers, each
session's video and slides in a *state* (public, pending, private, not
recorded...), related links, sources and the day they were last verified.
This wing holds those shapes as pydantic models, in the record's own words,
so that an entry of the record becomes an event page's front matter by a
plain mapping (``docs/events.md`` has the table), and the event schema
(:mod:`pytorchkr_archive.events.facts.schema`) is made of them.

- :mod:`.fields`: what every part shares: unknown fields are errors, texts a
  feed and a calendar can carry, how a value is named in a message.
- :mod:`.media`: a session's video and slides, and which states need which
  facts (a public video has its YouTube id, a limited one its reason).
- :mod:`.sessions`: a session, its speakers and their organizations.
- :mod:`.links`: an event's related links (recap, playlist...) and sources.
- :mod:`.registration`: a registration page, or its window (opens, closes).

Nothing here knows Sphinx: the models are read by ``make check`` without a
build, and the events wing renders them.
"""
