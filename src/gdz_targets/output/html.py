"""The briefing people send upwards: one self-contained HTML document (styles inline, no fonts or scripts
fetched), a summary first, a table per area with a score bar, each target's trend as a small inline chart,
sources in show-style details, the legend, and a chart per target with figures — printable on A4 landscape."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from html import escape
from typing import TYPE_CHECKING, Final

from gdz_targets import __version__
from gdz_targets.domain.model import BENCHMARK_CITIES, City, History, Kind, Plan, Target
from gdz_targets.domain.status import Aggregate, Status, StatusReport, TargetStatus
from gdz_targets.output.text import (
    area_numbers,
    area_score,
    cities_legend,
    city_figure,
    joined,
    now_and_target,
    past_due_names,
    period_or_as_of,
    plan_score_words,
    score_value,
    stale_names,
    status_detail,
    status_text,
)

from .chart import chart_picture
from .drawing import font_stack, to_svg
from .text import word
from .workbook import STATUS_COLOURS

if TYPE_CHECKING:
    from gdz_targets.domain.movement import Movement

STYLE: Final = """
body { font-family: FONT; color: #1f2328; background: #fff; line-height: 1.55; font-size: 15px;
       margin: 24px auto; max-width: 1240px; padding: 0 20px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
h2 .muted { font-size: 14px; font-weight: normal; }
.meta, .muted { color: #59636e; }
.summary { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 16px 0; }
.summary dt { font-weight: bold; }
.summary dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 4px 0 8px; }
th, td { border-bottom: 1px solid #d0d7de; padding: 6px 8px; vertical-align: top; text-align: left; }
th { background: #f0f3f6; font-weight: bold; white-space: nowrap; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
code { font-size: 12px; color: #59636e; }
.status { padding: 1px 6px; border-radius: 4px; white-space: nowrap; }
.related { color: #59636e; }
details { margin-top: 2px; font-size: 13px; }
summary { cursor: pointer; color: #0969da; }
blockquote { margin: 4px 0; padding-left: 8px; border-left: 3px solid #d0d7de; color: #3b434b; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 560px), 1fr));
          gap: 8px 24px; }
figure { margin: 8px 0; break-inside: avoid; }
figure svg { width: 100%; height: auto; }
.peers, .moved { display: none; }
.change { font-weight: bold; }
.since li { margin: 2px 0; }
.since .status { white-space: normal; }
.nowrap { white-space: nowrap; }
.legend span { margin-right: 14px; }
footer { margin-top: 28px; font-size: 13px; color: #59636e; }
@media (max-width: 640px) {
  body { font-size: 14px; margin: 12px auto; padding: 0 10px; }
  table { font-size: 13px; }
  th, td { padding: 5px 4px; }
  .series, .city, .change { display: none; }
  .peers { display: block; color: #59636e; font-size: 12px; white-space: normal; }
  .moved { display: block; font-weight: bold; font-size: 12px; word-break: keep-all; }
  .summary { grid-template-columns: 1fr; gap: 0; }
  .summary dd { margin-bottom: 6px; }
  code { word-break: break-all; }
}
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 12px; }
  table { font-size: 11.5px; }
  thead { display: table-header-group; }
  tr, figure, .summary, .legend-block { break-inside: avoid; }
  section.area { break-inside: avoid-page; }
  h2, h2 + p { break-after: avoid; }
  footer { break-before: avoid; }
  details summary { display: none; }
  a { color: inherit; text-decoration: none; }
  .charts { grid-template-columns: repeat(2, 1fr); gap: 0 10mm; }
  figure svg { max-height: 80mm; }
}
"""


def tag(name: str, content: str = "", /, **attributes: str) -> str:
    """`<name a="v">content</name>`: `content` is HTML already; attribute values are escaped; `class_` is
    written class, `aria_label` aria-label."""
    written = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{escape(value)}"' for key, value in attributes.items()
    )
    return f"<{name}{written}>{content}</{name}>"


def status_html(report: StatusReport, history: History, lang: str, moved: Movement | None = None) -> str:
    """The status report as a document in `lang`; with `moved`, for the period since an earlier day: what
    moved before the tables, each area's score then → now, each target's change, a mark on each chart."""
    plan, as_of = report.plan, report.as_of
    title = plan.meta.title(lang)
    made = word("xlsx.made_by", lang).format(version=__version__)
    period = period_or_as_of(as_of, moved.since if moved else None, lang)
    changes: dict[str, str] = {}
    if moved is not None:
        from .changes import change_cells

        changes = change_cells(plan, moved, report.all_targets(), lang)
    parts = [
        _head(title, lang),
        tag("h1", escape(title)),
        tag("p", escape(f"{period} · {made}"), class_="meta"),
        _summary(report, lang),
        *([_movement(moved, lang)] if moved is not None else []),
    ]
    numbers = area_numbers(plan)
    for area in report.areas:
        info = plan.area(area.area_id)
        heading = f"{numbers[area.area_id]} {info.title(lang)}" if info else area.area_id
        score = area_score(area.area_id, area.aggregate, lang, moved)
        section = [tag("h2", escape(heading) + _score_bar(area.aggregate, score))]
        shown = [row for row in area.targets if row.current is not None]
        if shown:
            section.append(_table(plan, shown, history, as_of, lang, changes))
        # As on the screen: the targets without data, named by short title in one line, so that the figures
        # stand out.
        folded = [row.target.short(lang) for row in area.targets if row.current is None]
        if folded:
            named = word("ui.without_data", lang).format(count=len(folded)) + " " + joined(folded, lang)
            section.append(tag("p", escape(named), class_="muted"))
        parts.append(tag("section", "".join(section), class_="area"))
    if report.context:
        parts.append(tag("h2", escape(word("ui.context_section", lang))))
        parts.append(_table(plan, report.context, history, as_of, lang, changes))
    since = moved.since if moved is not None else None
    parts += [
        _legend(lang),
        _charts(report, history, lang, since),
        tag("footer", escape(word("html.footer", lang))),
    ]
    return "\n".join(parts) + "\n</body></html>\n"


def _head(title: str, lang: str) -> str:
    meta = '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
    head = tag(
        "head", meta + tag("title", escape(title)) + tag("style", STYLE.replace("FONT", font_stack(lang)))
    )
    return f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}">{head}<body>'


def _summary(report: StatusReport, lang: str) -> str:
    whole = report.aggregate
    coverage = escape(word("ui.coverage_of", lang).format(scored=whole.scored, total=whole.total))
    counts = [_status_chip(status, lang, f" {count}") for status, count in report.counts.items() if count]
    rows = [
        (word("ui.coverage", lang), " ".join([coverage, *counts])),
        (word("ui.score_label", lang), escape(plan_score_words(whole, lang))),
    ]
    for key, names in (("ui.overdue_label", past_due_names(report, lang)),
                       ("ui.stale_label", stale_names(report, lang))):  # fmt: skip
        if names:
            rows.append((word(key, lang), escape(joined(names, lang))))
    return tag(
        "dl", "".join(tag("dt", escape(name)) + tag("dd", value) for name, value in rows), class_="summary"
    )


def _movement(moved: Movement, lang: str) -> str:
    """What moved since the earlier day, whole, before the tables; a change of status in its colour."""
    from .changes import movement_lines

    items = []
    for line, status in movement_lines(moved, lang):
        items.append(tag("li", _chip(status, line) if status is not None else escape(line)))
    return tag(
        "section", tag("h2", escape(word("since.label", lang))) + tag("ul", "".join(items)), class_="since"
    )


def _score_bar(aggregate: Aggregate, words: str) -> str:
    """An area's score as a bar out of 100, with its score and coverage in `words` beside it."""
    share = 0.0 if aggregate.score is None else max(0.0, min(aggregate.score, 100.0))
    track = '<rect width="120" height="12" rx="2" fill="#eaeef2"/>'
    filled = f'<rect width="{share * 1.2:.1f}" height="12" rx="2" fill="#2da44e"/>'
    bar = tag("svg", track + filled, width="120", height="12", viewBox="0 0 120 12", role="img",
              aria_label=f"{score_value(aggregate.score)}/100")  # fmt: skip
    return bar + tag("span", escape(words), class_="muted")


def _status_chip(status: Status, lang: str, suffix: str = "") -> str:
    return _chip(status, status_text(status, lang) + suffix)


def _chip(status: Status, text: str) -> str:
    """`text` in the colours of `status`, as a status is shown."""
    fill, font = STATUS_COLOURS[status]
    return tag("span", escape(text), class_="status", style=f"background:{fill};color:{font}")


def _table(
    plan: Plan,
    rows: Sequence[TargetStatus],
    history: History,
    as_of: date,
    lang: str,
    changes: Mapping[str, str],
) -> str:
    """A table of targets; `changes`: each target's change since an earlier day, in a last column."""
    # On a phone the trend and the two cities' columns give way: their figures go under Dongguan's, and the
    # change under the status.
    heads = [("ui.target_col", ""), ("ui.now_target", "num"), ("ui.series", "series"), ("ui.gz", "num city"),
             ("ui.sz", "num city"), ("ui.score", "num"), ("ui.status", "")]  # fmt: skip
    heads += [("since.column", "change")] if changes else []
    head = "".join(tag("th", escape(word(key, lang)), class_=kind) for key, kind in heads)
    body = "".join(_row(plan, row, history, as_of, lang, changes) for row in rows)
    return tag("table", tag("thead", tag("tr", head)) + tag("tbody", body))


def _row(
    plan: Plan, row: TargetStatus, history: History, as_of: date, lang: str, changes: Mapping[str, str]
) -> str:
    target = row.target
    points = history.of(target.id, City.DONGGUAN).points(as_of)
    goal = target.target if target.kind is Kind.NUMERIC else None
    trend = sparkline([point.value for point in points], goal) if target.kind is not Kind.MILESTONE else ""
    name = escape(target.title(lang)) + "<br>" + tag("code", escape(target.id)) + _sources(plan, target, lang)
    peers = [f"{word('ui.' + code, lang)} {city_figure(target, row, city, lang)}" for city, code in
             zip(BENCHMARK_CITIES, ("gz", "sz"), strict=True)]  # fmt: skip
    figure = escape(now_and_target(plan, row, lang)) + tag("span", escape(" · ".join(peers)), class_="peers")
    cells = [tag("td", name), tag("td", figure, class_="num"), tag("td", trend, class_="series")]
    for city in BENCHMARK_CITIES:
        shown = escape(city_figure(target, row, city, lang))
        cells.append(tag("td", shown, class_="num city related" if target.is_related(city) else "num city"))
    score = score_value(row.score.value) if target.kind is not Kind.CONTEXT else ""
    status = _status_chip(row.status, lang) if row.status is not None else ""
    detail = status_detail(row, lang)
    status += "<br>" + tag("span", escape(detail), class_="muted nowrap") if detail else ""
    change = changes.get(target.id, "")
    status += tag("span", escape(change), class_="moved") if change else ""
    cells += [tag("td", score, class_="num"), tag("td", status)]
    cells += [tag("td", escape(change), class_="change")] if changes else []
    return tag("tr", "".join(cells))


def _sources(plan: Plan, target: Target, lang: str) -> str:
    """Where the target and its figures come from, as `gdz show` gives them, folded away until opened."""
    quotes = [(word("html.plan_says", lang), target.source, target.quote)]
    if target.baseline is not None:
        quotes.append((word("ui.baseline", lang), target.baseline.source, target.baseline.quote))
    for city in BENCHMARK_CITIES:
        figure = target.benchmarks.get(city)
        if figure is not None:
            quotes.append((word("city." + city.value, lang), figure.source, figure.quote))
    items = "".join(
        tag("div", tag("b", escape(name)) + tag("blockquote", escape(quote)) + _source_line(plan, source))
        for name, source, quote in quotes
    )
    return tag("details", tag("summary", escape(word("ui.source", lang))) + items)


def _source_line(plan: Plan, source_id: str) -> str:
    source = plan.sources.get(source_id)
    if source is None:
        return ""
    published = f" ({source.published})" if source.published else ""
    address = ""
    if source.url:
        # Any other scheme (javascript:, data:, vbscript:) would run or open something in a reader's browser.
        address = " " + (tag("a", escape(source.url), href=source.url) if is_web_address(source.url)
                         else escape(source.url))  # fmt: skip
    return tag("div", escape(f"{source.publisher}: {source.title}{published}") + address, class_="muted")


# http(s) and nothing a browser drops or splits an address at (spaces, tabs, controls, quotes, brackets): a
# browser removes a tab inside "java\tscript:", so only an address that is exactly what it looks like passes.
_WEB_ADDRESS: Final = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f\"'<>`]+", re.IGNORECASE)


def is_web_address(url: str) -> bool:
    """Whether `url` may be a link: an http:// or https:// address, as it is written."""
    return _WEB_ADDRESS.fullmatch(url) is not None


def sparkline(values: Sequence[float], goal: float | None, width: int = 96, height: int = 22) -> str:
    """A target's figures as a small line, the target as a dashed level, scaled to the two alone (not from
    zero): a line shows change, so 82 → 88 must rise, not lie flat at the top."""
    if not values:
        return ""
    scale = [*values, *([goal] if goal is not None else [])]
    low, high = min(scale), max(scale)
    if high == low:  # one level: drawn across the middle
        low, high = low - 1, high + 1
    span = high - low

    def y(value: float) -> str:
        return f"{height - 2 - (value - low) / span * (height - 4):.1f}"

    step = (width - 6) / max(len(values) - 1, 1)
    points = " ".join(f"{3 + n * step:.1f},{y(value)}" for n, value in enumerate(values))
    shapes = []
    if goal is not None:
        level = y(goal)
        shapes.append(
            f'<line x1="0" x2="{width}" y1="{level}" y2="{level}" stroke="#1a7f37" stroke-dasharray="3 2"/>'
        )
    shapes.append(f'<polyline points="{points}" fill="none" stroke="#0969da" stroke-width="1.75"/>')
    shapes.append(
        f'<circle cx="{3 + (len(values) - 1) * step:.1f}" cy="{y(values[-1])}" r="2.5" fill="#0969da"/>'
    )
    return tag("svg", "".join(shapes), width=str(width), height=str(height), viewBox=f"0 0 {width} {height}",
               role="img")  # fmt: skip


def _legend(lang: str) -> str:
    signs = " ".join(_status_chip(status, lang) for status in Status)
    shown = (word("ui.legend_related", lang), cities_legend(lang), word("html.legend_score", lang))
    notes = "".join(tag("p", escape(note), class_="muted") for note in shown)
    legend = tag("h2", escape(word("html.legend", lang))) + tag("p", signs, class_="legend") + notes
    return tag("div", legend, class_="legend-block")  # printed whole, never a heading alone at a page's foot


def _charts(report: StatusReport, history: History, lang: str, since: date | None) -> str:
    """A chart for every target with a Dongguan figure, in the plan's order (`since`: marked on each)."""
    figures = []
    for row in report.all_targets():
        points = history.of(row.target.id, City.DONGGUAN).points(report.as_of)
        if row.target.kind is not Kind.MILESTONE and points:
            picture = chart_picture(report.plan, row, points, report.as_of, lang, since)
            figures.append(tag("figure", to_svg(picture)))
    return (
        tag("h2", escape(word("html.charts", lang))) + tag("div", "".join(figures), class_="charts")
        if figures
        else ""
    )


def table_html(
    title: str, lang: str, heads: Iterable[str], rows: Iterable[Sequence[str]], numeric: set[int]
) -> str:
    """A plain document of one table (entries, targets), in the report's style."""

    def cells(name: str, row: Iterable[str]) -> str:
        return "".join(
            tag(name, escape(cell), class_="num" if n in numeric else "") for n, cell in enumerate(row)
        )

    body = "".join(tag("tr", cells("td", row)) for row in rows)
    table = tag("table", tag("thead", tag("tr", cells("th", heads))) + tag("tbody", body))
    return f"{_head(title, lang)}{tag('h1', escape(title))}{table}</body></html>\n"
