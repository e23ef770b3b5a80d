"""The report's sections and a first draft of each, written from the figures.

The draft is a starting point that staff edit: plain, factual Vietnamese with the
figures and their changes; judgements (causes, lessons, proposals) are left for people
to complete. Each section is an entry of ``SECTIONS``; its drafter is a function of the
figures (and the outlook, when there is one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import translation

from kiemchung.claims.claimreview import VERDICT_LABELS_VI
from kiemchung.org.models import Role
from kiemchung.reports.figures import Figures
from kiemchung.reports.wording import change, number
from kiemchung.stories.models import Theme
from kiemchung.training.models import Audience, OutreachChannel

PLATFORMS_VI = {
    "web": "trang tin điện tử",
    "facebook": "Facebook",
    "zalo": "Zalo",
    "tiktok": "TikTok",
    "youtube": "YouTube",
}
CLOSING_VI = {
    "out_of_scope": "ngoài phạm vi kiểm chứng",
    "duplicate": "trùng lặp",
    "unverifiable": "không thể kiểm chứng",
}


@dataclass(frozen=True)
class ThemeOutlook:
    """One theme's expected documents in the next period (see ``outlook``)."""

    theme: str
    expected: float
    low: float
    high: float
    trend_percent: float


@dataclass
class Draft:
    figures: Figures
    outlook: list[ThemeOutlook] = field(default_factory=list)
    rising: list[ThemeOutlook] = field(default_factory=list)


def theme_label(key: str) -> str:
    with translation.override("vi"):
        try:
            return str(Theme(key).label)
        except ValueError:
            return key


def role_label(key: str) -> str:
    with translation.override("vi"):
        try:
            return str(Role(key).label).lower()
        except ValueError:
            return key


def audience_label(key: str) -> str:
    with translation.override("vi"):
        try:
            return str(Audience(key).label).lower()
        except ValueError:
            return key


def channel_label(key: str) -> str:
    with translation.override("vi"):
        try:
            return str(OutreachChannel(key).label).lower()
        except ValueError:
            return key


def _counted(items: dict[str, int], label: Callable[[str], str], unit: str = "") -> str:
    parts = [f"{number(n)}{unit} {label(key)}" for key, n in items.items() if n]
    return "; ".join(parts)


def _compared(figures: Figures, key: str) -> str:
    """ "tăng 25% so với cùng kỳ năm 2023, tăng 150% so với quý II năm 2024"."""
    found = figures.comparison.get(key)
    if found is None or figures.last_year_period is None or figures.previous_period is None:
        return ""
    year = f"cùng kỳ năm {figures.last_year_period.start.year}"
    return (
        f"{change(found.current, found.last_year, year)}, "
        f"{change(found.current, found.previous, figures.previous_period.label)}"
    )


def _with_comparison(text: str, figures: Figures, key: str) -> str:
    compared = _compared(figures, key)
    return f"{text} ({compared})" if compared else text


def situation(draft: Draft) -> str:
    f = draft.figures
    m = f.monitoring
    if f.is_empty():
        return (
            f"Trong {f.period.label}, hệ thống chưa ghi nhận số liệu nào: không có tin, bài, "
            "hồ sơ xác minh, tin báo hay nhiệm vụ phối hợp trong kỳ; các số liệu của báo cáo "
            "đều bằng 0."
        )
    collected = _with_comparison(
        f"Trong {f.period.label}, hệ thống đã thu thập {number(m.documents)} tin, bài "
        f"từ {number(m.sources)} nguồn",
        f,
        "documents",
    )
    text = (
        f"{collected}; các tin, bài được gom thành {number(m.stories)} nhóm tin, trong đó "
        f"{number(m.alerts)} nhóm tin có cảnh báo tăng đột biến."
    )
    if m.themes and m.documents:
        top = list(m.themes.items())[:3]
        themes = "; ".join(
            f"{theme_label(key).lower()} ({number(n)} tin, bài, chiếm "
            f"{number(n * 100 / m.documents, 1)}%)"
            for key, n in top
        )
        text += f" Các chủ đề được nhắc đến nhiều nhất: {themes}."
    return text


def direction(draft: Draft) -> str:
    o = draft.figures.organisation
    if not o.members:
        return "Đơn vị chưa có thành viên nào được phân công trên hệ thống."
    roles = _counted(o.by_role, role_label)
    return (
        f"Đơn vị hiện có {number(o.members)} thành viên tham gia trên hệ thống ({roles}). "
        "Việc phân công nhiệm vụ, tiếp nhận và xử lý thông tin được thực hiện thống nhất "
        "trên hệ thống."
    )


