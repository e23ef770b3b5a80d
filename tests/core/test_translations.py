"""Everything a user sees has a Vietnamese translation, compiled and current."""

from __future__ import annotations

import re
from pathlib import Path

import kiemchung

LOCALE = Path(kiemchung.__file__).resolve().parent / "locale" / "vi" / "LC_MESSAGES"
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def entries(text: str) -> list[dict[str, str]]:
    found = []
    for block in text.split("\n\n"):
        entry: dict[str, str] = {}
        key = ""
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] = line
            elif line.startswith(("msgctxt", "msgid", "msgstr")):
                key = line.split(" ", 1)[0]
                entry[key] = "".join(QUOTED.findall(line))
            elif line.startswith('"') and key:
                entry[key] += "".join(QUOTED.findall(line))
        if entry.get("msgid"):
            found.append(entry)
    return found


def test_every_message_has_a_vietnamese_translation() -> None:
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    untranslated = [
        e["msgid"]
        for e in entries(po)
        if not (e.get("msgstr") or e.get("msgstr[0]")) or "fuzzy" in e.get("flags", "")
    ]
    assert untranslated == []


def test_the_compiled_catalogue_matches_its_source() -> None:
    import gettext

    with (LOCALE / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    stale = [
        e["msgid"]
        for e in entries(po)
        if "msgstr" in e
        and "msgctxt" not in e
        and catalogue.gettext(unescape(e["msgid"])) != unescape(e["msgstr"])
    ]
    assert stale == []


def unescape(value: str) -> str:
    return value.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")
