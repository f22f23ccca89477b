"""The root page of a local build: it sends each reader to their language.

Read the Docs has its own root redirect (to the main project's language); a
local or self-hosted build has ``_build/html/en/`` and ``_build/html/ko/``
side by side and needs a page above them.  It redirects at once to the first
of the browser's preferred languages that the site has (English otherwise),
and without JavaScript it is a plain page of links to both.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from pytorchkr_archive.escaping.json_script import json_for_script

PAGE = """<!DOCTYPE html>
<html lang="{default}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}</title>
  <meta name="description" content="{description}">
{alternates}
  <script>
    (function () {{
      var available = {codes};
      var preferred = navigator.languages || [navigator.language || ""];
      for (var i = 0; i < preferred.length; i++) {{
        var code = String(preferred[i]).toLowerCase().split("-")[0];
        if (available.indexOf(code) !== -1) {{
          location.replace(code + "/index.html");
          return;
        }}
      }}
      location.replace({default_json} + "/index.html");
    }})();
  </script>
  <style>
    body {{ font-family: system-ui, sans-serif; margin: 0; padding: 3rem 1.5rem;
           color: #1a1a1a; background: #fff; }}
    main {{ max-width: 36rem; margin: 0 auto; }}
    h1 {{ font-size: 1.5rem; line-height: 1.4; }}
    ul {{ list-style: none; padding: 0; }}
    li {{ margin: 0.75rem 0; }}
    a {{ color: #0645ad; font-size: 1.25rem; }}
    @media (prefers-color-scheme: dark) {{
      body {{ color: #e8e8e8; background: #131416; }}
      a {{ color: #8ab4f8; }}
    }}
  </style>
</head>
<body>
  <main>
    <h1>{headings}</h1>
    <ul>
{links}
    </ul>
  </main>
</body>
</html>
"""


def render_landing_page(languages: dict[str, dict[str, str]], default: str = "en") -> str:
    """The landing page for the site's languages (``archive_languages`` of conf.py)."""
    titles = [entry["title"] for entry in languages.values()]
    alternates = [
        f'  <link rel="alternate" hreflang="{code}" href="{code}/index.html">'
        for code in languages
    ]
    alternates.append(f'  <link rel="alternate" hreflang="x-default" href="{default}/index.html">')
    headings = "<br>".join(
        f'<span lang="{code}">{escape(entry["title"])}</span>' for code, entry in languages.items()
    )
    links = "\n".join(
        f'      <li><a href="{code}/index.html" hreflang="{code}" lang="{code}">'
        f"{escape(entry['name'])}</a></li>"
        for code, entry in languages.items()
    )
    return PAGE.format(
        default=default,
        default_json=json_for_script(default),
        title=escape(" · ".join(titles)),
        description=escape(" · ".join(titles)),
        alternates="\n".join(alternates),
        codes=json_for_script(list(languages)),
        headings=headings,
        links=links,
    )


def write_landing_page(
    path: Path, languages: dict[str, dict[str, str]], default: str = "en"
) -> None:
    """Write the landing page to ``path`` (``default``: where an unknown language goes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_landing_page(languages, default), encoding="utf-8")
