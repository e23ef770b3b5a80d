"""The ingest benchmark: the whole path on a fresh temporary database, figures as JSON.

The parent process creates an empty data folder and runs the measured ingest in a child
process whose settings point at it, so the operator's database is never touched and the
child's peak memory is its own.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

import orjson

CHILD_FLAG = "--child"


def child_environment(folder: Path, database_url: str | None) -> dict[str, str]:
    """The environment of a benchmark's child process: none of the operator's kiemchung
    settings or database, its own data folder, the file story index."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIEMCHUNG_")}
    env.pop("DATABASE_URL", None)
    env["KIEMCHUNG_DATA_DIR"] = str(folder)
    env["KIEMCHUNG_STORY_INDEX"] = "file"
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def run_isolated(
    input_path: Path, limit: int | None, workers: int, database_url: str | None
) -> dict[str, Any]:
    """Run the benchmark in a child process on a temporary data folder."""
    with tempfile.TemporaryDirectory(prefix="kiemchung-bench-") as folder:
        env = child_environment(Path(folder), database_url)
        command = [
            sys.executable,
            "-m",
            "kiemchung.cli",
            "bench",
            "ingest",
            CHILD_FLAG,
            "--input",
            str(input_path),
            "--workers",
            str(workers),
        ]
        if limit:
            command += ["--limit", str(limit)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
        if done.returncode != 0:
            raise RuntimeError(f"benchmark child failed:\n{done.stderr[-4000:]}")
        figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        return figures


def measure(input_path: Path, limit: int | None, workers: int) -> dict[str, Any]:
    """In the child: migrate, then time the ingest of the file."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from kiemchung.sources.ingest import Ingestor
    from kiemchung.sources.models import Source
    from kiemchung.sources.readers import READERS, ReadOptions
    from kiemchung.stories.models import Story

    source = Source.objects.create(name="benchmark", kind="jsonl")
    cpu_before = _cpu_seconds(resource.RUSAGE_SELF)
    started = time.perf_counter()
    with _open(input_path) as raw:
        counted = _CountingReader(raw)
        items = READERS["jsonl"].read_for_ingest(counted, ReadOptions(origin=str(input_path)))  # type: ignore[arg-type]
        if limit:
            items = islice(items, limit)
        report = Ingestor(source, workers=workers, detect=True).run(items, str(input_path))
    seconds = time.perf_counter() - started
    cpu_main = _cpu_seconds(resource.RUSAGE_SELF) - cpu_before
    megabytes = counted.bytes_read / 1_000_000
    docs_per_s = report.received / seconds if seconds else 0.0
    loop_per_s = tokenising_loop_rate(input_path, limit)
    return {
        "docs": report.received,
        "added": report.added,
        "duplicates": report.duplicates,
        "rejected": report.rejected,
        "stories": Story.objects.count(),
        "seconds": round(seconds, 3),
        "docs_per_s": round(report.received / seconds, 1) if seconds else None,
        "mb_per_s": round(megabytes / seconds, 2) if seconds else None,
        "input_mb": round(megabytes, 2),
        "cpu_main_s": round(cpu_main, 2),
        "cpu_workers_s": _cpu_seconds(resource.RUSAGE_CHILDREN),
        "peak_rss_mb": _peak_mb(resource.RUSAGE_SELF),
        "worker_peak_rss_mb": _peak_mb(resource.RUSAGE_CHILDREN),
        "workers": workers,
        "database": _vendor(),
        "loop_docs_per_s": round(loop_per_s, 1),
        "ratio_to_loop": round(docs_per_s / loop_per_s, 3) if loop_per_s else None,
    }


LOOP_TOKEN = re.compile(r"\w+")


def tokenising_loop_rate(input_path: Path, limit: int | None) -> float:
    """Documents per second of a plain NFC + lower-case + regex tokenising loop over the
    same texts, in the same process: the yardstick the ingest's speed is compared with."""
    with _open(input_path) as raw:
        lines = islice(raw, limit) if limit else raw
        texts = [str(orjson.loads(line).get("text", "")) for line in lines if line.strip()]
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        for text in texts:
            LOOP_TOKEN.findall(unicodedata.normalize("NFC", text).lower())
        best = min(best, time.perf_counter() - started)
    return len(texts) / best if best else 0.0


def _vendor() -> str:
    from django.db import connection

    return connection.vendor


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return round(usage.ru_utime + usage.ru_stime, 2)


def _peak_mb(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


class _CountingReader(io.RawIOBase):
    """Counts the (decompressed) bytes the reader consumes."""

    def __init__(self, inner: BinaryIO) -> None:
        self.inner = inner
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.inner.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.bytes_read += n
        return n


def _open(path: Path) -> Any:
    return gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")
