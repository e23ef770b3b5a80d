"""`kiemchung similarity --pairs FILE.csv` prints each pair's score, decision and the
guard's reasons (header ``id,score,decision,reasons``)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

ROWS = [
    ("same", "Xã đã hoàn thành di dời 300 hộ dân trong năm 2022.",
     "Xã đã hoàn thành di dời 300 hộ dân trong năm 2022!"),
    ("numbers", "Xã đã hoàn thành di dời 300 hộ dân trong năm 2022.",
     "Xã đã hoàn thành di dời 3.000 hộ dân trong năm 2023."),
    ("body", "Sở Y tế cho phép nhà thuốc bán kháng sinh không cần đơn.",
     "Sở Giáo dục cho phép nhà thuốc bán kháng sinh không cần đơn."),
    ("unrelated", "Xã đã hoàn thành di dời 300 hộ dân trong năm 2022.",
     "Giá cà phê xuất khẩu lập kỷ lục mới trong tháng này."),
]  # fmt: skip


@override_settings(EMBEDDER="none")
def test_the_command_prints_decision_and_reasons_for_each_pair(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "sentence1", "sentence2"])
        writer.writerows(ROWS)
    out = io.StringIO()
    call_command("similarity", "--pairs", str(path), stdout=out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["id", "score", "decision", "reasons"]
    table = {row[0]: row[1:] for row in rows[1:]}
    assert table["same"][1:] == ["confirmed", ""]
    assert table["numbers"][2] == "number:300→3000; date:2022→2023"
    assert table["numbers"][1] != "confirmed"
    assert table["body"][1:] == ["suggested", "entity:y tế→giáo dục"]
    assert table["unrelated"][1] == "none"
    assert all(0.0 <= float(score) <= 1.0 for score, _, _ in table.values())


@pytest.mark.parametrize("missing", ["absent.csv"])
def test_the_command_refuses_a_missing_file(tmp_path: Path, missing: str) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("similarity", "--pairs", str(tmp_path / missing))
