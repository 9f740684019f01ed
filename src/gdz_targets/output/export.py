"""Reports out: CSV and .xlsx for Excel, strict JSON, Markdown for briefings, HTML and SVG.

Every report is first a list of typed records (numbers, ISO dates, codes, milestones as true/false), in the
documented column order; `sheets` writes their cells for a reader or a script, JSON keeps them typed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from gdz_targets import __version__
from gdz_targets.domain.errors import UsageError, msg
from gdz_targets.domain.model import (
    BENCHMARK_CITIES,
    City,
    Entry,
    History,
    Kind,
    PeriodDate,
    Plan,
    Precision,
    Target,
)
from gdz_targets.domain.movement import Movement
from gdz_targets.domain.query import select_targets
from gdz_targets.domain.status import AT_RISK_SHARE, Aggregate, Benchmark, Figure, StatusReport, TargetStatus

from .drawing import picture_bytes
from .sheets import CODES, cell_kind, csv_cell, header, shown_cell
from .text import word
from .textwidth import printable

__all__ = ["BOM", "CODES", "EXTENSIONS", "FORMATS", "choose_format", "export_entries", "export_status",
           "export_targets"]  # fmt: skip

# 3: an as_of on every status row; dates of a year or month in *_period, *_as_of holding days only;
# milestones true/false everywhere.
SCHEMA_VERSION: Final = 3
FORMATS: Final = ("csv", "xlsx", "json", "md", "html", "svg", "png")
EXTENSIONS: Final = {
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".svg": "svg",
    ".png": "png",
}
BOM: Final = "\ufeff"

METHOD: Final = {
    "current": "latest non-voided Dongguan entry dated on or before as_of, else the plan's baseline",
    "gap": "s * (target - current); s = +1 if higher is better, -1 if lower; positive = still to go",
    "city_gap": "s * (city value - current), for a comparable city only: positive = Dongguan behind it",
    "benchmark": "latest logged value for the city on or before as_of, else the plan's sourced figure; a "
    "city whose figure measures something related (related = true) is shown, never compared or scored",
    "progress_pct": "100 * (current - start) / (target - start); start = baseline, else 0 if zero-based",
    "score": "100 = met the target and matched the best comparable peer. frontier = the more demanding of "
    "the target and the best comparable Guangzhou/Shenzhen figure; worst = the plan's baseline, else 0 "
    "for zero-based units (no baseline published: counted from 0); score = 100 * (current - worst) / "
    "(frontier - worst), clipped to 0..100, and at most 99 until the frontier is reached. Bounds count: "
    "a strict target (突破/超/以上) is met only when exceeded, at least (不少于) when equalled, a peer's "
    "'>90' means more than 90. A met target scores 100 whatever its baseline; milestones score 0 or 100",
    "aggregate": "area and plan: score = weighted mean over all their targets, a target without data "
    "counting 0; mean_with_data = weighted mean over the targets with data; weight = 1, shared equally "
    "by the members of a group (measures the article lists in one breath); context indicators take no part",
    "pace": "needed = (target - current) / days left; observed = change per day since the baseline, else "
    "the first entry; projected = current + observed * days from the current figure to the deadline",
    "status": "achieved (since achieved_on); overdue after the deadline; on-track if the projection meets "
    f"the target; at-risk if it closes >= {AT_RISK_SHARE:.0%} of the remaining gap; off-track otherwise; "
    "open without a deadline or pace; no-data without any figure; "
    "stale = newest figure older than the target's reporting interval (one-off facts have none)",
}


def choose_format(option: str | None, output: str | None, formats: Sequence[str] = FORMATS) -> str:
    """An explicit --format wins; else the output's extension, one of `formats`; else CSV (`-o -` too)."""
    if option is not None:
        return option
    if output is not None:
        suffix = Path(output).suffix.lower()
        if EXTENSIONS.get(suffix) in formats:
            return EXTENSIONS[suffix]
        if suffix:
            raise UsageError(msg("export.unknown_extension", suffix=suffix, formats=", ".join(formats)))
    return "csv"


