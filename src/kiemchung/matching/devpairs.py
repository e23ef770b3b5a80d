"""Development pairs for the matcher: real sentences, and claims written from them.

Nothing here ships data. At run time ``source_sentences`` reads sentences from the
VNTC news corpus (``../shared/data/vntc``, real news, never copied into the project)
and from the project's demo corpus; ``make_pairs`` writes, for each sentence, claims
the way a person would write them from it:

- restating (label 1): the sentence trimmed to its main clause, its clauses
  reordered, words swapped for synonyms, diacritics stripped, function words dropped,
  an attribution added ("Theo …, "), or a reporting frame ("Có thông tin cho rằng …");
- contradicting by one edit (label 0): a negation added or removed, a number or a
  year changed, a person, body, team or place swapped for another of the corpus, a
  word swapped for its opposite, or an invented event that contradicts the sentence.

Each edit kind has its own small word list below, written for this project. They are
deliberately not the guard's lists (``guards``): a guard that only knew the
generator's words would look better here than on real claims.

Pairs are split into ``dev`` and ``heldout`` by source document (a hash of its id),
so no sentence of a held-out document is seen while tuning. ``graded_pairs`` gives
0–5 grades for Spearman: restated 5, one detail changed 3, another sentence of the
same document 1, a sentence of another topic 0.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiemchung.text.normalize import ascii_key
from kiemchung.text.sentences import split_sentences

__all__ = [
    "CONTRADICT_KINDS",
    "RESTATE_KINDS",
    "DevPair",
    "Sentence",
    "contradict",
    "entity_pool",
    "graded_pairs",
    "make_pairs",
    "restate",
    "source_sentences",
]

ROOT = Path(__file__).resolve().parents[3]
VNTC_FILE = ROOT.parent / "shared" / "data" / "vntc" / "vntc_sample10k.jsonl.gz"
DEMO_FILE = ROOT / "src" / "kiemchung" / "demo" / "data" / "corpus.jsonl"
MIN_SYLLABLES, MAX_SYLLABLES = 10, 40


@dataclass(frozen=True)
class Sentence:
    """One source sentence, its document, its topic and its split."""

    text: str
    doc: str
    topic: str

    @property
    def split(self) -> str:
        digest = hashlib.sha256(self.doc.encode()).digest()[0]
        return "dev" if digest % 2 == 0 else "heldout"


@dataclass(frozen=True)
class DevPair:
    """A sentence, a claim written from it, the edit kind and the label (1 = same)."""

    id: str
    sentence: str
    claim: str
    kind: str
    label: int
    split: str


# --- sources -------------------------------------------------------------------------


def _usable(sentence: str) -> bool:
    words = sentence.split()
    if not MIN_SYLLABLES <= len(words) <= MAX_SYLLABLES:
        return False
    if sentence.count('"') % 2 or "(" in sentence or ascii_key(sentence) == sentence.lower():
        return False
    return sentence[0].isupper() and sentence[-1] in ".!"


def _documents(path: Path, limit: int) -> Iterator[tuple[str, str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= limit:
                return
            row = json.loads(line)
            doc = str(row.get("id") or row.get("story") or number)
            yield doc, str(row.get("label") or row.get("theme") or ""), str(row["text"])


def source_sentences(
    documents: int = 1500, per_document: int = 2, paths: Sequence[Path] | None = None
) -> list[Sentence]:
    """Usable sentences (10–40 syllables, with diacritics) of the sources that exist."""
    found: list[Sentence] = []
    seen: set[str] = set()
    for path in paths if paths is not None else (VNTC_FILE, DEMO_FILE):
        if not path.is_file():
            continue
        for doc, topic, text in _documents(path, documents):
            usable = [s for s in split_sentences(text) if _usable(s) and s not in seen]
            seen.update(usable)
            found.extend(Sentence(s, f"{path.stem}:{doc}", topic) for s in usable[:per_document])
    return found


# --- restating edits -----------------------------------------------------------------

_SYNONYMS = {
    "cho biết": "cho hay",
    "thông báo": "công bố",
    "khoảng": "chừng",
    "hiện nay": "hiện tại",
    "người dân": "bà con",
    "nhanh chóng": "mau chóng",
    "bắt đầu": "khởi đầu",
    "tuy nhiên": "nhưng",
    "hầu hết": "phần lớn",
    "trẻ em": "trẻ nhỏ",
    "bệnh viện": "viện",
    "tổ chức": "tiến hành",
    "yêu cầu": "đề nghị",
    "xảy ra": "diễn ra",
    "tiếp tục": "vẫn",
    "đặc biệt": "nhất là",
    "giúp": "giúp cho",
    "khẳng định": "quả quyết",
    "sử dụng": "dùng",
    "nhiều": "không ít",
    "rất": "hết sức",
    "vừa qua": "mới đây",
    "đồng thời": "cùng lúc",
    "công ty": "doanh nghiệp",
    "cơ quan chức năng": "nhà chức trách",
}
_FUNCTION_WORDS = frozenset("đã được các những sẽ đang rất cũng thì là việc sự một".split())
_FRAMES = (
    "Có thông tin cho rằng {}",
    "Nhiều người chia sẻ rằng {}",
    "Báo chí đưa tin {}",
    "Người ta nói rằng {}",
)
_SOURCES = ("báo cáo mới", "cơ quan chức năng", "một quan chức", "thông tin từ địa phương")


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:].islower():
        return text[0].lower() + text[1:]
    return text


def _clauses(text: str) -> list[str]:
    return [part.strip() for part in re.split(r",\s+", text.rstrip(".!")) if part.strip()]


def _trim(sentence: str, rng: random.Random) -> str | None:
    parts = _clauses(sentence)
    if len(parts) < 2:
        return None
    kept = max(parts, key=lambda p: len(p.split()))
    if len(kept.split()) < 6:
        return None
    return kept[0].upper() + kept[1:] + "."


def _reorder(sentence: str, rng: random.Random) -> str | None:
    parts = _clauses(sentence)
    if len(parts) < 2:
        return None
    first, *rest = parts
    moved = ", ".join(rest)
    return moved[0].upper() + moved[1:] + ", " + _lower_first(first) + "."


def _synonym(sentence: str, rng: random.Random) -> str | None:
    present = [w for w in _SYNONYMS if re.search(rf"\b{w}\b", sentence)]
    if not present:
        return None
    word = rng.choice(present)
    return re.sub(rf"\b{word}\b", _SYNONYMS[word], sentence, count=1)


def _no_diacritics(sentence: str, rng: random.Random) -> str | None:
    return ascii_key(sentence)


def _drop_function_words(sentence: str, rng: random.Random) -> str | None:
    words = sentence.split()
    kept = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    return " ".join(kept) if len(kept) < len(words) else None


def _attribution(sentence: str, rng: random.Random) -> str | None:
    return f"Theo {rng.choice(_SOURCES)}, {_lower_first(sentence)}"


def _frame(sentence: str, rng: random.Random) -> str | None:
    return rng.choice(_FRAMES).format(_lower_first(sentence))


Edit = Callable[[str, random.Random], str | None]
RESTATE_KINDS: dict[str, Edit] = {
    "trim": _trim,
    "reorder": _reorder,
    "synonym": _synonym,
    "no_diacritics": _no_diacritics,
    "drop_function_words": _drop_function_words,
    "attribution": _attribution,
    "frame": _frame,
}


def restate(sentence: str, kind: str, rng: random.Random) -> str | None:
    """The sentence restated by ``kind``, or None when the edit does not apply."""
    return RESTATE_KINDS[kind](sentence, rng)


# --- contradicting edits -------------------------------------------------------------

# (pattern, replacement): the first that applies adds or removes a negation.
_NEGATIONS = (
    (r"\bkhông còn\b", "vẫn còn"),
    (r"\bkhông (?:được|có|phải|thể|bị|cần)\b", lambda m: m[0].split(" ", 1)[1]),
    (r"\bchưa\b", "đã"),
    (r"\bđã\b", "chưa"),
    (r"\bsẽ\b", "sẽ không"),
    (r"\bđược\b", "không được"),
    (r"\bcó thể\b", "không thể"),
    (r"\bcó\b", "không có"),
    (r"\blà\b", "không phải là"),
    (r"\bđang\b", "không còn"),
)
_OPPOSITES = (
    ("tăng", "giảm"), ("cho phép", "cấm"), ("thắng", "thua"), ("cao", "thấp"),
    ("lớn", "nhỏ"), ("nhiều", "ít"), ("trước", "sau"), ("mở", "đóng"),
    ("đồng ý", "phản đối"), ("ủng hộ", "phản đối"), ("thành công", "thất bại"),
    ("xuất khẩu", "nhập khẩu"), ("mua", "bán"), ("lãi", "lỗ"), ("tốt", "xấu"),
    ("mạnh", "yếu"), ("dễ", "khó"), ("an toàn", "nguy hiểm"), ("bắt đầu", "kết thúc"),
    ("chấp nhận", "từ chối"), ("thừa nhận", "phủ nhận"), ("sớm", "muộn"),
    ("nhanh", "chậm"), ("trong nước", "nước ngoài"),
    ("giàu", "nghèo"), ("thêm", "bớt"), ("nóng", "lạnh"), ("rẻ", "đắt"),
    ("hoàn thành", "bỏ dở"), ("tăng cường", "cắt giảm"), ("khen thưởng", "kỷ luật"),
    ("bắt giữ", "trả tự do"), ("lên", "xuống"),
)  # fmt: skip
_EVENTS = (
    "đã bị hủy bỏ",
    "bị đình chỉ ngay sau đó",
    "đã bị cơ quan chức năng bác bỏ",
    "nhưng thực tế không hề diễn ra",
    "và người đứng đầu đã bị cách chức",
    "khiến hàng chục người thiệt mạng",
)
_BODIES = (
    "Sở Y tế", "Sở Giáo dục", "Sở Tài chính", "Sở Xây dựng", "Sở Công Thương",
    "Bộ Y tế", "Bộ Công an", "Bộ Tài chính", "Bộ Quốc phòng", "Bộ Ngoại giao",
    "Bộ Giáo dục", "Bộ Công Thương", "Quốc hội", "Chính phủ", "Ngân hàng Nhà nước",
)  # fmt: skip


def _names(sentence: str) -> list[str]:
    """Runs of 2–4 capitalised words, not at the start of the sentence, not all capitals."""
    words = sentence.rstrip(".!").split()
    runs: list[list[str]] = [[]]
    for i, word in enumerate(words):
        bare = word.strip(",;:\"'()")
        capital = i > 0 and bare[:1].isupper() and not bare.isupper() and bare == word
        if capital:
            runs[-1].append(bare)
        elif runs[-1]:
            runs.append([])
    return [" ".join(run) for run in runs if 2 <= len(run) <= 4]


def _negation(sentence: str, rng: random.Random) -> str | None:
    for pattern, replacement in _NEGATIONS:
        if re.search(pattern, sentence):
            return re.sub(pattern, replacement, sentence, count=1)
    return None


def _number(sentence: str, rng: random.Random) -> str | None:
    numbers = [
        m
        for m in re.finditer(r"(?<![\w/.,:-])\d+(?:[.,]\d+)*(?![\w/:-])", sentence)
        if not _is_year(m[0])
    ]
    if not numbers:
        return None
    found = rng.choice(numbers)
    digits = found[0]
    if rng.random() < 0.5 and not re.search(r"[.,]", digits):
        changed = digits + "0"  # ten times as many
    else:  # another leading digit: 300 → 500, 6,8 → 7,8
        changed = str(int(digits[0]) % 9 + 1) + digits[1:]
    return sentence[: found.start()] + changed + sentence[found.end() :]


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1950 <= int(token) <= 2100


def _date(sentence: str, rng: random.Random) -> str | None:
    match = re.search(r"\b(\d{1,2})/(\d{1,2})\b", sentence)
    if match:
        day = int(match[1]) % 28 + 1
        return sentence[: match.start()] + f"{day}/{match[2]}" + sentence[match.end() :]
    years = [m for m in re.finditer(r"\b\d{4}\b", sentence) if _is_year(m[0])]
    if not years:
        return None
    found = rng.choice(years)
    year = int(found[0]) + rng.choice((-2, -1, 1, 2))
    return sentence[: found.start()] + str(year) + sentence[found.end() :]


def _entity(sentence: str, rng: random.Random, pool: Sequence[str] = ()) -> str | None:
    bodies = [b for b in _BODIES if b in sentence]
    if bodies:
        body = rng.choice(bodies)
        others = [b for b in _BODIES if b != body]
        alike = [b for b in others if b.split()[0] == body.split()[0]]
        return sentence.replace(body, rng.choice(alike or others), 1)
    runs = _names(sentence)
    others = [name for name in pool if name not in sentence]
    if not runs or not others:
        return None
    run = rng.choice(runs)
    same_length = [n for n in others if len(n.split()) == len(run.split())] or others
    return sentence.replace(run, rng.choice(same_length), 1)


def _antonym(sentence: str, rng: random.Random) -> str | None:
    present = []
    for a, b in _OPPOSITES:
        for word, opposite in ((a, b), (b, a)):
            if re.search(rf"(?<![\wÀ-ỹ]){word}(?![\wÀ-ỹ])", sentence):
                present.append((word, opposite))
    if not present:
        return None
    word, opposite = rng.choice(present)
    return re.sub(rf"(?<![\wÀ-ỹ]){word}(?![\wÀ-ỹ])", opposite, sentence, count=1)


_REPLACING_EVENTS = (
    "đã bị giải thể",
    "bị khởi tố vì lừa đảo",
    "tuyên bố phá sản",
    "đã rút khỏi dự án",
    "bị thu hồi giấy phép",
    "bất ngờ qua đời",
)


def _event(sentence: str, rng: random.Random) -> str | None:
    """An event the sentence does not report, appended or replacing its predicate."""
    words = sentence.rstrip(".!").split()
    if rng.random() < 0.5 and len(words) >= 8:
        subject = words[: max(3, len(words) // 3)]
        return " ".join(subject) + " " + rng.choice(_REPLACING_EVENTS) + "."
    return " ".join(words) + " " + rng.choice(_EVENTS) + "."


CONTRADICT_KINDS: dict[str, Edit] = {
    "negation": _negation,
    "number": _number,
    "date": _date,
    "entity": _entity,
    "antonym": _antonym,
    "event": _event,
}


def contradict(
    sentence: str, kind: str, rng: random.Random, entities: Sequence[str] = ()
) -> str | None:
    """The sentence contradicted by one edit of ``kind``, or None when it cannot be."""
    if kind == "entity":
        return _entity(sentence, rng, entities)
    return CONTRADICT_KINDS[kind](sentence, rng)


# --- pairs ---------------------------------------------------------------------------


def entity_pool(sentences: Sequence[Sentence]) -> list[str]:
    """Capitalised names (2–4 syllables) found in the sentences, for entity swaps."""
    return sorted({name for s in sentences for name in _names(s.text)})


def _base(sentence: str, rng: random.Random) -> str:
    """The claim before its edit: the sentence, or its main clause half the time."""
    trimmed = _trim(sentence, rng) if rng.random() < 0.5 else None
    return trimmed or sentence


def make_pairs(sentences: Sequence[Sentence], seed: int = 7) -> list[DevPair]:
    """One restating and one contradicting claim per sentence, when an edit applies."""
    rng = random.Random(seed)  # noqa: S311 (reproducible test data)
    entities = entity_pool(sentences)
    pairs: list[DevPair] = []
    for number, source in enumerate(sentences):
        base = _base(source.text, rng)
        for kinds, label in ((list(RESTATE_KINDS), 1), (list(CONTRADICT_KINDS), 0)):
            rng.shuffle(kinds)
            for kind in kinds:
                edit = restate(base, kind, rng) if label else contradict(base, kind, rng, entities)
                if edit and edit != source.text and (label or edit != base):
                    pair_id = f"{source.split}-{number}-{kind}"
                    pairs.append(DevPair(pair_id, source.text, edit, kind, label, source.split))
                    break
    return pairs


def graded_pairs(sentences: Sequence[Sentence], seed: int = 11) -> list[tuple[DevPair, int]]:
    """Pairs with a 0–5 similarity grade (see the module docstring)."""
    rng = random.Random(seed)  # noqa: S311
    by_doc: dict[str, list[Sentence]] = {}
    for s in sentences:
        by_doc.setdefault(s.doc, []).append(s)
    graded: list[tuple[DevPair, int]] = []
    for pair in make_pairs(sentences, seed):
        graded.append((pair, 5 if pair.label else 3))
    for number, source in enumerate(sentences):
        siblings = [s for s in by_doc[source.doc] if s.text != source.text]
        if siblings:
            other = rng.choice(siblings)
            graded.append((_plain_pair(number, "same_doc", source, other.text, 0), 1))
        stranger = rng.choice(sentences)
        if stranger.topic != source.topic and stranger.doc != source.doc:
            graded.append((_plain_pair(number, "unrelated", source, stranger.text, 0), 0))
    return graded


def _plain_pair(number: int, kind: str, source: Sentence, other: str, label: int) -> DevPair:
    pair_id = f"{source.split}-{number}-{kind}"
    return DevPair(pair_id, source.text, other, kind, label, source.split)
