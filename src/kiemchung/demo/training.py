"""Demo training sessions and outreach log entries (fictional), dated around today so the
dashboard's calendar and the current quarter's report both have some. Only on first run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from kiemchung.org.models import OrgUnit
from kiemchung.training.models import OutreachActivity, TrainingSession
from kiemchung.training.services import GroupRow, create_session

ORGANISER = "truongban"


@dataclass(frozen=True)
class DemoSession:
    unit: str
    days: int  # from today; negative: already held
    hour: int
    topic: str
    trainer: str
    place: str
    audience: str
    members: tuple[str, ...]
    groups: tuple[GroupRow, ...] = ()
    online: bool = False


SESSIONS = (
    DemoSession(
        "Tổ kiểm chứng thông tin tỉnh Hòa Lâm",
        -40,
        8,
        "Kỹ năng xác minh hình ảnh và video trên mạng xã hội",
        "Đ/c Phạm Thu Hằng, Phó Trưởng ban",
        "Hội trường Tổ kiểm chứng thông tin tỉnh",
        "members",
        ("xacminh", "duyet", "xacminh.donghoa", "thanhvien"),
    ),
    DemoSession(
        "Xã Đông Hòa",
        -12,
        14,
        "Nhận diện tin giả về giá cả và chính sách hỗ trợ",
        "Đ/c Trần Quốc Việt, cán bộ văn hóa xã",
        "Nhà văn hóa thôn Bình An",
        "villagers",
        ("xacminh.donghoa",),
        (GroupRow("villagers", 64, "Bà con thôn Bình An", 45, 80),),
    ),
    DemoSession(
        "Phường Tân Phú",
        4,
        8,
        "An toàn thông tin cho học sinh: cuộc gọi và tin nhắn lừa đảo",
        "Đ/c Lê Minh Khoa, Công an phường",
        "Trường THCS Tân Phú",
        "pupils",
        ("thanhvien",),
        (
            GroupRow("pupils", 120, "Học sinh khối 8 trường THCS Tân Phú"),
            GroupRow("teachers", 9, "Giáo viên chủ nhiệm"),
        ),
    ),
    DemoSession(
        "Tổ kiểm chứng thông tin tỉnh Hòa Lâm",
        11,
        9,
        "Viết bài kiểm chứng ngắn gọn, dễ hiểu cho người dân",
        "Đ/c Phạm Thu Hằng, Phó Trưởng ban",
        "",
        "collaborators",
        ("xacminh", "xacminh.donghoa", "thanhvien"),
        (GroupRow("collaborators", 18, "Cộng tác viên các xã, phường"),),
        online=True,
    ),
)

OUTREACH = (
    ("Xã Đông Hòa", -20, "loudspeaker", "Cảnh giác với tin nhắn giả mạo thông báo trúng thưởng",
     "Đài truyền thanh xã Đông Hòa", "Phát sáng và chiều trong ba ngày", 2500),
    ("Tổ kiểm chứng thông tin tỉnh Hòa Lâm", -15, "unit_page",
     "Đính chính thông tin sai về việc thu hồi sổ đỏ", "Trang thông tin của Tổ",
     "Đăng bài kiểm chứng kèm bằng chứng", None),
    ("Phường Tân Phú", -8, "school_visit", "Nói chuyện chuyên đề về tin giả trên mạng",
     "Trường Tiểu học Tân Phú", "Sinh hoạt dưới cờ đầu tuần", 650),
    ("Thôn Bình An", -3, "meeting", "Giới thiệu cách kiểm tra tin đồn về giá phân bón",
     "Họp dân thôn Bình An", "Lồng ghép vào buổi họp thôn", 80),
)  # fmt: skip


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def ensure_demo_training() -> int:
    """Record the demo sessions (the held ones with attendance) and outreach entries."""
    if TrainingSession.objects.exists() or OutreachActivity.objects.exists():
        return 0
    users = get_user_model().objects
    organiser = users.filter(username=ORGANISER).first()
    if organiser is None:
        return 0
    for item in SESSIONS:
        unit = OrgUnit.objects.get(name=item.unit)
        session = create_session(
            organiser,
            unit,
            members=list(users.filter(username__in=item.members)),
            groups=list(item.groups),
            topic=item.topic,
            trainer=item.trainer,
            place=item.place,
            online=item.online,
            audience=item.audience,
            starts_at=_at(item.days, item.hour),
            duration_minutes=150,
        )
        if item.days < 0:
            session.participants.update(attended=True, score_before=55, score_after=85)
    for name, days, channel, title, place, details, reach in OUTREACH:
        OutreachActivity.objects.create(
            unit=OrgUnit.objects.get(name=name),
            day=timezone.localdate() + timedelta(days=days),
            channel=channel,
            title=title,
            place=place,
            details=details,
            reach=reach,
            created_by=organiser,
        )
    return len(SESSIONS)
