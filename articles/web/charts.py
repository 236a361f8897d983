"""Server-rendered SVG charts: no JavaScript, no inline styles (the CSP forbids them), colours from
CSS classes, a <title> and <desc> for screen readers. Pages put the same numbers in a table too."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH = 720
HEIGHT = 220
LEFT, RIGHT, TOP, BOTTOM = 36, 8, 12, 28


def _nice_max(value: int) -> int:
    for step in (1, 2, 5):
        for power in range(0, 8):
            nice = step * 10**power
            if nice >= value:
                return nice
    return value


def month_bars(months, *, chart_id: str, title: str, desc: str, label=lambda ym: f"{ym[1]:02d}.{ym[0]}"):
    """A bar per month. `months` is [((year, month), count), …] with no gaps."""
    if not months:
        return mark_safe("")
    n = len(months)
    top = _nice_max(max(count for _, count in months) or 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / n
    bar_w = max(1.0, slot * 0.8)
    bars = []
    for i, ((year, month), count) in enumerate(months):
        h = plot_h * count / top
        x = LEFT + i * slot + (slot - bar_w) / 2
        y = TOP + plot_h - h
        bars.append((f"{x:.1f}", f"{y:.1f}", f"{bar_w:.1f}", f"{h:.1f}", f"{label((year, month))}: {count}"))
    # Year ticks: at January of each year (and the first month), thinned to at most 12 labels.
    ticks = [(i, ym[0]) for i, (ym, _) in enumerate(months) if ym[1] == 1 or i == 0]
    every = max(1, -(-len(ticks) // 12))
    ticks = ticks[::every]
    grid = [(0, 0), (top // 2, 0.5), (top, 1.0)] if top >= 2 else [(0, 0), (top, 1.0)]
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-t {id}-d" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-t">{title}</title><desc id="{id}-d">{desc}</desc>'
        "{grid}{bars}{ticks}</svg>",
        w=WIDTH,
        h=HEIGHT,
        id=chart_id,
        title=title,
        desc=desc,
        grid=format_html_join(
            "",
            '<line class="chart-grid" x1="{}" x2="{}" y1="{}" y2="{}"/>'
            '<text class="chart-axis" x="{}" y="{}" text-anchor="end">{}</text>',
            (
                (LEFT, WIDTH - RIGHT, f"{y:.1f}", f"{y:.1f}", LEFT - 4, f"{y + 4:.1f}", value)
                for value, frac in grid
                for y in [TOP + plot_h * (1 - frac)]
            ),
        ),
        bars=format_html_join(
            "",
            '<rect class="chart-bar" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>',
            bars,
        ),
        ticks=format_html_join(
            "",
            '<text class="chart-axis" x="{}" y="{}" text-anchor="start">{}</text>',
            ((f"{LEFT + i * slot:.1f}", HEIGHT - 8, year) for i, year in ticks),
        ),
    )