# --- cells --------------------------------------------------------------------------------------


def json_number(value: float | None, digits: int | None = None) -> float | int | None:
    if value is None:
        return None
    number = round(value, digits) if digits is not None else value
    return int(number) if float(number).is_integer() and abs(number) < 2**53 else number


def whole_numbers(record: dict[str, Any]) -> dict[str, Any]:
    """A record's figures as JSON writes them: 93.0 as 93, as every export shows it."""
    return {key: json_number(value) if isinstance(value, float) else value for key, value in record.items()}


def _when(prefix: str, as_of: PeriodDate | None) -> dict[str, str | None]:
    """A figure's date: a day in `*_as_of`, a year or month the source gives instead in `*_period`, so that
    a date column holds only dates."""
    if as_of is None:
        return {f"{prefix}_as_of": None, f"{prefix}_period": None}
    day = as_of.precision is Precision.DAY
    return {f"{prefix}_as_of": str(as_of) if day else None, f"{prefix}_period": None if day else str(as_of)}


def _value(target: Target, value: float | None) -> float | bool | None:
    """A figure as typed: a milestone's is done (true) or not (false)."""
    if value is None or target.kind is not Kind.MILESTONE:
        return value
    return value >= 1


def figure_fields(target: Target, prefix: str, figure: Figure | None) -> dict[str, Any]:
    return {
        prefix: _value(target, figure.value) if figure else None,
        **_when(prefix, figure.as_of if figure else None),
        f"{prefix}_qualifier": figure.qualifier.value if figure and figure.qualifier else None,
        f"{prefix}_origin": figure.origin.value if figure else None,
    }


def status_record(report: StatusReport, row: TargetStatus) -> dict[str, Any]:
    """One target's report row as typed fields, in the documented column order (shared by CSV and JSON)."""
    plan, target = report.plan, row.target
    area = plan.area(target.area) if target.area else None
    by_city: dict[City, Benchmark] = {benchmark.city: benchmark for benchmark in row.benchmarks}
    record: dict[str, Any] = {
        "target": target.id,
        "as_of": report.as_of.isoformat(),
        "area": target.area,
        "area_title_zh": area.title_zh if area else None,
        "area_title_en": area.title_en if area else None,
        "title_zh": target.title_zh,
        "title_en": target.title_en,
        "kind": target.kind.value,
        "unit": target.unit,
        "direction": target.direction.value,
    }
    record |= figure_fields(
        target, "baseline", Figure.from_plan(target.baseline) if target.baseline else None
    )
    del record["baseline_origin"]
    record |= figure_fields(target, "current", row.current)
    record |= {
        "target_value": True if target.kind is Kind.MILESTONE else target.target,
        "target_strict": target.target_strict,
        "deadline": target.deadline.isoformat() if target.deadline else None,
        "days_left": row.pace.days_left,
        "progress_pct": json_number(row.progress, 2),
        "gap_to_target": json_number(row.gap_to_target, 6),
    }
    for city in BENCHMARK_CITIES:
        benchmark = by_city.get(city)
        record |= figure_fields(target, city.value, benchmark.figure if benchmark else None)
        record[f"{city.value}_gap"] = json_number(benchmark.gap, 6) if benchmark else None
        record[f"{city.value}_related"] = target.is_related(city)
    record |= {
        "frontier_city": row.frontier.city.value if row.frontier else None,
        "gap_to_frontier": json_number(row.frontier.gap, 6) if row.frontier else None,
        "score": json_number(row.score.value, 2),
        "score_frontier": row.score.frontier,
        "score_frontier_source": row.score.frontier_source,
        "score_worst": row.score.worst,
        "score_worst_source": row.score.worst_source,
        "weight": json_number(row.weight, 6) if target.kind is not Kind.CONTEXT else None,
        "needed_per_day": json_number(row.pace.needed_per_day, 6),
        "observed_per_day": json_number(row.pace.observed_per_day, 6),
        "projected": json_number(row.pace.projected, 6),
        "status": row.status.value if row.status else None,
        "achieved_on": str(row.achieved_on) if row.achieved_on else None,
        "stale": row.stale,
    }
    return whole_numbers(record)