def monitoring(draft: Draft) -> str:
    f = draft.figures
    m = f.monitoring
    platforms = _counted(m.by_platform, lambda key: f"trên {PLATFORMS_VI.get(key, key)}")
    text = f"Theo dõi {number(m.sources)} nguồn tin có tin, bài trong kỳ; thu thập " + (
        f"{number(m.documents)} tin, bài ({platforms})." if platforms else "0 tin, bài."
    )
    stories = _with_comparison(f"Phát hiện {number(m.stories)} nhóm tin", f, "stories")
    return f"{text} {stories} và {number(m.alerts)} cảnh báo tăng đột biến."


def countering(draft: Draft) -> str:
    f = draft.figures
    c, t, k = f.cases, f.tips, f.claims
    parts = [
        f"Phát hiện {number(k.claims)} thông tin cần kiểm chứng, trong đó {number(k.matched)} "
        f"thông tin trùng với bài kiểm chứng đã có; {number(k.already_checked)} nhóm tin đã "
        "được kiểm chứng trước đó.",
        _with_comparison(f"Mở {number(c.opened)} hồ sơ xác minh", f, "cases_opened")
        + f", công bố {number(c.published)} bài kiểm chứng và đóng {number(c.closed)} hồ sơ"
        + (
            f" ({_counted(c.closed_by_reason, lambda k: CLOSING_VI.get(k, k))})"
            if c.closed_by_reason
            else ""
        )
        + ".",
    ]
    if c.verdicts:
        verdicts = _counted(c.verdicts, lambda key: VERDICT_LABELS_VI.get(key, key).lower())
        parts.append(f"Kết luận của các bài kiểm chứng: {verdicts}.")
    if c.median_days_to_publication is not None:
        parts.append(
            "Thời gian trung vị từ khi phát hiện thông tin đến khi công bố kết luận là "
            f"{number(c.median_days_to_publication, 1)} ngày."
        )
    old = c.open_by_age.get("31+", 0)
    parts.append(
        f"Đến cuối kỳ còn {number(c.still_open)} hồ sơ đang xử lý"
        + (f", trong đó {number(old)} hồ sơ quá 30 ngày." if old else ".")
    )
    parts.append(
        f"Tiếp nhận {number(t.received)} tin báo của người dân; {number(t.matched_at_once)} tin "
        f"báo đối chiếu được ngay với bài kiểm chứng đã có, {number(t.turned_into_cases)} tin "
        "báo được lập hồ sơ xác minh."
    )
    return " ".join(parts)


def coordination(draft: Draft) -> str:
    k = draft.figures.coordination
    if not k.tasks:
        return "Trong kỳ không có nhiệm vụ phối hợp nào được chuyển cho các cơ quan phối hợp."
    agencies = "; ".join(f"{row.agency}: {number(row.tasks)}" for row in k.by_agency[:5])
    return (
        f"Chuyển {number(k.tasks)} nhiệm vụ phối hợp cho {number(len(k.by_agency))} cơ quan "
        f"phối hợp ({agencies}); đã hoàn thành {number(k.done)} nhiệm vụ, trong đó "
        f"{number(k.done_on_time)} nhiệm vụ đúng hạn; {number(k.overdue)} nhiệm vụ quá hạn."
    )


def outreach(draft: Draft) -> str:
    f = draft.figures
    text = (
        f"Công bố công khai {number(f.cases.published)} bài kiểm chứng trên trang thông tin "
        "của đơn vị, kèm bằng chứng và tên người duyệt."
    )
    log = f.outreach
    if not log.activities:
        return text + (
            " Các hoạt động tuyên truyền khác (cẩm nang, đính chính trên báo, đài, hội nghị) "
            "do đơn vị bổ sung."
        )
    channels = _counted(log.by_channel, lambda key: f"lượt {channel_label(key)}")
    text += " " + _with_comparison(
        f"Thực hiện {number(log.activities)} hoạt động thông tin, tuyên truyền", f, "outreach"
    )
    text += f", gồm: {channels}"
    if log.reach:
        text += f"; tiếp cận khoảng {number(log.reach)} lượt người"
    return text + "."


def training(draft: Draft) -> str:
    f = draft.figures
    o = f.organisation
    if not o.trainings:
        return "Trong kỳ, hệ thống chưa ghi nhận lớp tập huấn, bồi dưỡng nào."
    text = _with_comparison(
        f"Tổ chức {number(o.trainings)} lớp tập huấn, bồi dưỡng với {number(o.trainees)} lượt "
        "người tham gia",
        f,
        "trainees",
    )
    audiences = _counted(o.trainees_by_audience, audience_label)
    return f"{text}" + (f"; trong đó {audiences}." if audiences else ".")


