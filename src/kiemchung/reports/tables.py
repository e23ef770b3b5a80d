"""Every table of a report, built once from the figures: the DOCX annex and the XLSX
workbook show the same rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiemchung.claims.claimreview import VERDICT_LABELS_VI
from kiemchung.reports.figures import Change, Figures
from kiemchung.reports.narrative import (
    CLOSING_VI,
    PLATFORMS_VI,
    audience_label,
    channel_label,
    role_label,
    theme_label,
)
from kiemchung.reports.wording import number

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[Cell, ...]]


HEADLINE_LABELS: dict[str, str] = {
    "documents": "Tin, bài thu thập",
    "sources": "Nguồn có tin, bài",
    "stories": "Nhóm tin",
    "alerts": "Cảnh báo tăng đột biến",
    "claims": "Thông tin cần kiểm chứng",
    "claims_matched": "Trùng bài kiểm chứng đã có",
    "cases_opened": "Hồ sơ xác minh mở mới",
    "cases_published": "Bài kiểm chứng công bố",
    "cases_closed": "Hồ sơ đóng",
    "tips": "Tin báo của người dân",
    "tasks": "Nhiệm vụ phối hợp",
    "tasks_done": "Nhiệm vụ hoàn thành",
    "tasks_overdue": "Nhiệm vụ quá hạn",
    "trainings": "Lớp tập huấn, bồi dưỡng",
    "trainees": "Lượt người tham gia tập huấn",
    "outreach": "Hoạt động thông tin, tuyên truyền",
}


def _percent(value: float | None) -> str:
    if value is None:
        return "-"
    return ("+" if value > 0 else "") + number(value, 1) + "%"


def headline(f: Figures) -> Table:
    previous = f.previous_period.label if f.previous_period else "kỳ trước"
    year = f"cùng kỳ {f.last_year_period.start.year}" if f.last_year_period else "cùng kỳ"
    current = f.headline()

    def row(key: str) -> tuple[Cell, ...]:
        found: Change | None = f.comparison.get(key)
        if found is None:
            return (HEADLINE_LABELS[key], current[key], None, None, None, None)
        return (
            HEADLINE_LABELS[key],
            current[key],
            int(found.previous),
            _percent(found.previous_percent),
            int(found.last_year),
            _percent(found.last_year_percent),
        )

    return Table(
        "headline",
        "Số liệu chính",
        (
            "Chỉ tiêu",
            "Kỳ này",
            f"Kỳ trước ({previous})",
            "Tăng, giảm",
            year.capitalize(),
            "Tăng, giảm ",
        ),
        [row(key) for key in HEADLINE_LABELS],
    )


def sub_units(f: Figures) -> Table:
    return Table(
        "sub_units",
        "Số liệu theo đơn vị trực thuộc",
        (
            "Đơn vị",
            "Hồ sơ mở mới",
            "Bài kiểm chứng",
            "Hồ sơ đóng",
            "Hồ sơ đang xử lý",
            "Nhiệm vụ",
            "Hoàn thành",
            "Quá hạn",
            "Thành viên",
        ),
        [
            (
                r.name,
                r.cases_opened,
                r.cases_published,
                r.cases_closed,
                r.cases_open,
                r.tasks,
                r.tasks_done,
                r.tasks_overdue,
                r.members,
            )
            for r in f.sub_units
        ],
    )


def _pairs(
    key: str, title: str, header: str, items: dict[str, int], label: Callable[[str], str]
) -> Table:
    return Table(key, title, (header, "Số lượng"), [(label(k), n) for k, n in items.items()])


def platforms(f: Figures) -> Table:
    return _pairs(
        "platforms",
        "Tin, bài theo nền tảng",
        "Nền tảng",
        f.monitoring.by_platform,
        lambda k: PLATFORMS_VI.get(k, k),
    )


def sources(f: Figures) -> Table:
    return Table(
        "sources",
        "Tin, bài theo nguồn (10 nguồn nhiều nhất)",
        ("Nguồn", "Số lượng"),
        [(name, n) for name, n in f.monitoring.by_source],
    )


def themes(f: Figures) -> Table:
    return _pairs("themes", "Tin, bài theo chủ đề", "Chủ đề", f.monitoring.themes, theme_label)


def weeks(f: Figures) -> Table:
    return Table(
        "weeks",
        "Tin, bài theo tuần",
        ("Tuần bắt đầu", "Số lượng"),
        [(_short(week), n) for week, n in f.monitoring.weekly],
    )


def _short(iso: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day}/{month}/{year}"


def verdicts(f: Figures) -> Table:
    return _pairs(
        "verdicts",
        "Bài kiểm chứng theo kết luận",
        "Kết luận",
        f.cases.verdicts,
        lambda k: VERDICT_LABELS_VI.get(k, k),
    )


def closings(f: Figures) -> Table:
    return _pairs(
        "closings",
        "Hồ sơ đóng theo lý do",
        "Lý do",
        f.cases.closed_by_reason,
        lambda k: CLOSING_VI.get(k, k),
    )


def open_cases(f: Figures) -> Table:
    labels = {"0-7": "Đến 7 ngày", "8-30": "Từ 8 đến 30 ngày", "31+": "Trên 30 ngày"}
    return _pairs(
        "open_cases",
        "Hồ sơ đang xử lý theo thời gian",
        "Thời gian",
        f.cases.open_by_age,
        lambda k: labels.get(k, k),
    )


def agencies(f: Figures) -> Table:
    return Table(
        "agencies",
        "Nhiệm vụ phối hợp theo cơ quan",
        ("Cơ quan phối hợp", "Nhiệm vụ", "Hoàn thành", "Đúng hạn", "Quá hạn"),
        [(r.agency, r.tasks, r.done, r.done_on_time, r.overdue) for r in f.coordination.by_agency],
    )


def roles(f: Figures) -> Table:
    return _pairs(
        "roles",
        "Thành viên theo vai trò",
        "Vai trò",
        f.organisation.by_role,
        lambda k: role_label(k).capitalize(),
    )


def sub_unit_training(f: Figures) -> Table:
    return Table(
        "sub_unit_training",
        "Tập huấn, tuyên truyền theo đơn vị trực thuộc",
        ("Đơn vị", "Lớp tập huấn", "Lượt người tham gia", "Hoạt động tuyên truyền"),
        [(r.name, r.trainings, r.trainees, r.outreach) for r in f.sub_units],
    )


def trainees(f: Figures) -> Table:
    return _pairs(
        "trainees",
        "Lượt người tham gia tập huấn theo đối tượng",
        "Đối tượng",
        f.organisation.trainees_by_audience,
        lambda k: audience_label(k).capitalize(),
    )


def outreach(f: Figures) -> Table:
    return _pairs(
        "outreach",
        "Hoạt động thông tin, tuyên truyền theo hình thức",
        "Hình thức",
        f.outreach.by_channel,
        lambda k: channel_label(k).capitalize(),
    )


# Every table, in the order of the annex and the workbook's sheets. Add one here.
TABLES: list[Callable[[Figures], Table]] = [
    headline,
    sub_units,
    sub_unit_training,
    platforms,
    sources,
    themes,
    weeks,
    verdicts,
    closings,
    open_cases,
    agencies,
    roles,
    trainees,
    outreach,
]


def all_tables(figures: Figures) -> list[Table]:
    return [build(figures) for build in TABLES]