# The status CSV's columns, in order; documented in the README and pinned by the tests.
STATUS_COLUMNS: Final = (
    "target",
    "as_of",
    "area",
    "area_title_zh",
    "area_title_en",
    "title_zh",
    "title_en",
    "kind",
    "unit",
    "direction",
    "baseline",
    "baseline_as_of",
    "baseline_period",
    "baseline_qualifier",
    "current",
    "current_as_of",
    "current_period",
    "current_qualifier",
    "current_origin",
    "target_value",
    "target_strict",
    "deadline",
    "days_left",
    "progress_pct",
    "gap_to_target",
    "guangzhou",
    "guangzhou_as_of",
    "guangzhou_period",
    "guangzhou_qualifier",
    "guangzhou_origin",
    "guangzhou_gap",
    "guangzhou_related",
    "shenzhen",
    "shenzhen_as_of",
    "shenzhen_period",
    "shenzhen_qualifier",
    "shenzhen_origin",
    "shenzhen_gap",
    "shenzhen_related",
    "frontier_city",
    "gap_to_frontier",
    "score",
    "score_frontier",
    "score_frontier_source",
    "score_worst",
    "score_worst_source",
    "weight",
    "needed_per_day",
    "observed_per_day",
    "projected",
    "status",
    "achieved_on",
    "stale",
)


# Who owns each target, after the status columns where the workspace declares owners (Reporting round)
OWNER_COLUMNS: Final = ("owner", "co_owners")


def json_bytes(document: Any) -> bytes:
    """A document as gdz writes JSON: strict (no NaN), UTF-8 as it reads, indented, ending in a newline."""
    return (json.dumps(document, ensure_ascii=False, allow_nan=False, indent=2) + "\n").encode("utf-8")


def _plan_meta(plan: Plan) -> dict[str, Any]:
    meta = plan.meta
    source = plan.sources.get(meta.source)
    return {
        "title_zh": meta.title_zh,
        "title_en": meta.title_en,
        "issuer_zh": meta.issuer_zh,
        "issuer_en": meta.issuer_en,
        "issued": str(meta.issued),
        "policies": meta.policies,
        "source": {
            "publisher": source.publisher,
            "title": source.title,
            "published": str(source.published) if source.published else None,
        }
        if source
        else None,
        "quote": meta.quote,
    }


# --- status -------------------------------------------------------------------------------------


def export_status(report: StatusReport, fmt: str, lang: str, history: History | None = None,
                  owners: Mapping[str, Mapping[str, str | None]] | None = None,
                  moved: Movement | None = None) -> bytes:  # fmt: skip
    """The status report in `fmt`; `lang` is the reader's (zh or en) or CODES for CSV and .xlsx. `history`:
    the log's series, for the trends and charts of HTML. `owners`: by target, its `owner` and `co_owners`,
    two more columns where the workspace declares owners; `moved`: what moved since an earlier day, in the
    columns after all these (CSV, xlsx, JSON) and in JSON's `movement`."""
    rows = [status_record(report, row) for row in report.all_targets()]
    columns: tuple[str, ...] = STATUS_COLUMNS
    if owners is not None:
        columns = (*STATUS_COLUMNS, *OWNER_COLUMNS)
        rows = [row | {column: owners.get(row["target"], {}).get(column) for column in OWNER_COLUMNS}
                for row in rows]  # fmt: skip
    if moved is not None:
        from .movement_fields import SINCE_COLUMNS, since_record

        rows = [record | since_record(moved.of(record["target"])) for record in rows]
        columns += SINCE_COLUMNS
    if fmt == "csv":
        return _records_csv(report.plan, columns, rows, lang)
    if fmt == "xlsx":
        from .workbook import status_workbook

        return status_workbook(report, columns, rows, lang, moved)
    if fmt == "json":
        since = {"since": moved.since.isoformat()} if moved is not None else {}
        document = {"schema_version": SCHEMA_VERSION, "generator": f"gdz {__version__}",
                    "as_of": report.as_of.isoformat(), **since, "plan": _plan_meta(report.plan),
                    "method": METHOD, "summary": summary_fields(report), "targets": rows}  # fmt: skip
        if moved is not None:
            from .movement_fields import movement_fields

            document["movement"] = movement_fields(moved)
        return json_bytes(document)
    reader = "en" if lang == CODES else lang
    if fmt == "md":
        from .markdown import status_markdown

        return status_markdown(report, reader, moved).encode("utf-8")
    if fmt == "html":
        from .html import status_html

        return status_html(report, history or History({}), reader, moved).encode("utf-8")
    from .summary import summary_picture

    return picture_bytes(summary_picture(report, reader, moved), fmt)


