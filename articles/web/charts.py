"""Server-rendered SVG charts: no JavaScript, no inline styles (the CSP forbids them), colours from
CSS classes, a <title> and <desc> for screen readers. Pages put the same numbers in a table too.

A month chart is drawn at its natural size, SLOT pixels a month, and never scaled down: on a phone
it scrolls inside its own box (`.chart-scroll`) instead of shrinking its labels below legibility.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

SLOT = 30  # one month: wide enough for a three-letter month name at the axis font size (12 px)
MIN_WIDTH = 320
HEIGHT = 240
LEFT, RIGHT, TOP = 40, 10, 12
MONTH_ROW, YEAR_ROW = 18, 38  # baselines below the plot
BOTTOM = 48


def _nice_max(value: int) -> int:
    for step in (1, 2, 5):
        for power in range(0, 8):
            nice = step * 10**power
            if nice >= value:
                return nice
    return value


def _grid(top: int, left: int, right: int, plot_h: float):
    levels = [(0, 0), (top // 2, 0.5), (top, 1.0)] if top >= 2 else [(0, 0), (top, 1.0)]
    return format_html_join(
        "",
        '<line class="chart-grid" x1="{}" x2="{}" y1="{}" y2="{}"/>'
        '<text class="chart-axis" x="{}" y="{}" text-anchor="end">{}</text>',
        (
            (left, right, f"{y:.1f}", f"{y:.1f}", left - 4, f"{y + 4:.1f}", value)
            for value, frac in levels
            for y in [TOP + plot_h * (1 - frac)]
        ),
    )


def month_bars(
    months,
    *,
    chart_id: str,
    title: str,
    desc: str,
    label=lambda ym: f"{ym[1]:02d}.{ym[0]}",
    short=lambda month: f"{month:02d}",
):
    """A bar per month, each month named under its bar (`short(month)`) and each year under its
    first month, with a tick line where a year begins. `months` is [((year, month), count), …]
    with no gaps; `label((year, month))` names a bar in its tooltip."""
    if not months:
        return mark_safe("")
    n = len(months)
    width = max(MIN_WIDTH, LEFT + n * SLOT + RIGHT)
    top = _nice_max(max(count for _, count in months) or 1)
    plot_h = HEIGHT - TOP - BOTTOM
    base = TOP + plot_h
    bar_w = SLOT * 0.7
    bars, month_labels, years = [], [], []
    for i, ((year, month), count) in enumerate(months):
        x = LEFT + i * SLOT
        h = plot_h * count / top
        bars.append(
            (
                f"{x + (SLOT - bar_w) / 2:.1f}",
                f"{base - h:.1f}",
                f"{bar_w:.1f}",
                f"{h:.1f}",
                f"{label((year, month))}: {count}",
            )
        )
        month_labels.append((f"{x + SLOT / 2:.1f}", base + MONTH_ROW, short(month)))
        if month == 1 or i == 0:
            years.append((x, year))
    return format_html(
        '<div class="chart-scroll" role="region" aria-labelledby="{id}-t" tabindex="0">'
        '<svg class="chart" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" '
        'aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-t">{title}</title><desc id="{id}-d">{desc}</desc>'
        "{grid}{bars}{months}{years}</svg></div>",
        w=width,
        h=HEIGHT,
        id=chart_id,
        title=title,
        desc=desc,
        grid=_grid(top, LEFT, width - RIGHT, plot_h),
        bars=format_html_join(
            "",
            '<rect class="chart-bar" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>',
            bars,
        ),
        months=format_html_join(
            "",
            '<text class="chart-axis chart-month" x="{}" y="{}" text-anchor="middle">{}</text>',
            month_labels,
        ),
        years=format_html_join(
            "",
            '<line class="chart-year-tick" x1="{0}" x2="{0}" y1="{1}" y2="{2}"/>'
            '<text class="chart-axis chart-year" x="{3}" y="{4}" text-anchor="start">{5}</text>',
            ((x, TOP, base + YEAR_ROW + 4, x + 3, base + YEAR_ROW, year) for x, year in years),
        ),
    )
