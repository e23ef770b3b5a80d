"""The queue's development set: labelled, Facebook-shaped, split by template."""

from __future__ import annotations

from kiemchung.triage import devposts


def test_dev_and_heldout_use_different_templates() -> None:
    dev = set(devposts._templates("dev", devposts.UNRELIABLE))
    held = set(devposts._templates("heldout", devposts.UNRELIABLE))
    assert dev and held and not dev & held


def test_it_writes_balanced_labelled_posts_in_the_import_schema() -> None:
    rows = devposts.generate("heldout", rows=200, seed=1)
    assert len(rows) == 200
    assert sum(int(str(row["label"])) for row in rows) == 100
    assert {"text", "url", "posted_at", "account_kind", "shares", "label"} <= set(rows[0])
    assert {row["account_kind"] for row in rows} == {"public", "private"}
