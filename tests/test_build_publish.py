"""tools/sync.py: a site is replaced whole, so a stopped copy never shows half of it."""

from __future__ import annotations

from pathlib import Path

import pytest

import sync  # tools/, on the path through tests/conftest.py


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


def test_publish_stopped_part_way_leaves_the_last_site(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    site, landing = tmp_path / "html", write(tmp_path, {"landing.html": "v1"}) / "landing.html"
    old = write(tmp_path / "old", {"a.html": "old a", "b.html": "old b", "sub/c.js": "old c"})
    sync.publish(site, {"en": old}, {"index.html": landing})
    first = tree(site)

    new = write(tmp_path / "new", {"a.html": "new a!", "b.html": "new b!", "sub/c.js": "new c!"})
    copies = []

    def copy_then_stop(source: Path, target: Path) -> None:
        if copies:
            raise KeyboardInterrupt  # Ctrl-C after the first file
        copies.append(target)
        real_copy(source, target)

    real_copy = sync.copy_file
    monkeypatch.setattr(sync, "copy_file", copy_then_stop)
    with pytest.raises(KeyboardInterrupt):
        sync.publish(site, {"en": new}, {"index.html": landing})
    assert copies and tree(site) == first  # the hard-linked old files were not written through

    monkeypatch.setattr(sync, "copy_file", real_copy)
    sync.publish(site, {"en": new}, {"index.html": landing})
    assert tree(site) == {"en/a.html": "new a!", "en/b.html": "new b!", "en/sub/c.js": "new c!",
                          "index.html": "v1"}
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("html")) == ["html"]


def test_publish_restores_a_site_stopped_between_its_two_renames(tmp_path: Path) -> None:
    source = write(tmp_path / "src", {"a.html": "a"})
    site = tmp_path / "html"
    sync.publish(site, {"en": source}, {})
    site.rename(tmp_path / "html.old")  # the old site moved away, the new one not yet in

    sync.publish(site, {"en": source}, {})

    assert tree(site) == {"en/a.html": "a"} and not (tmp_path / "html.old").exists()


def test_sync_never_copies_temporary_files(tmp_path: Path) -> None:
    source = write(tmp_path / "src", {"deck.pdf": "whole", "deck.pdf.part": "half"})
    sync.sync_tree(source, tmp_path / "out")
    assert tree(tmp_path / "out") == {"deck.pdf": "whole"}
