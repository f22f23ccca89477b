import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

extensions = ["myst_parser", "notfound.extension", "pytorchkr_archive"]
html_theme = "furo"
archive_languages = {
    "en": {"name": "English", "title": "Test archive", "description": "Test"},
    "ko": {"name": "한국어", "title": "테스트 아카이브", "description": "테스트"},
}
archive_base_url = "https://example.org/{language}/latest/"
locale_dirs = ["locale/"]
gettext_compact = False
exclude_patterns = ["_build", "locale"]
