"""The documents where they go: workbooks printed (print settings read back, the cover on one page at a
readable size, as LibreOffice prints it to PDF), "Save as CSV" of the entries workbook imported back
byte-identical, the briefing printed by Chromium and read on a phone 390 px wide, and the same words for
milestones, bounds and related measures in every export."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from .conftest import ROOT, Gdz

LATER = {"GDZ_TODAY": "2026-12-01"}  # after every published figure


def _soffice() -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui): workbooks are not "
                    "printed or saved as CSV by it here")  # fmt: skip
    return soffice


def _chromium() -> str:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        pytest.skip("Chromium is not installed (apt-get install chromium): the briefing is not printed or laid "
                    "out at phone width here")  # fmt: skip
    return chromium


def _pdftotext() -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip(
            "pdftotext is not installed (apt-get install poppler-utils): the PDF is not read back here"
        )


def _convert(soffice: str, tmp_path: Path, path: Path, target: str) -> Path:
    """LibreOffice's own conversion, as "Save as" does it: to PDF, or to CSV of the sheet a workbook opens on."""
    out = tmp_path / f"out-{target.split(':', maxsplit=1)[0]}"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", target,
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180,
                   env={**os.environ, "LANG": "C.UTF-8"})  # fmt: skip
    return next(out.iterdir())


@pytest.fixture
def published(gdz: Gdz) -> dict[str, str]:
    result = gdz("import", str(ROOT / "data" / "published.csv"), env=LATER)
    assert result.exit_code == 0, result
    return LATER


# --- workbooks: print settings read back ----------------------------------------------------------------------


@pytest.mark.parametrize("what", ["status", "entries", "targets"])
def test_every_sheet_prints_on_a4_at_its_pages_width_with_its_header_on_every_page(
    gdz: Gdz, fixture_env: Path, tmp_path: Path, what: str
) -> None:
    path = tmp_path / f"{what}.xlsx"
    assert gdz("export", what, "-o", str(path), "--lang", "zh").exit_code == 0
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert setup.paperSize == 9 and sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert setup.fitToWidth in (None, 1)  # 1 is the file format's default: left out
        if sheet.title == "概览":  # the cover: one page, upright
            assert setup.orientation == "portrait" and setup.fitToHeight in (None, 1)
        else:  # a table: as many pages down as it needs, each with the header row
            assert setup.orientation == "landscape" and setup.fitToHeight == 0
            assert sheet.print_title_rows == "$1:$1", sheet.title


