"""The text stage of ingestion: plain Python, no database, safe to run in worker processes.

A record becomes a ``PreparedDoc``: its identity and content hash, language, the match
and accent-free keys used by full-text search, and the MinHash signature and LSH bands
used by story clustering. Shingles are taken over the accent-free syllables, so a copy
typed without diacritics lands in the same story as the original.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from kiemchung.sources.canonical import InvalidURL, canonical_url
from kiemchung.sources.records import Record, Rejection, Unparsed
from kiemchung.stories.similarity import pack, unpack
from kiemchung.text.langid import detect
from kiemchung.text.marks import Marks
from kiemchung.text.minhash import MinHasher, Signature, shingle_hashes
from kiemchung.text.normalize import keys
from kiemchung.text.tokens import syllables

log = logging.getLogger(__name__)

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
    # What confirming a join compares, when known beforehand; otherwise the clusterer
    # computes them from the record, and only for the few documents it must confirm.
    shingles: np.ndarray | None = None
    marks: Marks | None = None


def prepare(record: Record) -> PreparedDoc:
    """Run the whole text stage for one record."""
    doc, signature = _without_bands(record)
    doc.bands = tuple(HASHER.bands(signature, BANDS, ROWS))
    return doc


def prepare_many(records: list[Record | Unparsed]) -> list[PreparedDoc | Rejection]:
    """Prepare a batch; a record that cannot be prepared becomes a rejection, alone.

    Undecoded records are decoded and checked first: a bad one is rejected as its reader
    would have rejected it.

    The LSH bands of the whole batch are computed at once: per document they cost as
    much as its MinHash signature, almost all of it in numpy's per-call overhead.
    """
    results: list[PreparedDoc | Rejection] = []
    docs: list[PreparedDoc] = []
    signatures: list[Signature] = []
    for item in records:
        record = item.parse() if isinstance(item, Unparsed) else item
        if isinstance(record, Rejection):
            results.append(record)
            continue
        try:
            doc, signature = _without_bands(record)
        except Exception as exc:  # one odd record must never lose its batch
            results.append(_rejection(record, exc))
            continue
        results.append(doc)
        docs.append(doc)
        signatures.append(signature)
    if docs:
        for doc, bands in zip(
            docs, HASHER.bands_many(np.stack(signatures), BANDS, ROWS), strict=True
        ):
            doc.bands = tuple(bands)
    return results


def _without_bands(record: Record) -> tuple[PreparedDoc, Signature]:
    title_keys = keys(record.title) if record.title else None
    text_keys = keys(record.text)
    content_hash = _digest(text_keys.match, size=16)
    url = canonical_url(record.url)
    shingles = _shingles(title_keys.ascii if title_keys else "", text_keys.ascii)
    signature = HASHER.signature(shingles)
    doc = PreparedDoc(
        record=record,
        identity=identity_of(url, content_hash, record.account, record.posted_at),
        content_hash=content_hash,
        url=url,
        language=detect(record.text).code,
        match_text=_join(title_keys.match if title_keys else "", text_keys.match),
        ascii_text=_join(title_keys.ascii if title_keys else "", text_keys.ascii),
        signature=pack(signature, len(shingles)),
        bands=(),
    )
    return doc, signature


def _shingles(title_ascii: str, text_ascii: str) -> np.ndarray:
    tokens = syllables(text_ascii)
    if title_ascii:
        tokens = syllables(title_ascii) + tokens
    return shingle_hashes(tokens, SHINGLE_SIZE)


def shingles_of(title: str, text: str) -> np.ndarray:
    """The shingle hashes ``prepare`` takes of a document's title and text."""
    return _shingles(keys(title).ascii if title else "", keys(text).ascii)


def _rejection(record: Record, exc: Exception) -> Rejection:
    if isinstance(exc, InvalidURL):
        return Rejection(record.line, f"'url' {exc}")
    log.exception("record on line %s could not be prepared", record.line)
    return Rejection(record.line, f"the record could not be prepared ({type(exc).__name__})")


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
