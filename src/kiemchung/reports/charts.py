"""The report's charts as PNG images (matplotlib, no display, a font with Vietnamese).

DejaVu Sans ships inside matplotlib and covers Vietnamese, so charts render the same
on an offline office machine as anywhere."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure as Canvas
from matplotlib.ticker import MaxNLocator

from kiemchung.claims.claimreview import VERDICT_LABELS_VI
from kiemchung.reports.figures import Figures
from kiemchung.reports.narrative import theme_label

# No display: figures are drawn by Agg straight into PNG bytes (never through pyplot,
# whose global state is not safe in a threaded web server).
matplotlib.use("Agg")

FONT = "DejaVu Sans"
DPI = 110
SIZE = (7.0, 3.0)
COLOUR = "#1f4e79"


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    png: bytes


def _canvas(left: float = 0.08) -> tuple[Canvas, Axes]:
    """A figure with fixed margins: laying the text out once (no ``tight_layout``, which
    lays it out again and again) keeps four charts well under a second."""
    figure = Canvas(figsize=SIZE, dpi=DPI)
    figure.subplots_adjust(left=left, right=0.97, top=0.95, bottom=0.14)
    axes = figure.add_subplot()
    return figure, axes


def _png(figure: Canvas) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _bars(pairs: list[tuple[str, float]], horizontal: bool = True) -> bytes:
    with matplotlib.rc_context({"font.family": FONT, "font.size": 9}):
        figure, axes = _canvas(left=0.3 if horizontal else 0.08)
        if not pairs:
            axes.text(0.5, 0.5, "Không có số liệu trong kỳ", ha="center", va="center")
            axes.set_axis_off()
            return _png(figure)
        labels = [label for label, _ in pairs]
        values = [value for _, value in pairs]
        if horizontal:
            axes.barh(labels[::-1], values[::-1], color=COLOUR)
            axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        else:
            axes.bar(labels, values, color=COLOUR)
            axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        return _png(figure)


def weekly(f: Figures) -> bytes:
    with matplotlib.rc_context({"font.family": FONT, "font.size": 9}):
        figure, axes = _canvas()
        weeks = f.monitoring.weekly
        if not any(n for _, n in weeks):
            return _bars([])
        labels = [f"{int(w[8:10])}/{int(w[5:7])}" for w, _ in weeks]
        axes.plot(range(len(weeks)), [n for _, n in weeks], color=COLOUR, marker="o", markersize=3)
        step = max(1, len(labels) // 10)
        axes.set_xticks(range(0, len(labels), step), labels[::step])
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_ylabel("tin, bài / tuần")
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        return _png(figure)


def verdicts(f: Figures) -> bytes:
    return _bars([(VERDICT_LABELS_VI.get(k, k), n) for k, n in f.cases.verdicts.items()])


def agencies(f: Figures) -> bytes:
    rows = f.coordination.by_agency[:8]
    return _bars([(row.agency[:40], row.tasks) for row in rows])


def themes(f: Figures) -> bytes:
    return _bars([(theme_label(k), n) for k, n in f.monitoring.themes.items()])


# The charts, in the order of the report. Add one here.
CHARTS: list[tuple[str, str, Callable[[Figures], bytes]]] = [
    ("weekly", "Biểu đồ 1. Số tin, bài theo tuần", weekly),
    ("verdicts", "Biểu đồ 2. Bài kiểm chứng theo kết luận", verdicts),
    ("agencies", "Biểu đồ 3. Nhiệm vụ phối hợp theo cơ quan", agencies),
    ("themes", "Biểu đồ 4. Tin, bài theo chủ đề", themes),
]


def all_charts(figures: Figures) -> list[Chart]:
    return [Chart(key, title, draw(figures)) for key, title, draw in CHARTS]