def test_the_entries_workbook_opens_on_its_entries_with_ids_whole_and_times_as_times(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    path = tmp_path / "entries.xlsx"
    assert gdz("export", "entries", "-o", str(path)).exit_code == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "Entries" and book.active.title == "Entries"  # "Save as CSV" saves these
    sheet = book["Entries"]
    header = [cell.value for cell in sheet[1]]
    moments = [row[header.index("Recorded at")] for row in sheet.iter_rows(min_row=2)]
    assert all(isinstance(cell.value, __import__("datetime").datetime) for cell in moments)
    assert moments[0].number_format.startswith("yyyy-mm-dd hh:mm:ss") and '"+' in moments[0].number_format
    ids = [str(row[0].value) for row in sheet.iter_rows(min_row=2)]
    width = sheet.column_dimensions["A"].width
    assert width >= max(len(value) for value in ids) * 1.15  # a capital in Calibri: about 1.15 widths of "0"


def test_the_cover_is_laid_out_to_print_on_one_page_without_shrinking(
    gdz: Gdz, published: dict[str, str], tmp_path: Path
) -> None:
    from gdz_targets.output.workbook import COVER_WIDTHS, POINTS_PER_WIDTH, PORTRAIT_POINTS

    path = tmp_path / "status.xlsx"
    assert gdz("export", "status", "-o", str(path), "--lang", "zh", env=published).exit_code == 0
    cover = openpyxl.load_workbook(path)["概览"]
    heights = [cover.row_dimensions[row].height or 15 for row in range(1, cover.max_row + 1)]
    width, height = PORTRAIT_POINTS
    assert sum(heights) <= height and sum(COVER_WIDTHS) * POINTS_PER_WIDTH <= width  # printed at 100%
    lists = {cover.cell(row, 1).value: cover.cell(row, 2) for row in range(1, cover.max_row + 1)}
    past_due = lists["已过期限"]
    assert past_due.alignment.wrap_text and f"B{past_due.row}:F{past_due.row}" in cover.merged_cells
    assert past_due.value.count("、") >= 8  # every name, wrapped across the page, never one tall cell
    assert cover.row_dimensions[past_due.row].height >= 2 * 17


def test_libreoffice_prints_the_cover_on_one_page_in_text_of_ten_points_or_more(
    gdz: Gdz, published: dict[str, str], tmp_path: Path
) -> None:
    soffice = _soffice()
    _pdftotext()
    path = tmp_path / "status.xlsx"
    assert gdz("export", "status", "-o", str(path), "--lang", "zh", env=published).exit_code == 0
    pdf = _convert(soffice, tmp_path, path, "pdf")
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout  # fmt: skip
    second = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True, text=True,
                            check=True).stdout  # fmt: skip
    assert "来源" in first and "得分如何计算" in first and "来源" not in second  # the cover on its own page
    sizes = [float(top) - float(bottom) for bottom, top in
             re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', first)]  # fmt: skip
    assert sizes and min(sizes) >= 10, min(sizes)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_save_as_csv_of_the_entries_workbook_imports_back_byte_identical(
    gdz: Gdz, published: dict[str, str], tmp_path: Path, lang: str
) -> None:
    soffice = _soffice()
    gdz("log", "e-licence-top100", "92.5", "--date", "2024-06-30", "--note", "含 ≥ 与 %", env=published)
    gdz("log", "land-approval-cut", "45%以上", "--date", "2024-06-30", env=published)
    log = Path(os.environ["GDZ_HOME"]) / "progress.toml"
    before = log.read_bytes()
    workbook = tmp_path / "entries.xlsx"
    assert gdz("export", "entries", "-o", str(workbook), "--lang", lang, env=published).exit_code == 0
    saved = _convert(soffice, tmp_path, workbook, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true")
    again = gdz("import", str(saved), env=published)
    assert again.exit_code == 0 and re.search(
        r"imported 0 entries \(18 already in the log\)\n$", again.stdout
    )
    assert log.read_bytes() == before  # nothing new, nothing changed
    exported = gdz("export", "entries", "-f", "csv", env=published).stdout_bytes
    fresh = {**published, "GDZ_LEDGER": str(tmp_path / "fresh.toml")}
    assert gdz("import", str(saved), env=fresh).exit_code == 0
    assert gdz("export", "entries", "-f", "csv", env=fresh).stdout_bytes == exported
    direct = {**published, "GDZ_LEDGER": str(tmp_path / "direct.toml")}  # the workbook itself, too
    assert gdz("import", str(workbook), env=direct).exit_code == 0
    assert gdz("export", "entries", "-f", "csv", env=direct).stdout_bytes == exported


# --- the briefing in Chromium ----------------------------------------------------------------------------------


def _briefing(gdz: Gdz, env: dict[str, str], tmp_path: Path, lang: str) -> Path:
    path = tmp_path / f"briefing-{lang}.html"
    assert gdz("export", "status", "-o", str(path), "--lang", lang, env=env).exit_code == 0
    return path


def _laid_out(chromium: str, path: Path, width: int) -> dict[str, float]:
    """Where things land in a viewport `width` px wide: the page's scroll width and the right edge of every
    cell that must show (target, figure, score, status) and of those that give way, read back from the laid-out
    page. The page is framed at that width, since a headless window is never narrower than 500 px."""
    import html
    import json

    probe = """<script>addEventListener('load', () => {
      const right = s => Math.max(0, ...[...document.querySelectorAll(s)].filter(e => e.offsetParent)
                                   .map(e => e.getBoundingClientRect().right));
      parent.postMessage(JSON.stringify({scroll: document.documentElement.scrollWidth, view: innerWidth,
        cells: right('td:not(.series):not(.city)'), hidden: right('td.series, td.city')}), '*');
    });</script>"""
    framed = path.with_suffix(".probe.html")
    framed.write_text(
        path.read_text(encoding="utf-8").replace("</body>", probe + "</body>"), encoding="utf-8"
    )
    frame = path.with_suffix(".frame.html")
    frame.write_text(f"""<!DOCTYPE html><html><body style="margin:0">
      <iframe src="{framed.name}" style="width:{width}px;height:900px;border:0"></iframe>
      <script>addEventListener('message', e => {{ document.body.dataset.probe = e.data; }});</script>
      </body></html>""", encoding="utf-8")  # fmt: skip
    dom = subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                          f"--window-size={max(width, 500) + 40},900", "--virtual-time-budget=5000", "--dump-dom",
                          frame.as_uri()], capture_output=True, text=True, timeout=120, check=True).stdout  # fmt: skip
    found = re.search(r'data-probe="([^"]*)"', dom)
    assert found, dom[-500:]
    laid = dict(json.loads(html.unescape(found.group(1))))
    assert laid["view"] == width, laid
    return laid


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_a_phone_the_briefing_keeps_target_figure_score_and_status_in_view(
    gdz: Gdz, published: dict[str, str], tmp_path: Path, lang: str
) -> None:
    chromium = _chromium()
    gdz("log", "hotline-resolution-rate", "96.5", "--date", "2025-12-31", env=published)
    phone = _laid_out(chromium, _briefing(gdz, published, tmp_path, lang), 390)
    assert phone["scroll"] <= 390 and 300 < phone["cells"] <= 390, phone
    assert (
        phone["hidden"] == 0
    )  # the trend and the cities' columns gave way: their figures are under Dongguan's
    desktop = _laid_out(chromium, _briefing(gdz, published, tmp_path, lang), 1280)
    assert desktop["hidden"] > 0 and desktop["scroll"] <= 1280


