"""The API benchmark: ``POST /documents`` throughput and ``POST /match`` latency.

``kiemchung bench api`` runs each measurement in a child process with its own data
folder (and SQLite database, or the PostgreSQL database given), so the operator's data is
never touched. The requests go through the whole stack — middleware, bearer-token
authentication, the rate limiter, validation, the ingest service — with Django's test
client, so the figures are the server's own time without the network.

Documents: batches of ``--batch`` records from a JSON-lines file (or generated posts),
each one ``POST /api/v1/documents``. Match: ``--claims`` generated fact-checks are
written to the database, one untimed request builds the matcher's index (as the first
request of a process does), then ``--queries`` requests are timed.
"""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np

from kiemchung.bench.ingest import CHILD_FLAG, child_environment

USERNAME = "bench-api"


def run_isolated(options: dict[str, Any]) -> dict[str, Any]:
    """Documents on SQLite and on every ``--database-url``; match on SQLite."""
    documents = [_child(options, "documents", None)]
    documents += [_child(options, "documents", url) for url in options["database_url"] or []]
    result: dict[str, Any] = {"documents": documents}
    if options["claims"] > 0:
        result["match"] = _child(options, "match", None)
    return result


def _child(options: dict[str, Any], part: str, database_url: str | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="kiemchung-bench-api-") as folder:
        env = child_environment(Path(folder), database_url)
        env["KIEMCHUNG_API_RATE_PER_MINUTE"] = "100000000"
        if options["embedder"]:
            env["KIEMCHUNG_EMBEDDER"] = options["embedder"]
        command = [sys.executable, "-m", "kiemchung.cli", "bench", "api", CHILD_FLAG, part]
        for name in ("documents", "batch", "claims", "queries", "seed"):
            command += [f"--{name}", str(options[name])]
        if options["input"]:
            command += ["--input", str(options["input"])]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
        if done.returncode != 0:
            raise RuntimeError(f"benchmark child failed:\n{done.stderr[-4000:]}")
        figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        return figures


def measure(part: str, options: dict[str, Any]) -> dict[str, Any]:
    """In the child: migrate, make a user with a token, then time the requests."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    client, token = _client()
    if part == "documents":
        return _documents(client, token, options)
    return _match(client, token, options)


def _client() -> tuple[Any, str]:
    from django.test import Client

    from kiemchung.api.tokens import create_token
    from kiemchung.org.models import Role
    from kiemchung.testing.org import make_unit_tree, make_user

    user = make_user(Role.VERIFIER, make_unit_tree().commune, USERNAME)
    token = create_token(user, "benchmark", ["read", "ingest"]).secret
    return Client(HTTP_HOST="localhost"), token


def _post(client: Any, token: str, path: str, body: dict[str, Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    response = client.post(
        f"/api/v1{path}",
        json.dumps(body, ensure_ascii=False),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    seconds = time.perf_counter() - started
    if response.status_code != 200:
        raise RuntimeError(f"{path}: HTTP {response.status_code}: {response.content[:500]!r}")
    return seconds, response.json()


def _documents(client: Any, token: str, options: dict[str, Any]) -> dict[str, Any]:
    from django.db import connection

    records = list(islice(_records(options), options["documents"]))
    batch = options["batch"]
    timings: list[float] = []
    added = 0
    for start in range(0, len(records), batch):
        seconds, report = _post(
            client, token, "/documents", {"records": records[start : start + batch]}
        )
        timings.append(seconds)
        added += report["added"]
    total = sum(timings)
    return {
        "database": connection.vendor,
        "batch": batch,
        "docs": len(records),
        "added": added,
        "requests": len(timings),
        "seconds": round(total, 2),
        "docs_per_s": round(len(records) / total, 1) if total else None,
        **_percentiles(timings, "request_"),
        "input": str(options["input"] or "generated"),
    }


def _records(options: dict[str, Any]) -> Iterator[dict[str, Any]]:
    path: Path | None = options["input"]
    if path is None:
        from kiemchung.testing.factories import random_rows

        yield from random_rows(options["documents"], seed=options["seed"])
        return
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            yield {
                "text": row.get("text", ""),
                "title": row.get("title", ""),
                "url": row.get("url", ""),
            }


def _match(client: Any, token: str, options: dict[str, Any]) -> dict[str, Any]:
    from django.conf import settings

    from kiemchung.claims.models import FactCheck
    from kiemchung.matching.synthetic import claims as generate_claims
    from kiemchung.matching.synthetic import variant

    count = options["claims"]
    corpus = generate_claims(count, options["seed"])
    started = time.perf_counter()
    FactCheck.objects.bulk_create(
        (
            FactCheck(
                url=f"https://bench.example/{i}",
                claim_reviewed=text,
                verdict="false",
                publisher="bench",
            )
            for i, text in enumerate(corpus)
        ),
        batch_size=5000,
    )
    insert_seconds = time.perf_counter() - started
    build_seconds, _ = _post(client, token, "/match", {"text": corpus[0]})
    rng = random.Random(options["seed"])  # noqa: S311  (reproducible benchmark data)
    timings = []
    for _ in range(options["queries"]):
        seconds, _ = _post(client, token, "/match", {"text": variant(rng.choice(corpus), rng)})
        timings.append(seconds)
    return {
        "claims": count,
        "queries": len(timings),
        "insert_seconds": round(insert_seconds, 2),
        "first_request_seconds": round(build_seconds, 2),
        **_percentiles(timings, ""),
        "embedder": settings.EMBEDDER,
    }


def _percentiles(seconds: list[float], prefix: str) -> dict[str, float]:
    if not seconds:
        return {}
    ms = np.array(seconds) * 1000
    return {f"{prefix}p{q}_ms": round(float(np.percentile(ms, q)), 1) for q in (50, 95, 99)}
