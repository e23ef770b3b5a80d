"""Run a management command in a test and keep what it printed and its exit code."""

from __future__ import annotations

import io

from django.core.management import call_command


def run_command(*args: str) -> tuple[int, str, str]:
    """(exit code, standard output, standard error) of ``kiemchung ARGS``."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()
