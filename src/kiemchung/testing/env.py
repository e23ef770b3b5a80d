"""A pytest plugin loaded before Django reads its settings (``-p kiemchung.testing.env``).

Tests get a throw-away data folder, so they never touch the operator's ``./data``, and
the file story index.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("KIEMCHUNG_DATA_DIR", tempfile.mkdtemp(prefix="kiemchung-test-"))
os.environ.setdefault("KIEMCHUNG_STORY_INDEX", "file")
os.environ.setdefault("KIEMCHUNG_FETCH_HOST_INTERVAL", "0")
# The scheduler's tick() runs in some tests: no backup archive unless a test asks for one.
os.environ.setdefault("KIEMCHUNG_BACKUP_EVERY", "off")
