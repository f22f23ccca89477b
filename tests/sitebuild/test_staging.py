"""The staging copy starts from the spare (the output the last build replaced)
and is brought level with the output by copying only what differs."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from pytorchkr_archive.sitebuild.staging import mirror, publish, spare_of, staging_copy


def tree(folder: Path) -> dict[str, tuple[str, bytes | str, int]]:
    """Every entry under ``folder``: its kind, its content (or link) and its time."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = ("link", str(path.readlink()), 0)
        elif path.is_dir():
            found[name] = ("folder", b"", 0)
        else:
            found[name] = ("file", path.read_bytes(), path.stat().st_mtime_ns)
    return found


def write(path: Path, text: str, mtime_ns: int | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if mtime_ns is not None:
        os.utime(path, ns=(mtime_ns, mtime_ns))


def test_mirror_copies_what_differs_and_removes_what_is_gone(tmp_path: Path) -> None:
    out, copy = tmp_path / "out", tmp_path / "copy"
    write(out / "same.html", "same", 1_000_000_000)
    write(out / "edited.html", "new text", 3_000_000_000)
    write(out / "new" / "page.html", "new page", 4_000_000_000)
    write(out / "was-a-folder", "now a file", 5_000_000_000)
    (out / "link").symlink_to("same.html")
    write(copy / "same.html", "same", 1_000_000_000)
    write(copy / "edited.html", "old text", 2_000_000_000)
    write(copy / "gone.html", "a page renamed since", 2_000_000_000)
    write(copy / "gone" / "deep.ics", "a folder that went", 2_000_000_000)
    write(copy / "was-a-folder" / "inside.html", "x", 2_000_000_000)
    (copy / "link").symlink_to("gone.html")
    same = (copy / "same.html").stat().st_ino

    mirror(out, copy)

    assert tree(copy) == tree(out)
    # What was the same was left alone, not copied again.
    assert (copy / "same.html").stat().st_ino == same


def test_a_file_of_the_same_size_and_another_time_is_copied(tmp_path: Path) -> None:
    out, copy = tmp_path / "out", tmp_path / "copy"
    write(out / "page.html", "AAAA", 2_000_000_000)
    write(copy / "page.html", "BBBB", 1_000_000_000)
    mirror(out, copy)
    assert (copy / "page.html").read_text(encoding="utf-8") == "AAAA"


def test_a_build_starts_from_the_spare_and_leaves_the_previous_output_as_it(
    tmp_path: Path,
) -> None:
    out = tmp_path / "_build" / "html"
    with staging_copy(out) as staging:
        write(staging / "en" / "index.html", "first", 1_000_000_000)
        publish(staging, out)
    assert not spare_of(out).exists()
    with staging_copy(out) as staging:
        assert tree(staging) == tree(out)
        write(staging / "en" / "index.html", "second", 2_000_000_000)
        publish(staging, out)
    # The first output is kept as the spare ...
    assert (spare_of(out) / "en" / "index.html").read_text(encoding="utf-8") == "first"
    with staging_copy(out) as staging:
        # ... taken by the next build, and brought level with the output.
        assert not spare_of(out).exists()
        assert tree(staging) == tree(out)
        write(staging / "en" / "index.html", "third", 3_000_000_000)
        (staging / "en" / "extra.html").write_text("x", encoding="utf-8")
    # A build that does not publish leaves the output, and no spare to trust blindly.
    assert (out / "en" / "index.html").read_text(encoding="utf-8") == "second"
    assert not (out / "en" / "extra.html").exists()
    with staging_copy(out) as staging:
        assert tree(staging) == tree(out)


def test_a_spare_left_when_the_output_is_gone_is_emptied(tmp_path: Path) -> None:
    out = tmp_path / "_build" / "html"
    write(spare_of(out) / "en" / "old.html", "old")
    with staging_copy(out) as staging:
        assert list(staging.iterdir()) == []


def test_builds_at_once_never_share_a_staging_folder(tmp_path: Path) -> None:
    builds = 4
    out = tmp_path / "_build" / "html"
    write(out / "en" / "index.html", "site", 1_000_000_000)
    write(spare_of(out) / "en" / "index.html", "older site", 500_000_000)
    ready = threading.Barrier(builds)
    seen: list[Path] = []
    failures: list[BaseException] = []

    def one() -> None:
        try:
            with staging_copy(out) as staging:
                seen.append(staging)
                ready.wait(timeout=30)
                assert tree(staging) == tree(out)
        except BaseException as error:  # reported below
            failures.append(error)

    threads = [threading.Thread(target=one) for _ in range(builds)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures
    assert len(set(seen)) == builds