def summary_fields(report: StatusReport) -> dict[str, Any]:
    """The whole plan's and each area's scores with their coverage, and the counts by status."""
    return {
        "plan": _aggregate_fields(report.aggregate),
        "areas": {area.area_id: _aggregate_fields(area.aggregate) for area in report.areas},
        "counts": {status.value: count for status, count in report.counts.items()},
    }


def _aggregate_fields(aggregate: Aggregate) -> dict[str, Any]:
    return {
        "score": json_number(aggregate.score, 2),
        "mean_with_data": json_number(aggregate.mean_with_data, 2),
        "targets_with_data": aggregate.scored,
        "targets": aggregate.total,
    }


def _records_csv(plan: Plan, columns: Sequence[str], records: Sequence[dict[str, Any]], lang: str) -> bytes:
    """UTF-8 with a BOM (what Excel needs to read Chinese), RFC 4180 line ends; in Chinese for a Chinese
    reader, else the stable codes and column names scripts and `gdz import` rely on."""
    lang = lang if lang == "zh" else CODES
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(tuple(columns), lang))
    writer.writerows([csv_cell(plan, record, column, lang) for column in columns] for record in records)
    return (BOM + buffer.getvalue()).encode("utf-8")


# --- entries and targets ------------------------------------------------------------------------


# The entries' columns: what `gdz export entries` writes and `gdz import` reads back, in either language.
ENTRY_COLUMNS: Final = ("id", "target", "city", "date", "value", "qualifier", "unit", "note", "source",
                        "recorded_by", "recorded_at")  # fmt: skip


def entry_record(plan: Plan, entry: Entry) -> dict[str, Any]:
    target = plan.target(entry.target)
    return {
        "id": entry.id,
        "target": entry.target,
        "city": entry.city.value,
        "date": entry.date.isoformat(),
        "value": entry.value if isinstance(entry.value, bool) else json_number(entry.value),
        "qualifier": entry.qualifier.value if entry.qualifier else None,
        "unit": target.unit if target is not None else None,
        "note": entry.note,
        "source": entry.source,
        "recorded_by": entry.recorded_by,
        "recorded_at": entry.recorded_at.isoformat(),
    }


def export_entries(plan: Plan, entries: Sequence[Entry], fmt: str, lang: str) -> bytes:
    records = [entry_record(plan, entry) for entry in entries]
    if fmt == "csv":
        return _records_csv(plan, ENTRY_COLUMNS, records, lang)
    if fmt == "xlsx":
        from .workbook import plain_workbook

        return plain_workbook(plan, "entries", ENTRY_COLUMNS, records, lang)
    if fmt == "json":
        return json_bytes(
            {"schema_version": SCHEMA_VERSION, "generator": f"gdz {__version__}", "entries": records}
        )
    reader = "en" if lang == CODES else lang
    if fmt == "md":
        from .markdown import entries_markdown

        return entries_markdown(plan, entries, reader).encode("utf-8")
    return _table_document(plan, "entries", ENTRY_COLUMNS, records, reader, fmt)


