"""The demo corpus keeps the promises the demos and the quality tests rely on.

It is the information space of an invented province (tỉnh Hòa Lâm): enough documents,
stories and months, every kind of misinformation next to ordinary news and opinions, fast
and slow stories, copies typed without diacritics, and broken inputs for the importers.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import pytest

from kiemchung.sources.records import SCHEMA_FIELDS

DATA = files("kiemchung.demo") / "data"

IMPORT_FIELDS = SCHEMA_FIELDS
REQUIRED = {
    "platform": str,
    "url": str,
    "text": str,
    "posted_at": str,
    "account": str,
    "account_kind": str,
    "likes": int,
    "comments": int,
    "shares": int,
    "story": str,
    "theme": str,
    "verdict": str,
}
PLATFORMS = {"web", "facebook", "zalo", "tiktok", "youtube"}
THEMES = {
    "scam",
    "fake_notice",
    "health_hoax",
    "disaster_rumour",
    "price_policy_rumour",
    "true_news",
    "opinion",
}
VERDICTS = {"false", "misleading", "true", "mostly_true", "unverifiable", "opinion"}
TZ = dt.timezone(dt.timedelta(hours=7))
FIRST = dt.datetime(2026, 2, 1, tzinfo=TZ)
LAST = dt.datetime(2026, 11, 20, 23, 59, 59, tzinfo=TZ)
URL = re.compile(r"https?://([^/\s\"'<>),]+)")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def read(name: str) -> str:
    node: Traversable = DATA
    for part in name.split("/"):
        node = node / part
    return node.read_text(encoding="utf-8")


@cache
def corpus() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(line) for line in read("corpus.jsonl").splitlines())


@cache
def sources() -> tuple[dict[str, str], ...]:
    return tuple(json.loads(read("sources.json")))


def parse_xml(text: str) -> ET.Element:
    return ET.fromstring(text)  # noqa: S314 - our own files, not untrusted input


def when(doc: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(doc["posted_at"])


def by_story() -> dict[str, list[dict[str, Any]]]:
    stories: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in corpus():
        stories[doc["story"]].append(doc)
    return stories


def has_diacritics(text: str) -> bool:
    nfd = unicodedata.normalize("NFD", text)
    return any(unicodedata.combining(c) for c in nfd) or "đ" in text.lower()


def fold(text: str) -> str:
    nfd = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in nfd if not unicodedata.combining(c))


def shingles(text: str) -> frozenset[str]:
    syllables = re.findall(r"\w+", fold(text))
    return frozenset(" ".join(syllables[i : i + 3]) for i in range(len(syllables) - 2))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def busiest_six_hours(times: list[dt.datetime]) -> tuple[int, dt.datetime]:
    window = dt.timedelta(hours=6)
    return max((sum(1 for u in times if t <= u < t + window), t) for t in times)


# -- the corpus file -----------------------------------------------------------------------


def test_every_line_is_a_json_object_with_the_required_fields_and_types() -> None:
    for number, line in enumerate(read("corpus.jsonl").splitlines(), start=1):
        doc = json.loads(line)
        assert isinstance(doc, dict), number
        for name, kind in REQUIRED.items():
            assert isinstance(doc.get(name), kind), (number, name)
        assert isinstance(doc.get("title", ""), str), number
        assert doc["text"].strip(), number
        assert min(doc["likes"], doc["comments"], doc["shares"]) >= 0, number


def test_it_is_written_as_utf8_with_real_vietnamese_letters() -> None:
    raw = read("corpus.jsonl")
    assert "\\u" not in raw
    assert "Hòa Lâm" in raw
    assert raw == unicodedata.normalize("NFC", raw)


def test_platforms_account_kinds_themes_and_verdicts_take_known_values() -> None:
    for doc in corpus():
        assert doc["platform"] in PLATFORMS
        assert doc["account_kind"] in {"public", "private"}
        assert doc["theme"] in THEMES
        assert doc["verdict"] in VERDICTS
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", doc["story"])


def test_it_has_at_least_320_documents() -> None:
    assert len(corpus()) >= 320


def test_it_has_at_least_28_stories_each_with_several_documents() -> None:
    stories = by_story()
    assert len(stories) >= 28
    assert min(len(docs) for docs in stories.values()) >= 3


def test_document_urls_are_unique() -> None:
    urls = [doc["url"] for doc in corpus()]
    assert len(urls) == len(set(urls))


def test_every_link_uses_the_reserved_example_domain() -> None:
    for doc in corpus():
        for host in URL.findall(doc["url"] + " " + doc["text"]):
            assert host.rstrip(".").endswith(".example"), (doc["url"], host)


def test_dates_are_iso_with_the_vietnam_offset_inside_the_demo_period() -> None:
    for doc in corpus():
        assert doc["posted_at"].endswith("+07:00")
        assert FIRST <= when(doc) <= LAST


def test_it_spans_at_least_nine_months_with_documents_every_month() -> None:
    times = sorted(when(doc) for doc in corpus())
    assert (times[-1] - times[0]).days >= 270
    months = {t.strftime("%Y-%m") for t in times}
    assert months >= {f"2026-{m:02d}" for m in range(2, 12)}


def test_every_theme_and_every_verdict_is_present() -> None:
    assert {doc["theme"] for doc in corpus()} == THEMES
    assert {doc["verdict"] for doc in corpus()} == VERDICTS


def test_opinions_are_kept_apart_from_factual_verdicts() -> None:
    for doc in corpus():
        assert (doc["theme"] == "opinion") == (doc["verdict"] == "opinion"), doc["url"]


def test_articles_have_a_title_and_a_few_paragraphs() -> None:
    for doc in corpus():
        if doc["platform"] != "web":
            continue
        assert doc.get("title"), doc["url"]
        assert 3 <= len(doc["text"].split("\n\n")) <= 8, doc["url"]
        assert 4 <= len(SENTENCE_END.split(doc["text"])) <= 15, doc["url"]


def test_social_posts_have_no_title_unless_they_are_videos() -> None:
    for doc in corpus():
        if doc["platform"] in {"facebook", "zalo", "tiktok"}:
            assert "title" not in doc, doc["url"]


def test_public_accounts_are_names_and_private_accounts_invented_handles() -> None:
    for doc in corpus():
        if doc["account_kind"] == "private":
            assert re.fullmatch(r"[a-z0-9]+([._][a-z0-9]+)*", doc["account"]), doc["account"]
            assert doc["account"] not in doc["url"], doc["url"]
        else:
            assert " " in doc["account"], doc["account"]


def test_web_documents_come_from_listed_sources() -> None:
    listed = {s["name"] for s in sources()}
    for doc in corpus():
        if doc["platform"] == "web":
            assert doc["account"] in listed, doc["account"]


# -- story structure ---------------------------------------------------------------------


def test_at_least_five_stories_spread_fast_after_a_quiet_start() -> None:
    fast = []
    for story, docs in by_story().items():
        times = sorted(when(doc) for doc in docs)
        count, start = busiest_six_hours(times)
        before = sum(1 for t in times if start - dt.timedelta(hours=6) <= t < start)
        if 8 <= count <= 25 and before <= 3 and times[0] < start:
            fast.append(story)
    assert len(fast) >= 5, fast


def test_some_fast_stories_end_at_their_peak_and_others_trickle_on_after_it() -> None:
    ends_at_peak, goes_on = 0, 0
    for docs in by_story().values():
        times = sorted(when(doc) for doc in docs)
        count, start = busiest_six_hours(times)
        if count >= 8:
            after = sum(1 for t in times if t >= start + dt.timedelta(hours=6))
            ends_at_peak += after == 0
            goes_on += after > 0
    assert ends_at_peak >= 3
    assert goes_on >= 3


def test_other_stories_trickle_over_days_or_weeks() -> None:
    slow = [
        story
        for story, docs in by_story().items()
        if busiest_six_hours([when(doc) for doc in docs])[0] < 8
        and (max(map(when, docs)) - min(map(when, docs))).days >= 2
    ]
    assert len(slow) >= 20


def test_at_least_ten_percent_of_documents_are_typed_without_diacritics() -> None:
    bare = [doc for doc in corpus() if not has_diacritics(doc["text"])]
    assert len(bare) >= 0.10 * len(corpus())
    assert len({doc["story"] for doc in bare}) >= 20


def test_some_copies_use_the_old_tone_mark_style() -> None:
    old_style = re.compile(r"(?i)\b\w*(oà|oá|oả|oạ|oẻ|uý|uỳ|uỷ)(?!\w)")
    assert sum(1 for doc in corpus() if old_style.search(doc["text"])) >= 10


def test_stories_are_separated_by_three_syllable_shingles() -> None:
    docs = corpus()
    sets = [shingles(doc["text"]) for doc in docs]
    for i, a in enumerate(docs):
        for j in range(i + 1, len(docs)):
            if a["story"] != docs[j]["story"]:
                assert jaccard(sets[i], sets[j]) < 0.25, (a["url"], docs[j]["url"])


def test_every_copy_has_a_near_duplicate_in_its_own_story() -> None:
    docs = corpus()
    sets = [shingles(doc["text"]) for doc in docs]
    for i, doc in enumerate(docs):
        if doc.get("variant") in {"coverage", "warning"}:
            continue  # articles written around a rumour, users quoting a scam: hard cases
        best = max(
            jaccard(sets[i], sets[j])
            for j, other in enumerate(docs)
            if j != i and other["story"] == doc["story"]
        )
        assert best >= 0.3, doc["url"]


def test_corrections_point_to_an_earlier_rumour_story() -> None:
    stories = by_story()
    corrections = {d["story"]: d["related_story"] for d in corpus() if "related_story" in d}
    assert len(corrections) >= 10
    for story, rumour in corrections.items():
        assert rumour in stories
        assert stories[rumour][0]["theme"] not in {"true_news", "opinion"}
        assert {d["theme"] for d in stories[story]} == {"true_news"}
        assert min(map(when, stories[rumour])) < min(map(when, stories[story]))


def test_texts_mention_phone_numbers_money_times_and_dates() -> None:
    texts = [doc["text"] for doc in corpus()]
    patterns = {
        "phone": r"\b0\d{2,3} \d{3} \d{3}\b",
        "money": r"\d[\d.,]*\s?(đ\b|đồng|tỷ đồng|triệu)",
        "time": r"\b\d{1,2}h\d{2}\b",
        "date": r"\b\d{1,2}/\d{1,2}(/2026)?\b",
    }
    for name, pattern in patterns.items():
        assert sum(1 for t in texts if re.search(pattern, t)) >= 10, name


def test_engagement_counts_are_plausible() -> None:
    for doc in corpus():
        assert doc["likes"] < 500_000
        assert doc["shares"] < 500_000
        if doc["platform"] == "zalo" and doc["account_kind"] == "private":
            assert doc["shares"] == 0
    viral = [d["shares"] for d in corpus() if d["verdict"] == "false"]
    assert max(viral) > 1_000


# -- sources -------------------------------------------------------------------------------


def test_sources_list_outlets_official_and_community_pages_and_exports() -> None:
    kinds = Counter(s["kind"] for s in sources())
    assert set(kinds) == {"outlet", "page", "social"}
    assert kinds["outlet"] >= 6
    assert kinds["page"] >= 5
    names = [s["name"] for s in sources()]
    assert len(names) == len(set(names))
    for source in sources():
        assert set(source) == {"name", "kind", "url", "description"}
        assert URL.match(source["url"]).group(1).endswith(".example")  # type: ignore[union-attr]
    page_names = " ".join(s["name"] for s in sources() if s["kind"] == "page")
    for expected in ("UBND phường", "Công an tỉnh", "Sở Y tế", "Trường", "Cộng đồng"):
        assert expected in page_names


# -- feeds and pages -----------------------------------------------------------------------


def test_the_rss_feed_is_valid_with_eight_items_taken_from_the_corpus() -> None:
    channel = parse_xml(read("feed.xml")).find("channel")
    assert channel is not None
    items = channel.findall("item")
    assert len(items) == 8
    urls = {doc["url"] for doc in corpus()}
    for item in items:
        for tag in ("title", "link", "description", "pubDate", "guid"):
            assert (item.findtext(tag) or "").strip(), tag
        assert item.findtext("link") in urls


def test_the_atom_feed_is_valid_with_five_entries_taken_from_the_corpus() -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = parse_xml(read("atom.xml"))
    entries = feed.findall("a:entry", ns)
    assert len(entries) == 5
    urls = {doc["url"] for doc in corpus()}
    for entry in entries:
        link = entry.find("a:link", ns)
        assert link is not None
        assert link.get("href") in urls
        assert entry.findtext("a:title", namespaces=ns)
        assert entry.findtext("a:published", namespaces=ns)


def test_the_article_page_has_page_furniture_around_the_article_text() -> None:
    page = read("article.html")
    for marker in (
        'property="og:title"',
        'property="og:description"',
        'property="article:published_time"',
        "<header",
        "<nav",
        'class="ad',
        "<footer",
        "<article>",
    ):
        assert marker in page, marker
    article = page.split("<article>")[1].split("</article>")[0]
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page)
    assert canonical is not None
    doc = next(d for d in corpus() if d["url"] == canonical.group(1))
    assert html.escape(doc["title"]) in article
    for paragraph in doc["text"].split("\n\n"):
        assert html.escape(paragraph) in article


# -- bad records ---------------------------------------------------------------------------


def test_the_broken_jsonl_mixes_valid_lines_with_each_kind_of_error() -> None:
    problems: Counter[str] = Counter()
    for line in read("bad_records/mixed.jsonl").split("\n")[:-1]:
        if not line.strip():
            problems["empty"] += 1
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError:
            problems["broken json"] += 1
            continue
        if not doc.get("text"):
            problems["no text"] += 1
        elif doc.get("account_kind") not in {"public", "private"}:
            problems["bad account kind"] += 1
        elif not re.match(r"\d{4}-\d{2}-\d{2}T", doc.get("posted_at", "")):
            problems["bad date"] += 1
        else:
            problems["valid"] += 1
    assert problems == Counter(
        {
            "valid": 3,
            "broken json": 1,
            "no text": 1,
            "bad date": 1,
            "bad account kind": 1,
            "empty": 1,
        }
    )


def test_the_broken_csv_has_the_schema_header_and_rows_of_each_kind() -> None:
    rows = list(csv.reader(io.StringIO(read("bad_records/mixed.csv"))))
    header, data = rows[0], rows[1:]
    assert tuple(header) == IMPORT_FIELDS
    short = [row for row in data if len(row) < len(header)]
    full = [dict(zip(header, row, strict=True)) for row in data if len(row) == len(header)]
    assert len(short) == 1
    assert sum(1 for r in full if not r["text"].strip()) == 1
    assert sum(1 for r in full if r["account_kind"] not in {"public", "private"}) == 1
    assert sum(1 for r in full if not re.match(r"\d{4}-\d{2}-\d{2}T", r["posted_at"])) == 1
    assert sum(1 for r in full if not r["likes"].isdigit()) == 1
    assert any("\n" in r["text"] for r in full)


def test_the_broken_feed_has_two_items_and_is_cut_off() -> None:
    text = read("bad_records/feed_broken.xml")
    with pytest.raises(ET.ParseError):
        parse_xml(text)
    assert text.count("<item>") == text.count("</item>") == 2
    assert not text.rstrip().endswith("</rss>")
