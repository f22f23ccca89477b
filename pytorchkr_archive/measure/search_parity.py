"""The Korean analysis as the browser runs it, for comparing it with Python's.

The page's search splits a query with ``splitter.js`` and reduces each word
with ``korean-stemmer.js``; the index was written by ``analyzer.py``.  A word
that the two sides reduce differently is a word that search cannot find, so
the suite compares them on every Korean word of the archive's catalogs, and
``make bench`` on every word of a corpus (which is not stored here).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pytorchkr_archive.korean_search import analyzer
from pytorchkr_archive.korean_search.language import HERE, javascript
from pytorchkr_archive.measure.node import NODE

#: Reads {"text", "tokens", "queries"} on stdin, writes what the browser makes of them.
_DRIVER = """
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const stemmer = new Stemmer();
process.stdout.write(JSON.stringify({
  split: splitQuery(input.text),
  stems: input.tokens.map((t) => stemmer.stemWord(t)),
}));
"""


@dataclass(frozen=True)
class Disagreement:
    """A word the two sides reduce differently."""

    word: str
    python: str
    javascript: str


def javascript_analysis(text: str, tokens: list[str]) -> tuple[list[str], list[str]]:
    """The browser's split of ``text`` and its stem of each token, run in Node.js."""
    script = javascript() + (HERE / "splitter.js").read_text(encoding="utf-8") + _DRIVER
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "parity.js"
        path.write_text(script, encoding="utf-8")
        process = subprocess.run(
            [str(NODE), str(path)],
            input=json.dumps({"text": text, "tokens": tokens}),
            capture_output=True,
            text=True,
            check=True,
        )
    result = json.loads(process.stdout)
    return result["split"], result["stems"]


def disagreements(tokens: list[str]) -> tuple[bool, list[Disagreement]]:
    """Whether both sides split the tokens' text alike, and the words they stem apart."""
    text = " ".join(tokens)
    split, stems = javascript_analysis(text, tokens)
    pairs = zip(tokens, map(analyzer.stem, tokens), stems, strict=True)
    differ = [Disagreement(token, python, js) for token, python, js in pairs if python != js]
    return split == analyzer.split(text), differ
