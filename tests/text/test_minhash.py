"""Shingles, MinHash signatures and LSH bands."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from kiemchung.text.minhash import MinHasher, exact_jaccard, jaccard, shingle_hashes
from kiemchung.text.normalize import match_key
from kiemchung.text.tokens import syllables

PARAGRAPH = (
    "Chiều qua, ủy ban nhân dân thành phố đã tổ chức buổi họp báo công bố kế hoạch "
    "cải tạo hệ thống thoát nước. Theo đại diện sở xây dựng, "
    "dự án sẽ được triển khai trong ba năm với tổng vốn khoảng hai nghìn tỷ đồng. "
    "Người dân sống gần các tuyến đường hay ngập bày tỏ hy vọng rằng "
    "tình trạng này sẽ sớm chấm dứt khi công trình hoàn thành."
)
# The same paragraph with two words changed.
NEAR_COPY = PARAGRAPH.replace("Chiều qua", "Sáng qua").replace("ba năm", "bốn năm")
UNRELATED = (
    "Đội tuyển bóng đá nữ quốc gia vừa giành chiến thắng thuyết phục trong trận giao hữu "
    "với đối thủ đến từ châu Âu. Huấn luyện viên trưởng khen ngợi tinh thần thi đấu của "
    "các cầu thủ trẻ, đồng thời nhấn mạnh rằng toàn đội vẫn cần cải thiện khả năng phối "
    "hợp ở tuyến giữa trước khi bước vào vòng loại giải vô địch khu vực vào mùa hè tới."
)


def shingles_of(text: str, k: int = 3) -> np.ndarray:
    return shingle_hashes(syllables(match_key(text)), k)


def test_the_test_paragraph_is_about_sixty_words_with_two_changed() -> None:
    original, copy = syllables(match_key(PARAGRAPH)), syllables(match_key(NEAR_COPY))
    assert 55 <= len(original) <= 80
    assert len(original) == len(copy)
    assert sum(a != b for a, b in zip(original, copy, strict=True)) == 2


def test_near_duplicates_have_a_high_estimated_jaccard() -> None:
    hasher = MinHasher()
    estimate = jaccard(
        hasher.signature(shingles_of(PARAGRAPH)), hasher.signature(shingles_of(NEAR_COPY))
    )
    assert estimate > 0.6


def test_unrelated_texts_have_a_low_estimated_jaccard() -> None:
    hasher = MinHasher()
    estimate = jaccard(
        hasher.signature(shingles_of(PARAGRAPH)), hasher.signature(shingles_of(UNRELATED))
    )
    assert estimate < 0.1


@pytest.mark.parametrize("seed", [1, 7, 20240101])
def test_the_estimate_is_close_to_the_exact_jaccard(seed: int) -> None:
    rng = np.random.default_rng(seed)
    universe = rng.integers(0, 2**64, size=3000, dtype=np.uint64)
    first, second = universe[:2000], universe[1000:]
    hasher = MinHasher(num_perm=256, seed=seed)
    estimate = jaccard(hasher.signature(first), hasher.signature(second))
    assert exact_jaccard(first, second) == pytest.approx(1000 / 3000)
    assert estimate == pytest.approx(1000 / 3000, abs=0.1)


def test_signatures_are_the_same_from_two_hashers_with_the_same_seed() -> None:
    hashes = shingles_of(PARAGRAPH)
    first = MinHasher(num_perm=64, seed=5).signature(hashes)
    second = MinHasher(num_perm=64, seed=5).signature(hashes)
    other_seed = MinHasher(num_perm=64, seed=6).signature(hashes)
    assert np.array_equal(first, second)
    assert not np.array_equal(first, other_seed)


def test_hashes_and_signatures_are_the_same_in_another_process() -> None:
    code = (
        "from kiemchung.text.minhash import MinHasher, shingle_hashes\n"
        "hashes = shingle_hashes(['giá', 'xăng', 'giảm', 'mạnh'], 3)\n"
        "print(hashes.tolist(), MinHasher(8, 3).signature(hashes).tolist())\n"
    )
    runs = [
        subprocess.run(  # noqa: S603 - our own interpreter, constant code
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
            env={"PYTHONHASHSEED": str(seed), "PATH": ""},
        ).stdout
        for seed in (1, 2)
    ]
    hashes = shingle_hashes(["giá", "xăng", "giảm", "mạnh"], 3)
    here = f"{hashes.tolist()} {MinHasher(8, 3).signature(hashes).tolist()}\n"
    assert runs == [here, here]


def test_a_known_shingle_keeps_its_hash_across_releases() -> None:
    # If this changes, every stored signature and band becomes incomparable.
    assert shingle_hashes(["hà", "nội"], 2).tolist() == [KNOWN_HASH]
    assert MinHasher(4, 1).signature(np.array([KNOWN_HASH], dtype=np.uint64)).tolist() == (
        KNOWN_SIGNATURE
    )


KNOWN_HASH = 6324099664082536623
KNOWN_SIGNATURE = [1838194054, 2660789870, 2444331712, 2884961043]


@pytest.mark.parametrize(
    ("tokens", "k", "count"),
    [
        ([], 3, 0),
        (["một"], 3, 1),
        (["một", "hai"], 3, 1),
        (["một", "hai", "ba"], 3, 1),
        (["một", "hai", "ba", "bốn"], 3, 2),
        (["a", "b", "a", "b", "a", "b"], 2, 2),
        (["một", "hai", "ba", "bốn"], 1, 4),
        (["a"] * 10, 3, 1),
    ],
)
def test_shingle_hashes_count_the_distinct_shingles(tokens: list[str], k: int, count: int) -> None:
    hashes = shingle_hashes(tokens, k)
    assert hashes.dtype == np.uint64
    assert len(hashes) == count
    assert np.all(np.diff(hashes.astype(np.float64)) > 0)


def test_a_short_text_gives_one_shingle_of_all_its_tokens() -> None:
    assert (
        shingle_hashes(["xin", "chào"], 3).tolist() == shingle_hashes(["xin", "chào"], 2).tolist()
    )


def test_shingles_depend_on_token_order() -> None:
    assert shingle_hashes(["a", "b", "c"]).tolist() != shingle_hashes(["c", "b", "a"]).tolist()


def test_shingle_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        shingle_hashes(["a"], 0)


def test_an_empty_document_gets_an_all_max_signature_that_matches_nothing() -> None:
    hasher = MinHasher(num_perm=16)
    empty = hasher.signature(np.empty(0, dtype=np.uint64))
    assert empty.dtype == np.uint32
    assert empty.tolist() == [0xFFFFFFFF] * 16
    assert jaccard(empty, empty) == 0.0
    assert jaccard(empty, hasher.signature(shingles_of(PARAGRAPH))) == 0.0


def test_signatures_have_num_perm_uint32_values() -> None:
    signature = MinHasher(num_perm=100).signature(shingles_of(PARAGRAPH))
    assert signature.dtype == np.uint32
    assert signature.shape == (100,)


def test_long_documents_are_signed_in_blocks_with_the_same_result() -> None:
    rng = np.random.default_rng(3)
    hashes = rng.integers(0, 2**64, size=5000, dtype=np.uint64)
    hasher = MinHasher(num_perm=32)
    products = np.multiply.outer(hasher._multipliers, hashes)
    expected = (products.min(axis=1) >> np.uint64(32)).astype(np.uint32)
    assert np.array_equal(hasher.signature(hashes), expected)


def test_bands_are_equal_for_equal_signatures() -> None:
    hasher = MinHasher()
    first = hasher.signature(shingles_of(PARAGRAPH))
    second = MinHasher().signature(shingles_of(PARAGRAPH))
    assert hasher.bands(first, 32, 4) == hasher.bands(second, 32, 4)
    assert len(hasher.bands(first, 32, 4)) == 32


def test_bands_differ_for_equal_rows_in_different_bands() -> None:
    signature = np.full(8, 12345, dtype=np.uint32)
    bands = MinHasher().bands(signature, 4, 2)
    assert len(set(bands)) == 4


def test_bands_are_signed_64_bit_ints() -> None:
    bands = MinHasher().bands(MinHasher().signature(shingles_of(UNRELATED)), 32, 4)
    assert all(-(2**63) <= band < 2**63 for band in bands)


def test_bands_of_near_duplicates_share_at_least_one_band() -> None:
    hasher = MinHasher()
    first = set(hasher.bands(hasher.signature(shingles_of(PARAGRAPH)), 32, 4))
    second = set(hasher.bands(hasher.signature(shingles_of(NEAR_COPY)), 32, 4))
    assert first & second


@pytest.mark.parametrize(("bands", "rows"), [(33, 4), (0, 4), (4, 0)])
def test_bands_must_fit_the_signature(bands: int, rows: int) -> None:
    with pytest.raises(ValueError, match="do not fit"):
        MinHasher().bands(np.zeros(128, dtype=np.uint32), bands, rows)


def test_jaccard_refuses_signatures_of_different_sizes() -> None:
    with pytest.raises(ValueError, match="differ in shape"):
        jaccard(np.zeros(4, dtype=np.uint32), np.zeros(8, dtype=np.uint32))


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ([1, 2, 3], [1, 2, 3], 1.0),
        ([1, 2, 3], [4, 5, 6], 0.0),
        ([1, 2, 3, 4], [3, 4, 5, 6], 2 / 6),
        ([1, 1, 2], [2, 2], 0.5),
        ([], [], 0.0),
        ([1], [], 0.0),
    ],
)
def test_exact_jaccard_compares_two_sets_of_hashes(
    first: list[int], second: list[int], expected: float
) -> None:
    a = np.array(first, dtype=np.uint64)
    b = np.array(second, dtype=np.uint64)
    assert exact_jaccard(a, b) == pytest.approx(expected)


def test_minhasher_needs_at_least_one_permutation() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        MinHasher(num_perm=0)


def test_the_bands_of_a_batch_equal_the_bands_one_by_one() -> None:
    hasher = MinHasher(num_perm=128, seed=5)
    rng = np.random.default_rng(3)
    signatures = [
        hasher.signature(rng.integers(0, 2**63, size=size, dtype=np.uint64))
        for size in (0, 1, 7, 300)
    ]
    batch = hasher.bands_many(np.stack(signatures), 42, 3)
    assert batch == [hasher.bands(signature, 42, 3) for signature in signatures]
