"""Since the last report in the documents people send: the workbook's cover and the briefing say the period and
what moved (本期变化) before the tables, the tables carry each target's change, the charts mark the earlier
day — in both languages, as LibreOffice and Chromium show them — and nothing of it without `--since`."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import NamedTuple

import openpyxl
import pytest

from .conftest import Gdz
from .test_documents_print import _chromium, _convert, _pdftotext, _soffice

SINCE = ("--since", "2025-03")


# What moved in the fixture's log between 2025-03-31 and its today, 2025-06-30, as the status screen says it.
class Moved(NamedTuple):
    period: str
    heading: str
    column: str
    lines: list[str]
    area: str
    cell: str
    mark: str


MOVED = {
    "en": Moved("2025-03-31 → 2025-06-30", "Change", "change",
                ["new figures for 4 targets", "newly stale 2: Done in one visit, Credit files",
                 "✔ newly met 1: Hotline upgrade", "score 21 → 43"],
                "32 → 48", "+26 pp · score +52", "since 2025-03-31"),
    "zh": Moved("2025年3月31日至6月30日", "本期变化", "较上期",
                ["4 项指标有新数据", "新增久未更新 2:一次办成率、信用档案", "✔ 新达成 1:热线升级", "全方案得分 21 → 43"],
                "32 → 48", "+26个百分点 · 得分+52", "上期 2025-03-31"),
}  # fmt: skip


def _cells(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[str]:
    return [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_workbook_cover_states_the_period_and_what_moved(gdz: Gdz, fixture_env: Path, lang: str) -> None:
    moved = MOVED[lang]
    assert gdz("export", "status", "-o", "report.xlsx", *SINCE, "--lang", lang).exit_code == 0
    book = openpyxl.load_workbook("report.xlsx")
    cover = _cells(book.worksheets[0])
    assert moved.period in cover and moved.heading in cover
    heading = cover.index(moved.heading)
    assert cover[heading + 1 : heading + 5] == moved.lines  # whole, in order, right under the heading
    assert moved.area in cover  # the area's score then → now beside its scores
    targets = book.worksheets[1]
    header = [cell.value for cell in targets[1]]
    assert header[-1] == ("Change" if lang == "en" else "较上期")
    changes = [row[-1].value for row in targets.iter_rows(min_row=2)]
    assert moved.cell in changes  # as the screen says it: no quote before a leading sign
    assert None in changes  # what did not move is not decorated


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_without_since_the_workbook_has_no_change(gdz: Gdz, fixture_env: Path, lang: str) -> None:
    assert gdz("export", "status", "-o", "report.xlsx", "--lang", lang).exit_code == 0
    book = openpyxl.load_workbook("report.xlsx")
    cover = _cells(book.worksheets[0])
    assert MOVED[lang].heading not in cover and MOVED[lang].period not in cover
    assert [cell.value for cell in book.worksheets[1][1]][-1] != MOVED[lang].column


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_briefing_says_what_moved_before_the_tables(gdz: Gdz, fixture_env: Path, lang: str) -> None:
    moved = MOVED[lang]
    html = gdz("export", "status", "-f", "html", *SINCE, "--lang", lang).stdout
    section = re.search(r'<section class="since">(.*?)</section>', html, re.S)
    assert section is not None and html.index(section.group(0)) < html.index("<table")
    assert f"<h2>{moved.heading}</h2>" in section.group(1)
    items = [re.sub("<[^>]+>", "", item) for item in re.findall("<li>(.*?)</li>", section.group(1))]
    assert items == moved.lines
    assert moved.period in html.split("<body>", 1)[1].split("</p>", 1)[0]  # under the title
    assert f'<th class="change">{moved.column}</th>' in html
    assert f'<td class="change">{moved.cell}</td>' in html and '<td class="change"></td>' in html
    assert moved.area in html and moved.mark in html  # the area's scores, and each chart's mark
    plain = gdz("export", "status", "-f", "html", "--lang", lang).stdout
    assert 'class="since"' not in plain and 'class="change"' not in plain and moved.mark not in plain


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_markdown_says_what_moved_and_each_change(gdz: Gdz, fixture_env: Path, lang: str) -> None:
    moved = MOVED[lang]
    text = gdz("export", "status", "-f", "md", *SINCE, "--lang", lang).stdout
    lines = text.splitlines()
    assert moved.period in lines[2]
    heading = lines.index(f"## {moved.heading}")
    assert lines[heading + 2 : heading + 6] == [f"- {line}" for line in moved.lines]
    assert any(line.startswith("## 1.") and moved.area in line for line in lines)
    assert any(line.endswith(f"| {moved.cell} |") for line in lines)
    table = next(line for line in lines if line.startswith("| ") and moved.column in line)
    assert table.endswith(f"| {moved.column} |")
    assert f"## {moved.heading}" not in gdz("export", "status", "-f", "md", "--lang", lang).stdout


@pytest.mark.parametrize("fmt", ["md", "html", "xlsx"])
def test_nothing_moved_is_said_once_in_every_document(gdz: Gdz, fixture_env: Path, fmt: str) -> None:
    result = gdz(
        "export", "status", "-f", fmt, "--since", "2025-06-30", "-o", f"report.{fmt}", "--lang", "zh"
    )
    assert result.exit_code == 0, result
    if fmt == "xlsx":
        cover = _cells(openpyxl.load_workbook("report.xlsx").worksheets[0])
        assert cover.count("未变") == 2  # each area's score then → now says so, never an empty cell
        text = "\n".join(cover)
    else:
        text = Path(f"report.{fmt}").read_text(encoding="utf-8")
    assert text.count("2025-06-30 以来无变化") == 1 and "得分+" not in text


def test_libreoffice_shows_the_cover_with_what_moved(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    soffice = _soffice()
    _pdftotext()
    path = tmp_path / "report.xlsx"
    assert gdz("export", "status", "-o", str(path), *SINCE, "--lang", "zh").exit_code == 0
    pdf = _convert(soffice, tmp_path, path, "pdf")
    cover = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout  # fmt: skip
    for said in ("报告期", MOVED["zh"].period, "本期变化", *MOVED["zh"].lines, "32 → 48"):
        assert said in cover, said
    every = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert MOVED["zh"].cell in every and "'+" not in every


def test_chromium_prints_the_briefing_with_what_moved(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    chromium = _chromium()
    _pdftotext()
    page = tmp_path / "report.html"
    assert gdz("export", "status", "-o", str(page), *SINCE, "--lang", "zh").exit_code == 0
    pdf = tmp_path / "report.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path}/c",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()], check=True,
                   capture_output=True, timeout=120)  # fmt: skip
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout  # fmt: skip
    for said in (MOVED["zh"].period, "本期变化", *MOVED["zh"].lines):
        assert said in first.replace("\n", ""), said


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_picture_states_the_period_and_what_moved(gdz: Gdz, fixture_env: Path, lang: str) -> None:
    moved = MOVED[lang]
    svg = gdz("export", "status", "-f", "svg", *SINCE, "--lang", lang).stdout
    said = " · ".join(line.removeprefix("✔ ") for line in moved.lines)  # no sign a picture's font may lack
    drawn = "".join(re.findall(r">([^<]*)</text>", svg)).replace(" ", "")  # its lines, wherever they fold
    assert moved.period in svg and said.replace(" ", "") in drawn and "✔" not in svg
    assert moved.area.replace(" ", "") in drawn  # an area's score then → now, as the screen says it
    assert moved.period not in gdz("export", "status", "-f", "svg", "--lang", lang).stdout