def assessment(draft: Draft) -> str:
    f = draft.figures
    strengths = []
    if f.cases.published:
        strengths.append(
            f"đã xác minh và công bố {number(f.cases.published)} bài kiểm chứng, góp phần "
            "định hướng thông tin kịp thời"
        )
    if f.coordination.done_on_time:
        strengths.append(
            f"{number(f.coordination.done_on_time)} nhiệm vụ phối hợp hoàn thành đúng hạn"
        )
    limits = []
    if f.coordination.overdue:
        limits.append(f"còn {number(f.coordination.overdue)} nhiệm vụ phối hợp quá hạn")
    old = f.cases.open_by_age.get("31+", 0)
    if old:
        limits.append(f"{number(old)} hồ sơ xác minh tồn đọng quá 30 ngày")
    lines = [
        "1. Ưu điểm: " + ("; ".join(strengths) + "." if strengths else "(đơn vị bổ sung)."),
        "2. Hạn chế: " + ("; ".join(limits) + "." if limits else "(đơn vị bổ sung)."),
        "3. Nguyên nhân và bài học kinh nghiệm: (đơn vị bổ sung).",
    ]
    return "\n".join(lines)


def tasks(draft: Draft) -> str:
    f = draft.figures
    lines = [
        "1. Tiếp tục theo dõi, nắm tình hình thông tin trên không gian mạng; phát hiện sớm, "
        "xác minh và công bố kịp thời kết luận đối với thông tin sai sự thật."
    ]
    if draft.outlook:
        expected = sum(item.expected for item in draft.outlook)
        low = sum(item.low for item in draft.outlook)
        high = sum(item.high for item in draft.outlook)
        text = (
            f"2. Dự báo {f.period.next().label}: khoảng {number(expected, 1)} tin, bài mỗi "
            f"tuần (khoảng tin cậy 80%: từ {number(low, 1)} đến {number(high, 1)})"
        )
        if draft.rising:
            names = ", ".join(_rising(item) for item in draft.rising)
            text += f"; các chủ đề có xu hướng tăng nhanh nhất: {names}"
        lines.append(text + ". Tập trung theo dõi các chủ đề này.")
    if f.coordination.overdue or f.cases.still_open:
        lines.append(
            f"{len(lines) + 1}. Đôn đốc hoàn thành {number(f.coordination.overdue)} nhiệm vụ "
            f"phối hợp quá hạn và {number(f.cases.still_open)} hồ sơ xác minh đang xử lý."
        )
    lines.append(f"{len(lines) + 1}. Tổ chức tập huấn, bồi dưỡng kỹ năng kiểm chứng thông tin.")
    return "\n".join(lines)


def _rising(item: ThemeOutlook) -> str:
    sign = "+" if item.trend_percent >= 0 else "-"
    trend = f"{sign}{number(abs(item.trend_percent), 1)}%/tuần"
    return f"{theme_label(item.theme).lower()} (xu hướng {trend})"


def proposals(draft: Draft) -> str:
    return (
        "Đề nghị cấp trên tiếp tục quan tâm chỉ đạo, bố trí nguồn lực và tổ chức tập huấn "
        "cho lực lượng làm công tác kiểm chứng thông tin. (Đơn vị bổ sung các đề xuất cụ thể.)"
    )


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    draft: Callable[[Draft], str] | None  # None: a heading without text of its own
    level: int = 1


SECTIONS: list[Section] = [
    Section("situation", "I. TÌNH HÌNH", situation),
    Section("results", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", None),
    Section("direction", "1. Công tác chỉ đạo, tổ chức thực hiện", direction, 2),
    Section("monitoring", "2. Công tác theo dõi, nắm tình hình thông tin", monitoring, 2),
    Section("countering", "3. Công tác đấu tranh, xử lý thông tin sai sự thật", countering, 2),
    Section("coordination", "4. Công tác phối hợp với các cơ quan", coordination, 2),
    Section("outreach", "5. Công tác thông tin, tuyên truyền, đính chính", outreach, 2),
    Section("training", "6. Công tác tập huấn, bồi dưỡng", training, 2),
    Section("assessment", "III. ĐÁNH GIÁ CHUNG", assessment),
    Section("tasks", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", tasks),
    Section("proposals", "V. ĐỀ XUẤT, KIẾN NGHỊ", proposals),
]
TEXT_SECTIONS = [section for section in SECTIONS if section.draft is not None]


def draft_texts(draft: Draft) -> dict[str, str]:
    """A first draft of every section's text."""
    return {section.key: section.draft(draft) for section in TEXT_SECTIONS if section.draft}


def summary_line(figures: Figures) -> str:
    """The bold line under "BÁO CÁO"."""
    period = figures.period
    subject = "công tác phòng, chống thông tin sai sự thật"
    following = period.next()
    year = period.start.year
    lines = {
        "quarter": f"Sơ kết {subject} {period.label}, phương hướng nhiệm vụ {following.label}",
        "half": f"Sơ kết {subject} 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng cuối năm {year}",
        "nine": f"Sơ kết {subject} 9 tháng đầu năm, phương hướng nhiệm vụ 3 tháng cuối năm {year}",
        "year": f"Tổng kết {subject} năm {year}, phương hướng nhiệm vụ năm {year + 1}",
    }
    return lines.get(period.kind, f"Kết quả {subject} {period.label}, phương hướng nhiệm vụ kỳ tới")
