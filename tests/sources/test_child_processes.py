"""The text-stage worker processes of an import die with it, even after kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from kiemchung.sources.children import die_with_parent
from kiemchung.testing.factories import random_rows, write_jsonl

pytestmark = pytest.mark.slow


def wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_the_workers_of_a_killed_import_exit_within_seconds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(KIEMCHUNG_DATA_DIR=str(data), KIEMCHUNG_STORY_INDEX="file")
    command = [sys.executable, "-m", "kiemchung.cli"]
    subprocess.run([*command, "migrate", "--noinput"], env=env, check=True, capture_output=True)  # noqa: S603
    path = write_jsonl(tmp_path / "big.jsonl", random_rows(20_000, seed=9))
    ingest = subprocess.Popen(  # noqa: S603
        [*command, "ingest", str(path), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    parent = psutil.Process(ingest.pid)
    assert wait_for(lambda: len(parent.children()) >= 2, 60), "the pool never started"
    children = parent.children(recursive=True)
    ingest.send_signal(signal.SIGKILL)
    ingest.wait()
    gone, alive = psutil.wait_procs(children, timeout=5)
    for orphan in alive:  # do not leave them behind if the test fails
        orphan.kill()
    assert alive == []
    assert len(gone) >= 2


def test_the_watchdog_ends_a_worker_whose_parent_changed() -> None:
    """Where the kernel cannot help (not Linux), the watchdog thread notices the orphaning."""
    code = (
        "import os, sys, time\n"
        "from kiemchung.sources import children\n"
        "children._ask_kernel = lambda: None\n"
        "children.WATCH_SECONDS = 0.05\n"
        "if os.fork() == 0:\n"
        "    children.die_with_parent(os.getppid())\n"
        "    print(os.getpid(), flush=True)\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        "time.sleep(0.5)\n"
        "os._exit(0)\n"
    )
    runner = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=True
    )
    orphan = int(runner.stdout.strip())
    assert wait_for(lambda: not psutil.pid_exists(orphan) or _is_zombie(orphan), 5)


def test_a_worker_started_after_its_parent_died_exits_at_once() -> None:
    with pytest.raises(SystemExit):
        _exit_instead_of_os_exit(die_with_parent, os.getppid() + 1_000_000)


def _is_zombie(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def _exit_instead_of_os_exit(func: object, *args: object) -> None:
    original = os._exit
    os._exit = sys.exit  # type: ignore[assignment]
    try:
        func(*args)  # type: ignore[operator]
    finally:
        os._exit = original
