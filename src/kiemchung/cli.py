"""The `kiemchung` command: Django's manage.py with the project's settings preset."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kiemchung.settings")
    args = argv if argv is not None else sys.argv[1:]
    if args[:1] == ["worker"]:
        # The worker explains triage scores one story at a time: scikit-learn's OpenMP
        # threads fighting the web app for an office machine's cores made that a hundred
        # times slower. One thread each, unless the operator says otherwise.
        os.environ.setdefault("OMP_NUM_THREADS", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["kiemchung", *args])


if __name__ == "__main__":
    main()
