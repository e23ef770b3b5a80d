"""The knowledge-base and triage commands: exit codes, JSON lines, versioned models."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kiemchung.claims.models import FactCheck
from kiemchung.claims.triage_service import model_folder
from kiemchung.demo.seeding import demo_factchecks_path
from kiemchung.testing.commands import run_command
from kiemchung.triage.store import versions

pytestmark = pytest.mark.django_db


run = run_command


def test_importing_the_demo_knowledge_base_twice_changes_nothing() -> None:
    code, out, _ = run("factchecks", "import", str(demo_factchecks_path()), "--json")
    assert code == 0
    added = json.loads(out)["added"]
    assert added >= 60
    code, out, _ = run("factchecks", "import", str(demo_factchecks_path()), "--json")
    assert json.loads(out)["unchanged"] == added
    assert FactCheck.objects.count() == added


def test_a_csv_with_bad_rows_is_imported_in_part_and_exits_one(tmp_path: Path) -> None:
    path = tmp_path / "kb.csv"
    path.write_text(
        "url,claim_reviewed,verdict,publisher\n"
        "https://kc.example/1,Uống nước chanh nóng chữa khỏi ung thư,false,Tổ kiểm chứng\n"
        "javascript:alert(1),Một nhận định,false,Tổ kiểm chứng\n"
        "https://kc.example/3,,false,Tổ kiểm chứng\n",
        encoding="utf-8",
    )
    code, out, err = run("factchecks", "import", str(path))
    assert code == 1
    assert "1 added" in out
    assert "record 2" in err or "line 2" in err or "record 3" in err
    assert FactCheck.objects.count() == 1


def test_a_missing_knowledge_base_file_is_refused(tmp_path: Path) -> None:
    code, _, err = run("factchecks", "import", str(tmp_path / "none.jsonld"))
    assert code == 2
    assert "refused" in err


def test_export_gives_back_what_was_imported() -> None:
    run("factchecks", "import", str(demo_factchecks_path()))
    _, out, _ = run("factchecks", "export")
    exported = json.loads(out)
    assert len(exported) == FactCheck.objects.count()
    assert exported[0]["@type"] == "ClaimReview"


def labelled_csv(path: Path, rows: int = 160) -> Path:
    rng = random.Random(3)
    scary = [
        "KHẨN: {n} người chết vì vắc xin, chia sẻ ngay http://tin-that.example/{n}",
        "Ngân hàng khóa tài khoản, bấm link http://xac-minh.example/{n} để mở lại gấp!!!",
    ]
    calm = [
        "Xã Tân Lập khánh thành nhà văn hóa mới, {n} hộ dân tham dự",
        "Hợp tác xã thu hoạch {n} tấn lúa vụ hè thu, giá ổn định",
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["post", "label", "likes", "shares", "time"])
        for i in range(rows):
            label = i % 2
            text = rng.choice(scary if label else calm).format(n=rng.randint(2, 900))
            writer.writerow(
                [text, label, rng.randint(0, 500), f"{rng.randint(0, 90)}.0", 1767225600 + i * 3600]
            )
    return path


@pytest.mark.slow
def test_triage_evaluate_prints_one_json_line_with_the_fold_figures(tmp_path: Path) -> None:
    data = labelled_csv(tmp_path / "posts.csv")
    _, out, _ = run(
        "triage",
        "evaluate",
        "--data",
        str(data),
        "--text-column",
        "post",
        "--label-column",
        "label",
        "--meta-columns",
        "likes,shares,time",
        "--folds",
        "3",
        "--seed",
        "1",
    )
    lines = out.strip().splitlines()
    assert len(lines) == 1
    figures = json.loads(lines[0])
    assert {"roc_auc", "pr_auc", "f1", "folds"} <= figures.keys()
    assert len(figures["folds"]) == 3
    assert figures["roc_auc"] > 0.9


@pytest.mark.slow
def test_triage_train_saves_a_new_version_each_time(tmp_path: Path) -> None:
    data = labelled_csv(tmp_path / "posts.csv")
    for _ in range(2):
        run(
            "triage",
            "train",
            "--data",
            str(data),
            "--text-column",
            "post",
            "--label-column",
            "label",
        )
    assert [v.path.name for v in versions(model_folder())][-2:] == ["v0001", "v0002"]


def test_triage_needs_both_labels(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("post,label\nmột bài,1\nbài khác,1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="both labels"):
        call_command(
            "triage",
            "train",
            "--data",
            str(path),
            "--text-column",
            "post",
            "--label-column",
            "label",
        )


def test_retrain_without_verdicts_changes_nothing() -> None:
    _, out, _ = run("triage", "retrain")
    assert json.loads(out) == {"triage": None, "checkworthiness": None}
