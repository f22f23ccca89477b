import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

extensions = [
    "myst_parser",
    "notfound.extension",
    "sphinx_sitemap",
    "sphinxext.opengraph",
    "pytorchkr_archive",
]
html_theme = "furo"
ogp_social_cards = {"enable": False}
archive_languages = {
    "en": {"name": "English", "title": "Test archive", "description": "Test events",
           "og_locale": "en_US"},
    "ko": {"name": "한국어", "title": "테스트 아카이브", "description": "테스트 행사",
           "og_locale": "ko_KR"},
}
archive_base_url = "https://archive.example.org/{language}/latest/"
locale_dirs = ["locale/"]
gettext_compact = False
archive_languages["ko"] |= {"time_format": "aaaa h:mm", "time_separator": " ~ "}
# As the project's conf.py: no page sources copied or linked.
html_copy_source = False
html_show_sourcelink = False
