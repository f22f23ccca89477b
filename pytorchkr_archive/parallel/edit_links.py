"""Links from a block to the line of its catalog in the repository's web editor.

The repository is ``archive_repository`` of ``conf.py`` (its web address),
else the one Read the Docs cloned (``READTHEDOCS_GIT_CLONE_URL``, in any of
the forms Git accepts); GitHub and GitLab (including self-hosted GitLab,
whose host says so) are known.  The branch is ``archive_repository_branch``,
else the one Read the Docs built (``READTHEDOCS_GIT_IDENTIFIER``), else
``main``.  Without a repository the view still names the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from sphinx.errors import ConfigError

#: How Git writes a remote: scp-like (git@host:path) or a URL.
_SCP_LIKE = re.compile(r"^(?:[\w.-]+@)?(?P<host>[\w.-]+):(?P<path>[^/].*)$")


@dataclass(frozen=True)
class Repository:
    """A repository's web address, its kind of host and the branch to edit."""

    web: str
    host: str  # "github" or "gitlab"
    branch: str

    def edit_url(self, path: str, line: int) -> str:
        """The web editor open on ``path`` (relative to the repository) at ``line``."""
        where = "edit" if self.host == "github" else "-/edit"
        return f"{self.web}/{where}/{quote(self.branch)}/{quote(path)}#L{line}"


def web_address(remote: str) -> tuple[str, str] | None:
    """(https web address, host kind) of a Git remote on GitHub or GitLab, else None."""
    remote = remote.strip()
    match = _SCP_LIKE.match(remote) if "://" not in remote else None
    if match:
        host, path = match.group("host"), match.group("path")
    else:
        parts = urlsplit(remote)
        host, path = parts.hostname or "", parts.path
    path = path.strip("/").removesuffix(".git")
    kind = "github" if host == "github.com" else "gitlab" if "gitlab" in host else None
    if not kind or path.count("/") < 1:
        return None
    return f"https://{host}/{path}", kind


def repository(configured: str, branch: str, environ: Mapping[str, str]) -> Repository | None:
    """The repository to link, from ``conf.py``'s values or Read the Docs' variables."""
    branch = branch or environ.get("READTHEDOCS_GIT_IDENTIFIER", "") or "main"
    if configured:
        found = web_address(configured)
        if not found:
            raise ConfigError(
                f"archive_repository = {configured!r} is not a GitHub or GitLab repository "
                "(such as 'https://github.com/owner/name'): give one, or set it to '' "
                "to link no web editor"
            )
        return Repository(found[0], found[1], branch)
    clone = environ.get("READTHEDOCS_GIT_CLONE_URL", "")
    found = web_address(clone) if clone else None
    return Repository(found[0], found[1], branch) if found else None
