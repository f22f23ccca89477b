"""The Korean search language Sphinx lacks, for ``language = "ko"``."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from sphinx.search import _MINIFIED_JS_PATH, SearchLanguage
from sphinx.search._stopwords.en import ENGLISH_STOPWORDS

from pytorchkr_archive.korean_search import analyzer

HERE = Path(__file__).parent


@cache
def javascript() -> str:
    """The code for ``language_data.js``: Sphinx's English stemmer, the rules, the
    Korean stemmer and the Korean partial matching.

    The code is given whole (``js_stemmer_code``), not as a file name
    (``js_stemmer_rawcode``), which Sphinx 9.0 looks up among its own stemmers.
    """
    return "\n".join((
        (_MINIFIED_JS_PATH / "base-stemmer.js").read_text(encoding="utf-8"),
        (_MINIFIED_JS_PATH / "english-stemmer.js").read_text(encoding="utf-8"),
        f"var KOREAN_RULES = {json.dumps(analyzer.rules(), ensure_ascii=False)};",
        (HERE / "korean-stemmer.js").read_text(encoding="utf-8"),
        (HERE / "korean-lookup.js").read_text(encoding="utf-8"),
    ))  # fmt: skip


class SearchKorean(SearchLanguage):
    """Korean words reduced to their roots, English words stemmed as English."""

    lang = "ko"
    language_name = "Korean"
    stopwords = frozenset(ENGLISH_STOPWORDS | analyzer.stop_words())
    js_stemmer_rawcode = ""

    # Read when a Korean build writes language_data.js, not at every import.
    @property
    def js_stemmer_code(self) -> str:  # type: ignore[override]
        return javascript()

    @property
    def js_splitter_code(self) -> str:  # type: ignore[override]
        return (HERE / "splitter.js").read_text(encoding="utf-8")

    def split(self, input: str) -> list[str]:
        return analyzer.split(input)

    def stem(self, word: str) -> str:
        return analyzer.stem(word)
