"""The README is the operator's manual: every setting and command is in it."""

from __future__ import annotations

import re
from pathlib import Path

import kiemchung

ROOT = Path(kiemchung.__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PACKAGE = Path(kiemchung.__file__).resolve().parent


def test_every_environment_setting_is_documented() -> None:
    source = (PACKAGE / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r'env\.\w+\(\s*"([A-Z_]+)"', source))
    assert names, "no settings found: the pattern is stale"
    undocumented = sorted(
        name for name in names if f"`{name}`" not in README and name not in README
    )
    assert undocumented == []


def test_every_project_command_is_documented() -> None:
    commands = {
        path.stem
        for path in PACKAGE.glob("*/management/commands/*.py")
        if not path.stem.startswith("_")
    }
    assert commands >= {"ingest", "sources", "worker", "seed-demo", "bench"}
    undocumented = sorted(name for name in commands if f"kiemchung {name}" not in README)
    assert undocumented == []


def test_the_readme_shows_the_two_commands() -> None:
    assert "make run" in README
    assert "make test" in README
