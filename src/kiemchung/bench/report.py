"""The report benchmark: figures and the Word file of a nine-month period at scale.

``kiemchung bench report`` runs in a child process on the benchmark's own data folder
(by default ``kiemchung-bench-report`` in the system's temporary folder). The child
builds, or reuses, a corpus of generated posts spread over January to September 2026
with the page benchmark's generator and the application's own ingest (identity, MinHash
clustering into stories, growth, spike alerts, full-text index), then claim extraction
and the page benchmark's desk work (cases, some published; partner-agency tasks; tips),
dated inside the period. It then times ``compute`` (every figure, with both
comparisons) and the DOCX (draft texts, outlook, charts, tables) for ``2026-9M`` and
prints one JSON line.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiemchung.bench.ingest import CHILD_FLAG, child_environment

DEFAULT_DATA_DIR = Path(tempfile.gettempdir()) / "kiemchung-bench-report"
PERIOD = "2026-9M"
END = datetime(2026, 9, 30, 23, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
DAYS = 272
TARGET_SECONDS = 5.0


def run_isolated(
    documents: int, repeat: int, seed: int, data_dir: Path | None, database_url: str | None
) -> dict[str, Any]:
    folder = (data_dir or DEFAULT_DATA_DIR).expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True)
    env = child_environment(folder, database_url)
    env["KIEMCHUNG_EMBEDDER"] = "none"
    env["KIEMCHUNG_LOG_LEVEL"] = "WARNING"
    env.setdefault("OMP_NUM_THREADS", "1")
    command = [
        sys.executable, "-m", "kiemchung.cli", "bench", "report", CHILD_FLAG,
        "--documents", str(documents), "--repeat", str(repeat), "--seed", str(seed),
    ]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{done.stderr[-4000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["data_dir"] = str(folder)
    return figures


def build(documents: int, seed: int) -> tuple[bool, dict[str, float]]:
    """The corpus over nine months, through the page benchmark's steps."""
    from kiemchung.bench import pages
    from kiemchung.sources.models import Document, Source

    label = f"report format={pages.FORMAT} documents={documents} seed={seed} end={END:%Y-%m-%d}"
    marker = Source.objects.filter(name=pages.SOCIAL_SOURCE).first()
    if marker is not None and marker.description != label:
        pages._wipe()
        marker = None
    reused = marker is not None and Document.objects.count() == documents
    if marker is None:
        Source.objects.create(name=pages.SOCIAL_SOURCE, kind="jsonl", description=label)
    records = pages.corpus(documents, seed, end=END, days=DAYS)
    plan: list[tuple[str, Callable[[], None]]] = [
        ("ingest", lambda: pages._ingest(documents, seed, records)),
        ("claims", pages._extract_claims),
        ("desk", pages._desk_work),
        ("dates", _date_desk_work),
        ("vacuum", pages._vacuum),
    ]
    steps: dict[str, float] = {}
    for name, step in plan:
        started = time.perf_counter()
        step()
        steps[name] = round(time.perf_counter() - started, 1)
    return reused, steps


def _date_desk_work() -> None:
    """The desk's rows are made today: date them in the period, as if done then (cases a
    day after their story's first sighting, published two days later; tasks and tips
    spread over the nine months)."""
    from kiemchung.cases.models import Case
    from kiemchung.org.models import Task
    from kiemchung.publishing.models import Tip

    for case in Case.objects.select_related("story").filter(created_at__gt=END):
        opened = (case.story.first_seen if case.story else END) + timedelta(days=1)
        published = opened + timedelta(days=2) if case.published_at else None
        Case.objects.filter(pk=case.pk).update(
            created_at=opened, updated_at=published or opened, published_at=published
        )
    start = END - timedelta(days=DAYS)
    for model in (Task, Tip):
        rows = list(model.objects.filter(created_at__gt=END).values_list("pk", flat=True))
        for number, pk in enumerate(rows):
            moment = start + timedelta(days=DAYS * number / max(len(rows), 1))
            model.objects.filter(pk=pk).update(created_at=moment)


def measure(documents: int, repeat: int, seed: int) -> dict[str, Any]:
    from django.core.management import call_command
    from django.db import connection

    from kiemchung.org.models import OrgUnit
    from kiemchung.reports.documents import build_docx, content_for
    from kiemchung.reports.periods import parse_period
    from kiemchung.sources.models import Document

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    reused, steps = build(documents, seed)
    build_seconds = time.perf_counter() - started
    period = parse_period(PERIOD)
    unit = OrgUnit.objects.order_by("pk").first()
    runs = []
    for _ in range(repeat):
        began = time.perf_counter()
        content = content_for(period, unit)
        figured = time.perf_counter()
        docx = build_docx(content)
        runs.append((figured - began, time.perf_counter() - figured, time.perf_counter() - began))
    best = min(runs, key=lambda run: run[2])
    headline = content.figures.headline()
    return {
        "period": PERIOD,
        "documents": Document.objects.count(),
        "documents_in_period": headline["documents"],
        "stories_in_period": headline["stories"],
        "cases_opened": headline["cases_opened"],
        "claims": headline["claims"],
        "figures_and_charts_seconds": round(best[0], 2),
        "docx_seconds": round(best[1], 2),
        "total_seconds": round(best[2], 2),
        "worst_total_seconds": round(max(run[2] for run in runs), 2),
        "target_seconds": TARGET_SECONDS,
        "within_target": best[2] < TARGET_SECONDS,
        "docx_bytes": len(docx),
        "repeat": repeat,
        "reused": reused,
        "build_seconds": round(build_seconds, 1),
        "build_steps": steps,
        "database": connection.vendor,
    }
