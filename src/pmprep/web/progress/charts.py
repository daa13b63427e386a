"""The dashboard's charts, drawn by pygal as standalone SVG documents for ``<img>`` tags.

pygal always writes a ``<script>`` (its configuration, even with ``js=[]``); a filter removes it,
so the SVG runs nothing even opened on its own. Series are told apart by more than colour: lines by
dash pattern (the legend shows a sample of each line) and stacked bars by fill pattern, with the
values printed on the bars.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import pygal
from pygal.style import Style

from pmprep.progress import LEVEL_NAMES, Backlog, LoopOutcomes, StoryCoverage, Volume, Weekly

# Okabe–Ito: told apart by people with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
DASHES = ("", "8,4", "2,4", "10,3,2,3", "16,4", "2,3,2,3,8,3", "4,2")
SIZE = {"width": 720, "height": 400}

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1d1d1f",
    foreground_strong="#1d1d1f",
    foreground_subtle="#5a5a63",
    colors=PALETTE,
    font_family='system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    label_font_size=13,
    major_label_font_size=13,
    value_font_size=13,
    legend_font_size=14,
    title_font_size=16,
    no_data_font_size=20,
    guide_stroke_color="#d9d9e0",
    major_guide_stroke_color="#d9d9e0",
    guide_stroke_dasharray="1,0",
    major_guide_stroke_dasharray="1,0",
    opacity="1",
    opacity_hover="1",
    transition="0ms",
    value_colors=("#ffffff",) + ("#1d1d1f",) * (len(PALETTE) - 1),
)
_PYGAL_CSS = ("file://style.css", "file://graph.css")  # pygal's defaults, kept when adding our own
_LINE_CSS = "inline:.legend-line{stroke-width:3;fill:none}.series .line{stroke-width:3 !important}"
# Printed values stay readable on stripes and dots: dark text with a white halo (the plain first series
# has white text on its colour instead).
_VALUE_CSS = (
    "inline:.text-overlay text.value{font-weight:700;paint-order:stroke;stroke:#ffffff;stroke-width:4px}"
    ".text-overlay .serie-0 text.value{stroke:none}"
)

# Fill patterns for stacked bars: plain, diagonal stripes, dots, cross-hatch (then plain again).
_PATTERNS = (
    '<pattern id="fill-{i}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect width="8" height="8" fill="#ffffff"/><rect width="3" height="8" fill="{c}"/></pattern>',
    '<pattern id="fill-{i}" width="7" height="7" patternUnits="userSpaceOnUse">'
    '<rect width="7" height="7" fill="#ffffff"/><circle cx="3.5" cy="3.5" r="1.8" fill="{c}"/></pattern>',
    '<pattern id="fill-{i}" width="8" height="8" patternUnits="userSpaceOnUse">'
    '<rect width="8" height="8" fill="#ffffff"/><path d="M0 0L8 8M8 0L0 8" stroke="{c}" stroke-width="2"/></pattern>',
)


def week_label(monday: date) -> str:
    return f"{monday.day} {monday:%b}"


def number(value: float | int | None) -> str:
    """A level or count as the tables print it: ``3``, ``2.5``, ``2.67``; an em dash for none."""
    if value is None:
        return "—"
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}".rstrip("0")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _without_script(root):
    """Remove every script, comment and processing instruction (pygal's comment carries today's date)."""
    for parent in list(root.iter()):
        for child in list(parent):
            if _local(child.tag) == "script" or not isinstance(child.tag, str):
                parent.remove(child)
    return root


def _dash_legend(root):
    """Replace each legend's colour square with a short sample of the series' line and its dashes."""
    for legend in list(root.iter()):
        key = legend.get("id", "") if isinstance(legend.tag, str) else ""
        if not key.startswith("activate-serie-"):
            continue
        i = int(key.rsplit("-", 1)[1])
        for rect in [c for c in legend if _local(c.tag) == "rect"]:
            x, y = float(rect.get("x")), float(rect.get("y"))
            w, h = float(rect.get("width")), float(rect.get("height"))
            attrs = {"d": f"M{x:g} {y + h / 2:g} h{w:g}", "class": f"color-{i} legend-line"}
            if DASHES[i % len(DASHES)]:
                attrs["stroke-dasharray"] = DASHES[i % len(DASHES)]
            legend.insert(list(legend).index(rect), legend.makeelement("path", attrs))
            legend.remove(rect)
    return root


def _count_labels(totals: Sequence[int]) -> list[int]:
    """Whole-number ticks for a count axis, about eight at most."""
    top = max([1, *totals])
    step = -(-top // 8)
    return list(range(0, top + step, step))


def _chart(kind: Callable[..., Any], title: str, no_data: str, **config: Any):
    config = {**SIZE, **config}
    chart = kind(
        js=[],
        style=STYLE,
        title=title,
        no_data_text=no_data,
        legend_at_bottom=True,
        truncate_legend=-1,
        truncate_label=-1,
        explicit_size=True,
        margin=16,
        **config,
    )
    chart.add_xml_filter(_without_script)
    return chart


def levels_chart(weekly: Weekly, title: str, no_data: str) -> bytes:
    # Long names (rounds named with their track) get a legend row each; the chart grows to keep the plot.
    columns = 1 if any(len(s.name) > 32 for s in weekly.series) else 2
    rows = -(-len(weekly.series) // columns)
    axis = {"y_labels": [{"label": f"{n} {name}", "value": n} for n, name in LEVEL_NAMES.items()]}
    chart = _chart(
        pygal.Line,
        title,
        no_data,
        range=(1, 4),
        allow_interruptions=True,
        dots_size=4,
        legend_at_bottom_columns=columns,
        height=SIZE["height"] + 42 * max(0, rows - 2),
        x_labels=[week_label(w) for w in weekly.weeks],
        legend_box_size=28,
        x_label_rotation=30,
        value_formatter=number,
        css=[*_PYGAL_CSS, _LINE_CSS],
        **(axis if not weekly.empty else {}),
    )
    for i, s in enumerate(weekly.series):
        chart.add(s.name, list(s.values), stroke_style={"width": 3, "dasharray": DASHES[i % len(DASHES)]})
    chart.add_xml_filter(_dash_legend)
    return chart.render()


def _stacked(
    title: str,
    no_data: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    horizontal: bool = False,
) -> bytes:
    defs, css = [], [*_PYGAL_CSS, _VALUE_CSS]
    for i in range(1, len(series)):
        pattern = _PATTERNS[(i - 1) % len(_PATTERNS)]
        defs.append(pattern.format(i=i, c=PALETTE[i % len(PALETTE)]))
        # !important: pygal's own rule for the legend square is scoped by the chart's random id.
        css.append(
            f"inline:.serie-{i} .rect{{fill:url(#fill-{i})}}"
            f"#activate-serie-{i} rect{{fill:url(#fill-{i}) !important}}"
            f".serie-{i} .rect,#activate-serie-{i} rect"
            f"{{stroke:{PALETTE[i % len(PALETTE)]};stroke-width:1.5}}"
        )
    kind = pygal.HorizontalStackedBar if horizontal else pygal.StackedBar
    totals = [sum(column) for column in zip(*(values for _, values in series), strict=True)]
    axis = {"y_labels": _count_labels(totals)} if series else {}  # pygal fails on labels with no data
    chart = _chart(
        kind,
        title,
        no_data,
        x_labels=list(labels),
        defs=defs,
        css=css,
        print_values=True,
        print_zeroes=False,
        value_formatter=number,
        legend_box_size=16,
        **axis,
        show_legend=len(series) > 1,
        x_label_rotation=30 if len(labels) > 6 else 0,
    )
    for name, values in series:
        chart.add(name, list(values))
    return chart.render()


def volume_chart(v: Volume, title: str, no_data: str) -> bytes:
    series = [("First answers", v.first), ("Follow-up replies", v.follow_ups)] if not v.empty else []
    return _stacked(title, no_data, [week_label(w) for w in v.weeks], series)


def backlog_chart(b: Backlog, title: str, no_data: str) -> bytes:
    rows = b.rows()
    series = [(name, [counts[k] for _, counts, _ in rows]) for k, (_, name) in enumerate(b.kinds)]
    return _stacked(title, no_data, [name for name, _, _ in rows], series if not b.empty else [])


def coverage_chart(c: StoryCoverage, title: str, no_data: str) -> bytes:
    series = [("Covered", [g.covered for g in c.groups]), ("Not covered yet", [g.missing for g in c.groups])]
    return _stacked(title, no_data, [g.name for g in c.groups], series if not c.empty else [], horizontal=True)


def loops_chart(o: LoopOutcomes, title: str, no_data: str) -> bytes:
    series = [("Mock loops", [n for _, n in o.counts])] if not o.empty else []
    return _stacked(title, no_data, [outcome.label for outcome, _ in o.counts], series)
