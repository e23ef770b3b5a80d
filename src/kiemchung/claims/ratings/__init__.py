"""Other publishers' ratings on our factual scale, read from data files (one per language).

``RatingTable.load()`` reads every ``<language>.toml`` of this folder (see its README.md)
and ``scales.toml``. ``verdict_for_label`` finds the verdict of a textual rating:

1. the whole label, compared by its *exact key*: NFC, case-folded, punctuation and
   underscores read as spaces ("Really_False!" is "really false");
2. the same, by its *loose key* (no accents or diacritics, Arabic hamza forms and tāʾ
   marbūṭa folded, Hindi nukta dropped), when that key belongs to labels of one verdict
   only: a loose key shared by two verdicts is never used;
3. the leading label of a "label. explanation" / "LABEL: explanation" / "Label – …"
   rating, the same two ways. A comma never ends a label: "True, but…" is not "True".

``verdict_for_scale`` reads a number, and only on a scale we understand (``scales.toml``):
a publisher's scale found by its site, or the common 1–5 when the record gives both
``worstRating`` and ``bestRating``.

Plain Python, no Django.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

__all__ = [
    "VERDICT_CODES",
    "RatingTable",
    "Scale",
    "exact_key",
    "leading_label",
    "loose_key",
    "rating_table",
]

FOLDER = Path(__file__).parent
SCALES_FILE = "scales.toml"
VERDICT_CODES = ("true", "mostly_true", "misleading", "false", "unverifiable", "out_of_scope")

# Where a leading label ends: a sentence end, a colon, a dash between spaces, a bracket,
# and their CJK, Arabic and Devanagari forms. Never a comma.
_LABEL_END = re.compile(r"\s[-–—|]\s|[.:;!?()\[\]–—|。：；！？（）【】「」।؛؟…]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "đ": "d"})


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char) in ("Mn", "Mc")


def exact_key(text: str) -> str:
    """NFC, case-folded, every run of punctuation, symbols or underscores one space."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join("".join(c if _is_word_char(c) else " " for c in text).split())


def loose_key(text: str) -> str:
    """``exact_key`` without accents and diacritics (and the letter foldings above)."""
    decomposed = unicodedata.normalize("NFD", exact_key(text).translate(_FOLD))
    plain = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", plain).translate(_FOLD)


def leading_label(text: str) -> str:
    """The label before the first sentence end, colon, dash or bracket ("" if none)."""
    head = _LABEL_END.split(text.strip(), maxsplit=1)[0]
    return head.strip() if head.strip() != text.strip() else ""


@dataclass(frozen=True)
class Scale:
    """A numeric scale we understand: each listed value stands for a verdict."""

    name: str
    worst: float
    best: float
    values: Mapping[float, str]
    sites: tuple[str, ...] = ()

    def verdict(self, value: float) -> str | None:
        return self.values.get(value)


@dataclass
class RatingTable:
    """Labels by key, with the language file each came from (for review and tests)."""

    exact: dict[str, str] = field(default_factory=dict)
    loose: dict[str, str] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)  # exact key -> language
    scales: list[Scale] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path = FOLDER) -> RatingTable:
        table = cls()
        for path in sorted(folder.glob("*.toml")):
            if path.name != SCALES_FILE:
                table.add_language(path)
        table.scales = list(_scales(folder / SCALES_FILE))
        return table

    def add_language(self, path: Path) -> None:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        language = str(data.get("language") or path.stem)
        for verdict, labels in dict(data.get("verdicts", {})).items():
            if verdict not in VERDICT_CODES:
                raise ValueError(f"{path.name}: unknown verdict {verdict!r}")
            for label in labels:
                self.add(str(label), verdict, language)
        self.loose = _unambiguous(self.exact)

    def add(self, label: str, verdict: str, language: str) -> None:
        key = exact_key(label)
        if not key:
            raise ValueError(f"{language}: an empty label under {verdict!r}")
        known = self.exact.setdefault(key, verdict)
        if known != verdict:
            where = self.origin.get(key, language)
            raise ValueError(f"{language}: {label!r} is {verdict!r} but {where} has {known!r}")
        self.origin.setdefault(key, language)

    def verdict_for_label(self, text: str) -> str | None:
        """Our verdict for a publisher's textual rating, or None when it is unknown."""
        for candidate in (text, leading_label(text)):
            found = self._lookup(candidate)
            if found is not None:
                return found
        return None

    def _lookup(self, text: str) -> str | None:
        key = exact_key(text)
        if not key:
            return None
        return self.exact.get(key) or self.loose.get(loose_key(key))

    def scale_for(self, site: str, worst: float | None, best: float | None) -> Scale | None:
        """The publisher's own scale for ``site``, else the common scale whose worst and
        best the record gives; None when the scale is not understood."""
        site = site.lower().removeprefix("www.")
        for scale in self.scales:
            if site and site in scale.sites:
                return scale
        for scale in self.scales:
            if not scale.sites and (worst, best) == (scale.worst, scale.best):
                return scale
        return None


def _unambiguous(exact: Mapping[str, str]) -> dict[str, str]:
    """Loose keys that stand for one verdict only."""
    seen: dict[str, set[str]] = {}
    for key, verdict in exact.items():
        seen.setdefault(loose_key(key), set()).add(verdict)
    return {key: next(iter(v)) for key, v in seen.items() if len(v) == 1}


def _scales(path: Path) -> Iterator[Scale]:
    if not path.is_file():
        return
    for entry in tomllib.loads(path.read_text(encoding="utf-8")).get("scales", []):
        values = {float(k): str(v) for k, v in dict(entry["values"]).items()}
        unknown = set(values.values()) - set(VERDICT_CODES)
        if unknown:
            raise ValueError(f"{path.name}: scale {entry['name']!r} has verdicts {unknown}")
        sites = tuple(str(s).lower().removeprefix("www.") for s in entry.get("sites", ()))
        yield Scale(str(entry["name"]), float(entry["worst"]), float(entry["best"]), values, sites)


@lru_cache(maxsize=1)
def rating_table() -> RatingTable:
    """The table of the files shipped with kiemchung, loaded once."""
    return RatingTable.load()