def test_the_briefing_prints_compactly_charts_several_to_a_page(
    gdz: Gdz, published: dict[str, str], tmp_path: Path
) -> None:
    chromium = _chromium()
    _pdftotext()
    path = _briefing(gdz, published, tmp_path, "zh")
    pdf = tmp_path / "briefing.pdf"
    subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", path.as_uri()], capture_output=True, timeout=120, check=True)  # fmt: skip
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[:-1]
    charts = path.read_text(encoding="utf-8").count("<figure>")
    assert charts >= 5 and len(pages) <= 8, len(pages)
    legend = next(page for page in pages if "阅读说明" in page)
    assert "已达成" in legend.split("阅读说明", 1)[1]  # the legend's heading with its contents, never alone
    assert len(pages[-1].split()) > 12  # the last page is more than the footer
    first_chart = next(number for number, page in enumerate(pages) if "\n图表\n" in f"\n{page}")
    assert len(pages) - first_chart <= -(-charts // 2) + 1  # two or more charts to a page


def test_the_trend_line_is_scaled_to_its_figures_not_from_zero() -> None:
    from gdz_targets.output.html import sparkline

    svg = sparkline([82.0, 88.0], None, width=96, height=22)
    ys = [float(y) for y in re.findall(r",([\d.]+)", re.search(r'points="([^"]+)"', svg).group(1))]  # type: ignore[union-attr]
    assert ys[0] - ys[1] >= 15  # 82 → 88 rises across most of the 22 px, not a flat line at the top
    level = sparkline([82.0, 88.0], 100.0)
    assert 'y1="2.0"' in level  # the target, the highest, at the top; the figures below it


# --- the same words everywhere -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "svg", "md"])
def test_the_targets_export_keeps_bounds_related_marks_and_says_required(gdz: Gdz, fmt: str) -> None:
    text = gdz("export", "targets", "-f", fmt, "--lang", "zh", "--area", "2").stdout
    assert ">1000" in text.replace("&gt;", ">")  # 突破1000项: more than 1000, as the plan says
    assert "≈" in text  # Shenzhen's licence figure measures something related
    assert "须完成" in text and "已完成" not in text  # what a milestone asks, not that it is done


def test_the_csv_says_what_a_milestone_asks_in_words_and_scripts_keep_their_codes(
    gdz: Gdz, fixture_env: Path
) -> None:
    import csv
    import io

    words = {row["指标"]: row for row in csv.DictReader(io.StringIO(
        gdz("export", "status", "-f", "csv", "--lang", "zh").stdout.lstrip("\ufeff")))}  # fmt: skip
    assert words["hotline"]["目标值"] == "须完成" and words["hotline"]["最新值"] == "已完成"
    codes = {row["target"]: row for row in csv.DictReader(io.StringIO(
        gdz("export", "status", "-f", "csv", "--codes").stdout.lstrip("\ufeff")))}  # fmt: skip
    assert codes["hotline"]["target_value"] == "done"  # unchanged for scripts: the state asked for


def test_an_area_without_data_scores_zero_in_every_report(gdz: Gdz) -> None:
    text = gdz("export", "status", "-f", "md", "--lang", "zh").stdout  # the shipped plan, nothing logged
    assert "## 1. 对标广深与问题闭环 — 得分 0 · 8 项中 0 项有数据" in text
