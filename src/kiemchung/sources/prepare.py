"""The text stage of ingestion: plain Python, no database, safe to run in worker processes.

A record becomes a ``PreparedDoc``: its identity and content hash, language, the match
and accent-free keys used by full-text search, and the MinHash signature and LSH bands
used by story clustering. Shingles are taken over the accent-free syllables, so a copy
typed without diacritics lands in the same story as the original.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from kiemchung.sources.canonical import canonical_url
from kiemchung.sources.records import Record
from kiemchung.stories.similarity import pack, unpack
from kiemchung.text.langid import detect
from kiemchung.text.marks import Marks, marks
from kiemchung.text.minhash import MinHasher, shingle_hashes
from kiemchung.text.normalize import keys
from kiemchung.text.tokens import syllables

NUM_PERM = 128
BANDS = 42
ROWS = 3
SHINGLE_SIZE = 2
HASHER = MinHasher(num_perm=NUM_PERM, seed=20240101)


@dataclass(slots=True)
class PreparedDoc:
    record: Record
    identity: str
    content_hash: str
    url: str
    language: str
    match_text: str
    ascii_text: str
    signature: bytes
    bands: tuple[int, ...]
    shingles: np.ndarray
    marks: Marks


def prepare(record: Record) -> PreparedDoc:
    """Run the whole text stage for one record."""
    title_keys = keys(record.title) if record.title else None
    text_keys = keys(record.text)
    content_hash = _digest(text_keys.match, size=16)
    url = canonical_url(record.url)
    shingles = _shingles(title_keys.ascii if title_keys else "", text_keys.ascii)
    signature = HASHER.signature(shingles)
    return PreparedDoc(
        record=record,
        identity=identity_of(url, content_hash, record.account, record.posted_at),
        content_hash=content_hash,
        url=url,
        language=detect(record.text).code,
        match_text=_join(title_keys.match if title_keys else "", text_keys.match),
        ascii_text=_join(title_keys.ascii if title_keys else "", text_keys.ascii),
        signature=pack(signature, len(shingles)),
        bands=tuple(HASHER.bands(signature, BANDS, ROWS)),
        shingles=shingles,
        marks=marks(f"{record.title}\n{record.text}"),
    )


def _shingles(title_ascii: str, text_ascii: str) -> np.ndarray:
    tokens = syllables(text_ascii)
    if title_ascii:
        tokens = syllables(title_ascii) + tokens
    return shingle_hashes(tokens, SHINGLE_SIZE)


def shingles_of(title: str, text: str) -> np.ndarray:
    """The shingle hashes ``prepare`` takes of a document's title and text."""
    return _shingles(keys(title).ascii if title else "", keys(text).ascii)


def prepare_many(records: list[Record]) -> list[PreparedDoc]:
    return [prepare(record) for record in records]


def bands_of(packed: bytes) -> tuple[int, ...]:
    return tuple(HASHER.bands(unpack(packed)[0], BANDS, ROWS))


def identity_of(url: str, content_hash: str, account: str, posted_at: datetime | None) -> str:
    """A document is its canonical URL; without one, its content, account and time."""
    if url:
        return _digest("url|" + url)
    moment = posted_at.isoformat() if posted_at else ""
    return _digest(f"content|{content_hash}|{account}|{moment}")


def _digest(value: str, size: int = 32) -> str:
    return hashlib.blake2b(value.encode("utf-8"), digest_size=size).hexdigest()


def _join(title: str, text: str) -> str:
    return f"{title}\n{text}" if title else text
