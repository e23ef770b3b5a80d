"""Test data: our own Vietnamese sentences and random posts, never real news."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SYLLABLES = (
    "người dân xã phường tỉnh huyện thông báo khẩn cấp giá xăng dầu tăng giảm mạnh "
    "lúa gạo mưa lũ bão đê điều trường học sinh giáo viên bệnh viện bác sĩ thuốc vắc "
    "xin công an ngân hàng tài khoản mật khẩu đường cầu chợ hội nghị lễ hội nông dân "
    "thu hoạch cá tôm điện nước phí học phí miễn giảm chính sách mới tháng năm ngày "
    "sáng chiều tối hôm nay đã sẽ đang không có được cho của và với các những một "
    "hai ba nhiều ít rất khá"
).split()

STORIES = {
    "bank_scam": (
        "Cảnh báo: nhiều người dân phường Đông Hòa nhận tin nhắn giả mạo ngân hàng yêu cầu "
        "bấm vào đường dẫn lạ để xác minh tài khoản trước ngày 15, nếu không tài khoản sẽ bị "
        "khóa. Ngân hàng khẳng định không bao giờ gửi đường dẫn qua tin nhắn và đề nghị người "
        "dân tuyệt đối không cung cấp mật khẩu hay mã OTP cho bất kỳ ai."
    ),
    "dam_rumour": (
        "Tin đồn đập thủy điện Sông Lam sắp vỡ lan truyền trên mạng xã hội từ tối qua khiến "
        "nhiều hộ dân vùng hạ du hoảng sợ thu dọn đồ đạc. Ban quản lý đập cho biết mực nước "
        "hồ vẫn dưới mức cho phép, các cửa xả vận hành bình thường và chưa có lệnh sơ tán."
    ),
    "rice_harvest": (
        "Vụ lúa hè thu năm nay tại huyện Tân Phú đạt năng suất bình quân sáu tấn mỗi héc ta, "
        "tăng gần nửa tấn so với cùng kỳ. Giá lúa tươi tại ruộng dao động từ sáu nghìn đến "
        "sáu nghìn rưỡi đồng mỗi ký, nông dân có lãi khá nhờ thời tiết thuận lợi."
    ),
}


def random_post(rng: random.Random, words: int = 40) -> str:
    return " ".join(rng.choice(SYLLABLES) for _ in range(words)).capitalize() + "."


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def random_rows(count: int, seed: int = 1) -> list[dict[str, Any]]:
    rng = random.Random(seed)  # noqa: S311  (reproducible test data, not secrets)
    return [
        {
            "url": f"https://social.example/p/{seed}-{i}",
            "text": random_post(rng),
            "posted_at": f"2026-05-{1 + i % 28:02d}T{i % 24:02d}:00:00+07:00",
            "account": "Trang tin Hòa Lâm",
            "account_kind": "public",
        }
        for i in range(count)
    ]
