"""The package's tree is its architecture: wings by concern, imports only downward."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT

PACKAGE = PROJECT / "pytorchkr_archive"
#: The wings, lowest first: a wing may import only itself and the wings before it.
WINGS = (
    "problems",
    "sphinx_build",
    "project",
    "escaping",
    "catalogs",
    "pages",
    "speed",
    "record",
    "events",
    "korean_search",
    "translation",
    "parallel",
    "sitebuild",
    "measure",
)
#: Modules that stand directly in the package, shared by every wing.
SHARED = {"problems", "sphinx_build", "project"}


def modules() -> dict[str, ast.Module]:
    """Every module of the package, by dotted name below the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(p for p in parts if p != "__init__")
        found[name] = ast.parse(path.read_text(encoding="utf-8"))
    return found


def imported(name: str, tree: ast.Module) -> set[str]:
    """The package's modules (or wings) that a module imports."""
    found = set()
    package = name.rsplit(".", 1)[0] if "." in name else ""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module or ""]).strip(".")
            elif node.module and node.module.startswith("pytorchkr_archive"):
                target = node.module.removeprefix("pytorchkr_archive").strip(".")
            else:
                continue
            for alias in node.names:
                found.add(f"{target}.{alias.name}".strip(".") if target else alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("pytorchkr_archive."):
                    found.add(alias.name.removeprefix("pytorchkr_archive."))
    return found


def wing(name: str) -> str:
    return name.split(".")[0]


def defines(tree: ast.Module, function: str) -> bool:
    return any(isinstance(n, ast.FunctionDef) and n.name == function for n in tree.body)


def test_only_shared_modules_stand_at_the_top() -> None:
    loose = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert loose == SHARED
    assert len(loose) <= 3
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == set(WINGS) - SHARED


#: The wings laid out in rooms, each room a sub-package: the events' facts, the
#: ground, and above them what readers see and what machines read, which
#: import only the facts (and themselves), never each other.
ROOMS = {"events": ("facts", "for_readers", "for_machines")}


def folders_of(name: str) -> list[Path]:
    """A wing's folder, or its rooms' where it is laid out in rooms."""
    if name in ROOMS:
        return [PACKAGE / name / room for room in ROOMS[name]]
    return [PACKAGE / name]


def test_each_wing_says_what_it_is_for_and_stays_small() -> None:
    for name in set(WINGS) - SHARED:
        for folder in [PACKAGE / name, *folders_of(name)]:
            init = folder / "__init__.py"
            docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
            shown = folder.relative_to(PACKAGE)
            assert docstring and len(docstring) > 200, f"{shown}/__init__.py says too little"
        for folder in folders_of(name):
            count = len([p for p in folder.glob("*.py") if p.name != "__init__.py"])
            shown = folder.relative_to(PACKAGE)
            assert 1 <= count <= 12, f"{shown}/ holds {count} modules"
    rooms = {p.name for p in (PACKAGE / "events").iterdir() if (p / "__init__.py").is_file()}
    assert rooms == set(ROOMS["events"])
    assert [p.name for p in (PACKAGE / "events").glob("*.py")] == ["__init__.py"]


def test_a_face_holds_registration_and_a_description_only() -> None:
    """The events wing's ``__init__.py`` and its rooms': a docstring, imports and
    ``setup()``, nothing else (what a room does is in its modules)."""
    for init in [PACKAGE / "events" / "__init__.py", *(PACKAGE / "events").glob("*/__init__.py")]:
        tree = ast.parse(init.read_text(encoding="utf-8"))
        body = tree.body[1:]  # after the docstring
        defined = [
            getattr(node, "name", type(node).__name__)
            for node in body
            if not isinstance(node, (ast.Import, ast.ImportFrom))
        ]
        assert defined == ["setup"], f"{init.relative_to(PACKAGE)} defines {defined}"


def test_the_events_rooms_import_only_the_facts_below_them() -> None:
    found = modules()
    wrong = []
    for name, tree in found.items():
        parts = name.split(".")
        if parts[0] != "events" or len(parts) < 2:
            continue
        room = parts[1]
        for target in imported(name, tree):
            aim = target.split(".")
            if aim[0] != "events" or len(aim) < 2 or aim[1] not in ROOMS["events"]:
                continue
            if aim[1] != room and aim[1] != "facts":
                wrong.append(f"{name} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_imports_go_only_downward() -> None:
    found = modules()
    assert len(found) > 40
    order = {name: index for index, name in enumerate(WINGS)}
    wrong = []
    for name, tree in found.items():
        if not name:  # the package's own setup() registers every extension
            continue
        for target in imported(name, tree):
            if order[wing(target)] > order[wing(name)]:
                wrong.append(f"{name} imports {target}")
            outside = wing(name) not in (wing(target), "measure")
            if wing(target) in ("sitebuild", "measure") and outside:
                wrong.append(f"{name} imports {target}: only measure/ may use sitebuild/")
    assert not wrong, "\n".join(wrong)


def test_extensions_import_no_command() -> None:
    found = modules()
    commands = {name for name, tree in found.items() if defines(tree, "main")}
    extensions = {name for name, tree in found.items() if defines(tree, "setup") and name}
    assert {"translation.update_po", "sitebuild.site"} <= commands
    assert {"translation.catalog_guard", "pages.languages", "events"} <= extensions
    wrong = [
        f"{name} imports the command {target}"
        for name in sorted(extensions)
        for target in imported(name, found[name])
        if target in commands or target.rsplit(".", 1)[0] in commands
    ]
    assert not wrong, "\n".join(wrong)


def test_every_test_file_is_collected(request: pytest.FixtureRequest) -> None:
    """No folder of the suite is left out (pytest skips folders named build by default).

    This run's own items say what pytest collected (the whole suite, in
    ``make test``); only when some file is not among them (a run of some
    files, ``-k``, ``--ignore``) is pytest asked for a collection of its own.
    """
    files = sorted(
        p.relative_to(PROJECT).as_posix() for p in (PROJECT / "tests").rglob("test_*.py")
    )
    items = request.session.items
    collected = {Path(item.path).relative_to(PROJECT).as_posix() for item in items}
    if set(files) - collected:
        process = subprocess.run(
            [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
            cwd=PROJECT, capture_output=True, text=True, check=False,
        )  # fmt: skip
        lines = process.stdout.splitlines()
        collected = {line.split("::", 1)[0] for line in lines if "::" in line}
    assert len(files) >= 30
    assert sorted(collected) == files, set(files) - collected
