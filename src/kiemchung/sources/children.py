"""Child processes that die with their parent, even when the parent is killed with SIGKILL.

The text stage of a large import runs in a process pool. A pool's workers wait for work
on a pipe that they, too, hold open, so a parent killed with ``kill -9`` would leave them
waiting forever. On Linux the kernel sends them a signal when the parent dies
(``prctl(PR_SET_PDEATHSIG)``); everywhere, a watchdog thread notices the new parent
(``os.getppid()`` changes when a process is orphaned) and exits.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5


def die_with_parent(parent_pid: int) -> None:
    """Pool initializer: end this process when ``parent_pid`` is no longer its parent."""
    _ask_kernel()
    if os.getppid() != parent_pid:  # the parent died before we asked
        os._exit(1)
    watchdog = threading.Thread(
        target=_watch, args=(parent_pid,), name="parent-watchdog", daemon=True
    )
    watchdog.start()


def _ask_kernel() -> None:
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
