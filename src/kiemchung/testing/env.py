"""A pytest plugin loaded before Django reads its settings (``-p kiemchung.testing.env``).

Tests get a throw-away data folder, so they never touch the operator's ``./data``, and
the file story index. Under pytest-xdist (``make test`` runs the suite in parallel) each
worker gets a folder of its own: the workers inherit the environment of the process that
started them, and must not share the story index snapshot, uploads or backups.
"""

from __future__ import annotations

import os
import tempfile

OWN_FOLDER = "KIEMCHUNG_TEST_OWN_DATA_DIR"  # set when the folder is this plugin's


def _data_folder() -> None:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    ours = os.environ.get(OWN_FOLDER) == os.environ.get("KIEMCHUNG_DATA_DIR")
    if "KIEMCHUNG_DATA_DIR" in os.environ and not (worker and ours):
        return
    prefix = f"kiemchung-test-{worker}-" if worker else "kiemchung-test-"
    os.environ["KIEMCHUNG_DATA_DIR"] = os.environ[OWN_FOLDER] = tempfile.mkdtemp(prefix=prefix)


_data_folder()
os.environ.setdefault("KIEMCHUNG_STORY_INDEX", "file")
os.environ.setdefault("KIEMCHUNG_FETCH_HOST_INTERVAL", "0")
# The scheduler's tick() runs in some tests: no backup archive unless a test asks for one.
os.environ.setdefault("KIEMCHUNG_BACKUP_EVERY", "off")
