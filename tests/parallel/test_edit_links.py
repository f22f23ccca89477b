"""Edit links: the repository from conf.py or from Read the Docs, GitHub or GitLab."""

from __future__ import annotations

import pytest
from sphinx.errors import ConfigError

from pytorchkr_archive.parallel.edit_links import repository, web_address

PO = "locale/ko/LC_MESSAGES/events/2025-03-30-x.po"


@pytest.mark.parametrize(
    ("remote", "expected"),
    [
        ("https://github.com/PyTorchKorea/archive", "https://github.com/PyTorchKorea/archive"),
        ("https://github.com/PyTorchKorea/archive.git", "https://github.com/PyTorchKorea/archive"),
        ("git@github.com:PyTorchKorea/archive.git", "https://github.com/PyTorchKorea/archive"),
        (
            "ssh://git@github.com/PyTorchKorea/archive.git",
            "https://github.com/PyTorchKorea/archive",
        ),
        ("https://gitlab.com/group/sub/archive.git", "https://gitlab.com/group/sub/archive"),
        ("git@gitlab.example.org:docs/archive.git", "https://gitlab.example.org/docs/archive"),
    ],
)
def test_git_remotes_give_the_web_address(remote: str, expected: str) -> None:
    assert web_address(remote)[0] == expected


@pytest.mark.parametrize(
    "remote", ["https://bitbucket.org/a/b.git", "https://github.com/only-owner", "", "not a url"]
)
def test_other_hosts_give_none(remote: str) -> None:
    assert web_address(remote) is None


def test_github_and_gitlab_editors_open_at_the_line() -> None:
    github = repository("https://github.com/PyTorchKorea/archive", "", {})
    assert github.edit_url(PO, 42) == f"https://github.com/PyTorchKorea/archive/edit/main/{PO}#L42"
    gitlab = repository("https://gitlab.com/g/archive", "release 1", {})
    assert gitlab.edit_url(PO, 7) == f"https://gitlab.com/g/archive/-/edit/release%201/{PO}#L7"


def test_read_the_docs_gives_the_repository_and_branch() -> None:
    environ = {
        "READTHEDOCS_GIT_CLONE_URL": "git@github.com:PyTorchKorea/archive.git",
        "READTHEDOCS_GIT_IDENTIFIER": "translations",
    }
    found = repository("", "", environ)
    assert found.edit_url(PO, 3) == (
        f"https://github.com/PyTorchKorea/archive/edit/translations/{PO}#L3"
    )
    # conf.py's own values come first.
    assert repository("https://gitlab.com/g/a", "main", environ).web == "https://gitlab.com/g/a"


def test_no_repository_means_no_link() -> None:
    assert repository("", "", {}) is None
    assert repository("", "", {"READTHEDOCS_GIT_CLONE_URL": "https://example.org/a/b.git"}) is None


def test_a_repository_the_view_cannot_link_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match=r"archive_repository = 'https://bitbucket.org/a/b'"):
        repository("https://bitbucket.org/a/b", "", {})
