"""A `kiemchung` command starts without the heavy libraries it may never use.

scikit-learn (the trained models) and matplotlib (the report charts, the share card's
font) load on first use: importing them with every command, the worker's start or a
system check cost about three seconds each time on a two-core machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("sklearn", "matplotlib")

PROBE = """
import sys
import django
from django.core.management import call_command
django.setup()
import kiemchung.urls  # every app's views, as the web process and the checks load them
call_command("check", verbosity=0)
print("loaded:", *(name for name in {heavy!r} if name in sys.modules))
"""


def test_the_system_check_and_the_url_configuration_load_no_heavy_library(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIEMCHUNG_")}
    env.pop("DATABASE_URL", None)
    env.update(KIEMCHUNG_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="kiemchung.settings")
    done = subprocess.run(  # noqa: S603 - our own interpreter, constant code
        [sys.executable, "-c", PROBE.format(heavy=HEAVY)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "loaded:"
