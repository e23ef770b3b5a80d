"""The demo's hand-written stories are data files (stories/*.toml) read by story_files.py,
and they still build exactly the committed corpus."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import kiemchung.demo

DATA = Path(kiemchung.demo.__file__).parent / "data"
BUILT = ("corpus.jsonl", "sources.json", "feed.xml", "atom.xml", "article.html")


def story_files() -> ModuleType:
    spec = importlib.util.spec_from_file_location("story_files", DATA / "story_files.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["story_files"] = module  # dataclasses look their module up while built
    spec.loader.exec_module(module)
    return module


def test_the_story_files_hold_every_story_and_correction() -> None:
    module = story_files()
    stories, corrections = module.PRIMARY_STORIES, module.CORRECTIONS
    slugs = [story.slug for story in stories]
    assert (len(stories), sum(len(story.docs) for story in stories)) == (32, 99)
    assert len(corrections) == 16
    assert len(set(slugs)) == len(slugs)
    assert {correction.related for correction in corrections} <= set(slugs)


def test_building_from_the_story_files_gives_the_committed_corpus(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("__pycache__", *BUILT))
    done = subprocess.run(
        [sys.executable, "build_corpus.py"], cwd=folder, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "424 documents, 48 stories"
    for name in BUILT:
        assert (folder / name).read_bytes() == (DATA / name).read_bytes(), name


def test_a_field_left_out_of_a_story_file_takes_its_default(tmp_path: Path) -> None:
    module = story_files()
    for name in module.GROUPS:
        (tmp_path / f"{name}.toml").write_text("", encoding="utf-8")
    (tmp_path / "scams.toml").write_text(
        '[[story]]\nslug = "s"\ntheme = "scam"\nverdict = "false"\nstart = "2026-02-08T19:20"\n'
        'register = "misinfo"\nsegments = [["burst", 24, 13, 5]]\n\n'
        '[[story.docs]]\ntext = """\nDòng một\nDòng hai"""\nat = 3.5\n',
        encoding="utf-8",
    )
    [story] = module.load_stories(tmp_path)
    assert story.segments == [("burst", 24, 13, 5)]
    assert story.strip_p == 0.3 and story.related is None and story.notes == []
    [doc] = story.docs
    assert (doc.text, doc.at, doc.platform, doc.kind) == (
        "Dòng một\nDòng hai",
        3.5,
        "facebook",
        "private",
    )