def export_targets(plan: Plan, area: str | None, fmt: str, lang: str) -> bytes:
    targets = select_targets(plan, area=area)
    records = [_target_record(plan, target) for target in targets]
    if fmt == "csv":
        return _records_csv(plan, TARGET_COLUMNS, records, lang)
    if fmt == "xlsx":
        from .workbook import plain_workbook

        return plain_workbook(plan, "targets", TARGET_COLUMNS, records, lang)
    if fmt == "json":
        return json_bytes(
            {
                "schema_version": SCHEMA_VERSION,
                "generator": f"gdz {__version__}",
                "plan": _plan_meta(plan),
                "targets": records,
            }
        )
    reader = "en" if lang == CODES else lang
    if fmt == "md":
        from .markdown import targets_markdown

        return targets_markdown(plan, targets, reader).encode("utf-8")
    columns = ("area", "target", f"title_{reader}", "kind", "unit", "baseline", "baseline_as_of",
               "target_value", "deadline", "guangzhou", "shenzhen")  # fmt: skip
    return _table_document(plan, "targets", columns, records, reader, fmt)


def _table_document(
    plan: Plan, what: str, columns: Sequence[str], records: Sequence[dict[str, Any]], lang: str, fmt: str
) -> bytes:
    """Entries or targets as an HTML document, or as a picture of their table (SVG, PNG)."""
    title = f"{plan.meta.title(lang)} · {word('xlsx.' + what, lang)}"
    heads = header(tuple(columns), lang)
    cells = (shown_cell(plan, record, column, lang) for record in records for column in columns)
    shown = [printable(cell) for cell in cells]  # a note's escape would act on a screen or break a picture
    rows = [shown[start : start + len(columns)] for start in range(0, len(shown), len(columns))]
    numeric = {n for n, column in enumerate(columns) if cell_kind(column).kind in ("figure", "number")}
    if fmt == "html":
        from .html import table_html

        return table_html(title, lang, heads, rows, numeric).encode("utf-8")
    from .summary import table_picture

    return picture_bytes(table_picture(title, lang, heads, rows, numeric), fmt)


TARGET_COLUMNS: Final = ("area", "target", "title_zh", "title_en", "kind", "unit", "direction", "baseline",
                          "baseline_as_of", "baseline_period", "baseline_qualifier", "baseline_source",
                          "baseline_quote", "target_value", "target_strict", "deadline", "guangzhou",
                          "guangzhou_as_of", "guangzhou_period", "guangzhou_qualifier",
                          "guangzhou_related", "guangzhou_source", "guangzhou_quote", "shenzhen",
                          "shenzhen_as_of", "shenzhen_period", "shenzhen_qualifier", "shenzhen_related",
                          "shenzhen_source", "shenzhen_quote", "source", "quote")  # fmt: skip


def _target_record(plan: Plan, target: Target) -> dict[str, Any]:
    record: dict[str, Any] = {
        "area": target.area,
        "target": target.id,
        "title_zh": target.title_zh,
        "title_en": target.title_en,
        "kind": target.kind.value,
        "unit": target.unit,
        "direction": target.direction.value,
    }
    record |= _observation_fields(target, "baseline", target.baseline)
    record |= {
        "target_value": True if target.kind is Kind.MILESTONE else target.target,
        "target_strict": target.target_strict,
        "deadline": target.deadline.isoformat() if target.deadline else None,
    }
    for city in BENCHMARK_CITIES:
        record |= _observation_fields(target, city.value, target.benchmarks.get(city))
        record[f"{city.value}_related"] = target.is_related(city)
    record |= {"source": target.source, "quote": target.quote}
    return whole_numbers(record)


def _observation_fields(target: Target, prefix: str, observation: Any) -> dict[str, Any]:
    return {
        prefix: _value(target, observation.value) if observation else None,
        **_when(prefix, observation.as_of if observation else None),
        f"{prefix}_qualifier": observation.qualifier.value if observation and observation.qualifier else None,
        f"{prefix}_source": observation.source if observation else None,
        f"{prefix}_quote": observation.quote if observation else None,
    }
