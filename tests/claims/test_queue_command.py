"""`kiemchung queue`: the queue best first, as text or JSON, and its ROC-AUC on labels."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from kiemchung.claims.extraction import extract_pending
from kiemchung.claims.triage_service import score_stories
from kiemchung.sources.services import ingest_path
from kiemchung.stories.models import Story
from kiemchung.testing.factories import random_rows, write_jsonl

pytestmark = pytest.mark.django_db

HOAX = (
    "Tin nội bộ: tối nay Hà Nội phong tỏa toàn thành phố, cấm ra đường sau 18h. Mọi người "
    "lo tích trữ lương thực, chia sẻ ngay cho người thân!"
)
NEWS = (
    "Theo Trung tâm Dự báo Khí tượng Thủy văn quốc gia, đêm nay các tỉnh Bắc Bộ có mưa rào, "
    "nhiệt độ thấp nhất 18 đến 20 độ C, vùng núi đề phòng lốc và sét."
)


def rows() -> list[dict[str, Any]]:
    return [
        {
            "text": HOAX,
            "url": "https://facebook.com/nguyen.van.binh/posts/1",
            "account": "nguyen.van.binh",
            "account_kind": "private",
        },
        {
            "text": HOAX + " 😱",
            "url": "https://facebook.com/p/2",
            "account": "tran.thi.hoa",
            "account_kind": "private",
        },
        {"text": NEWS, "url": "https://vnexpress.net/thoi-tiet-1.html", "account": "VnExpress"},
    ]


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("queue", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_prints_one_json_object_a_line_with_every_document_address(tmp_path: Path) -> None:
    ingest_path(write_jsonl(tmp_path / "r.jsonl", rows()))
    extract_pending()
    lines = [json.loads(line) for line in run("--json").splitlines()]
    assert {"story", "priority", "reasons", "urls"} <= set(lines[0])
    assert len(lines[0]["urls"]) == 2  # both copies; the private handle pseudonymised
    assert all("nguyen.van.binh" not in url for url in lines[0]["urls"])
    assert lines[0]["priority"] > lines[1]["priority"]
    assert any("chia sẻ ngay" in reason for reason in lines[0]["reasons"])


def test_all_ranks_every_story_and_limit_cuts_the_list(tmp_path: Path) -> None:
    ingest_path(write_jsonl(tmp_path / "r.jsonl", random_rows(12, seed=5)))
    assert len(run("--all", "--json").splitlines()) == Story.objects.count() == 12
    assert len(run("--limit", "3", "--json").splitlines()) == 3


def labelled(tmp_path: Path) -> Path:
    out = [dict(row, label=1) for row in rows()[:2]]
    out.append(dict(rows()[2], label=0))
    out.append(
        {
            "text": NEWS.replace("đêm nay", "ngày mai"),
            "url": "https://a.example/n",
            "label": "reliable",
        }
    )
    return write_jsonl(tmp_path / "labelled.jsonl", out)


def test_evaluate_scores_posts_not_in_the_database(tmp_path: Path) -> None:
    result = json.loads(run("--evaluate", str(labelled(tmp_path))))
    assert result["mode"] == "posts" and result["n"] == 4 and result["roc_auc"] == 1.0


def test_evaluate_ranks_the_imported_stories_with_the_queue(tmp_path: Path) -> None:
    path = labelled(tmp_path)
    ingest_path(path)
    extract_pending()
    result = json.loads(run("--evaluate", str(path)))
    assert result["mode"] == "stories" and result["n"] == 2 and result["roc_auc"] == 1.0


def test_stories_are_scored_in_batches_without_explanations(
    tmp_path: Path, django_assert_max_num_queries: Any
) -> None:
    ingest_path(write_jsonl(tmp_path / "r.jsonl", random_rows(60, seed=9)))
    with django_assert_max_num_queries(8):
        assert score_stories() == 60
    assert not Story.objects.filter(triage_score__isnull=True).exists()
