"""A join is confirmed on the documents: an estimated containment must hold exactly, and
a recurring format (a bulletin, a contest, an episode) is not one story."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kiemchung.sources.models import Document
from kiemchung.sources.prepare import PreparedDoc
from kiemchung.sources.records import Record
from kiemchung.sources.services import ingest_path
from kiemchung.stories.clustering import Clusterer, Member
from kiemchung.stories.index import IndexEntry, MemoryBandStore, StoryIndex
from kiemchung.stories.models import Story
from kiemchung.stories.similarity import compare, pack
from kiemchung.testing.factories import write_jsonl
from kiemchung.text.marks import marks

SLOTS = 128


def signatures_sharing(equal_slots: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 2**32 - 2, SLOTS, dtype=np.uint32)
    b = rng.integers(0, 2**32 - 2, SLOTS, dtype=np.uint32)
    b[:equal_slots] = a[:equal_slots]
    return a, b


def test_it_does_not_read_a_short_post_as_contained_in_a_long_article_from_a_few_slots() -> None:
    # The shape seen on real posts: 29 shingles against 685, 5 of 128 slots equal.
    short, long = signatures_sharing(5)
    similarity = compare(pack(short, 29), pack(long, 685))
    assert similarity.value < 0.2
    assert not similarity.via_containment


def hashes(start: int, count: int) -> np.ndarray:
    return np.arange(start, start + count, dtype=np.uint64)


def prepared(signature: np.ndarray, shingles: np.ndarray, text: str) -> PreparedDoc:
    return PreparedDoc(
        record=Record(text=text),
        identity=text,
        content_hash="",
        url="",
        language="vi",
        match_text=text,
        ascii_text=text,
        signature=pack(signature, shingles.size),
        bands=(1, 2, 3),
        shingles=shingles,
        marks=marks(text),
    )


def clusterer_with_article(
    article_shingles: np.ndarray, article_signature: np.ndarray
) -> Clusterer:
    index = StoryIndex(MemoryBandStore(), catch_up=lambda _: [], verify=lambda *_: True)
    packed = pack(article_signature, article_shingles.size)
    index.store.apply([IndexEntry(1, 7, (1, 2, 3), packed, True)])
    members = {7: [Member("", "", article_shingles, marks("Bài viết dài về dịch bệnh."))]}
    return Clusterer(index, threshold=0.5, load_members=lambda story: members.get(story, []))


def test_a_containment_estimate_is_confirmed_exactly_on_the_shingles() -> None:
    article_shingles = hashes(0, 685)
    post, article = signatures_sharing(12)  # estimate: contained
    assert compare(pack(post, 60), pack(article, 685)).via_containment

    stock_phrase_only = np.concatenate([hashes(0, 12), hashes(10_000, 48)])  # 20% inside
    clusterer = clusterer_with_article(article_shingles, article)
    assert clusterer.assign(prepared(post, stock_phrase_only, "Bài đăng ngắn.")).is_new

    excerpt = np.concatenate([hashes(100, 55), hashes(20_000, 5)])  # 92% inside
    clusterer = clusterer_with_article(article_shingles, article)
    joined = clusterer.assign(prepared(post, excerpt, "Một đoạn trích."))
    assert not joined.is_new and joined.story_id == 7


def ingest(tmp_path: Path, texts: list[str], name: str) -> None:
    rows = [{"text": t, "url": f"https://a.example/{name}/{i}"} for i, t in enumerate(texts)]
    ingest_path(write_jsonl(tmp_path / f"{name}.jsonl", rows))


CASE_BULLETIN = (
    "Sáng {day}/3, Bộ Y tế cho biết ghi nhận {new} ca mắc Covid-19 mới tại {place}, đều là "
    "các trường hợp đã được cách ly ngay sau khi nhập cảnh. Tổng số ca mắc trong nước từ đầu "
    "năm đến nay là {total} ca, trong đó {cured} ca đã khỏi bệnh và được xuất viện."
)
WEATHER = (
    "Dự báo thời tiết ngày {day}/11: khu vực Hà Nội nhiều mây, đêm và sáng sớm có sương mù "
    "nhẹ, ngày nắng. Gió đông bắc cấp 2, nhiệt độ thấp nhất từ {low} đến {high} độ, cao nhất "
    "từ {top} đến {top2} độ. Độ ẩm trung bình khoảng {humid} phần trăm."
)
EPISODE = (
    "Tập {n} chương trình Chuyện nhà mình: khách mời là diễn viên {guest} kể về những ngày "
    "đầu vào nghề, những vai diễn khó quên và kỷ niệm với gia đình. Chương trình phát sóng "
    "lúc 20 giờ tối thứ bảy, phát lại vào trưa chủ nhật tuần sau trên kênh truyền hình tỉnh."
)


@pytest.mark.django_db
def test_issues_of_a_daily_bulletin_stay_separate_stories(tmp_path: Path) -> None:
    texts = [
        CASE_BULLETIN.format(day=2, new=4, place="Hà Nội", total=512, cured=421),
        CASE_BULLETIN.format(day=3, new=7, place="Đà Nẵng", total=519, cured=430),
        CASE_BULLETIN.format(day=4, new=2, place="Cần Thơ", total=521, cured=436),
        WEATHER.format(day=5, low=17, high=19, top=24, top2=26, humid=80),
        WEATHER.format(day=6, low=15, high=18, top=22, top2=23, humid=75),
    ]
    ingest(tmp_path, texts, "bulletins")
    assert Story.objects.count() == 5


@pytest.mark.django_db
def test_episodes_of_a_tv_show_with_different_guests_stay_separate(tmp_path: Path) -> None:
    texts = [
        EPISODE.format(n=12, guest="Lan Phương"),
        EPISODE.format(n=13, guest="Quốc Trường"),
        EPISODE.format(n=14, guest="Thu Quỳnh"),
    ]
    ingest(tmp_path, texts, "episodes")
    assert Story.objects.count() == 3


@pytest.mark.django_db
def test_copies_of_one_bulletin_with_the_same_figures_still_join(tmp_path: Path) -> None:
    bulletin = CASE_BULLETIN.format(day=2, new=4, place="Hà Nội", total=512, cured=421)
    texts = [bulletin, "Tin mới: " + bulletin, bulletin + " Mọi người chú ý phòng dịch nhé."]
    ingest(tmp_path, texts, "copies")
    assert Story.objects.count() == 1
    assert Document.objects.filter(story__isnull=False).count() == 3
