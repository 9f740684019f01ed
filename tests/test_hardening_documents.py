"""The documents gdz writes, given hostile text, fonts, dates and sizes: links only to http(s), Markdown that
shows text and runs nothing, a damaged font named in one line, the years 1 and 9999 on a chart, a table picture
of 10,000 rows cut to what a chat window holds, and megabytes of text that slow nothing down."""

from __future__ import annotations

import json
import os
import re
import struct
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gdz_targets.domain.model import City, Entry, History, Plan, Series
from gdz_targets.store.plan_file import load_plan

from .conftest import FIXTURE_LOG, FIXTURE_PLAN, ROOT, Gdz, run_gdz_process

PLAN = load_plan(FIXTURE_PLAN)
NOW = datetime(2025, 1, 5, 1, 0, tzinfo=UTC)
SVG = "{http://www.w3.org/2000/svg}"
DOCUMENTED_EXIT_CODES = {0, 1, 2, 3, 4}


def _entry(number: int, target: str, day: date, value: float, city: City = City.DONGGUAN,
           note: str | None = None, source: str | None = None) -> Entry:  # fmt: skip
    return Entry(f"01JGSZKPM0{number:016d}", target, city, day, value, "tester", NOW, note, source)


def _history(entries: Sequence[Entry]) -> History:
    """A history built in the domain, not read from a log: a log reader may refuse what is built here."""
    grouped: dict[tuple[str, City], list[Entry]] = {}
    for entry in sorted(entries, key=lambda entry: entry.date):
        grouped.setdefault((entry.target, entry.city), []).append(entry)
    return History(
        {
            key: Series([entry.date.toordinal() for entry in found], [float(entry.value) for entry in found])
            for key, found in grouped.items()
        }
    )


class Document(HTMLParser):
    """What a rendered document holds: its tags with their attributes, its links, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _read(html: str) -> Document:
    document = Document()
    document.feed(html)
    document.close()
    return document


# --- F. links in the briefing ----------------------------------------------------------------------------------

HOSTILE_URLS = (
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "JAVASCRIPT:alert(document.cookie)",
    "\tjavascript:alert(1)",
    "java\tscript:alert(1)",  # browsers drop the tab: still javascript:
    "data:text/html,<script>alert(1)</script>",
    "DATA:image/svg+xml;base64,PHN2Zz4=",
    "vbscript:msgbox(1)",
    " VBScript:msgbox(1)",
    "//evil.example/x",  # no scheme: the page's own, whatever that is
    "https://example.org/x onmouseover=alert(1)",
    'https://example.org/" onmouseover="alert(1)',
)


def _plan_with_url(url: str) -> Plan:
    sources = {**PLAN.sources, "fixture": PLAN.sources["fixture"]._replace(url=url)}
    return PLAN._replace(sources=sources)


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_source_address_that_is_not_http_is_text_not_a_link(url: str) -> None:
    from gdz_targets.domain.status import status_report
    from gdz_targets.output.html import status_html

    plan = _plan_with_url(url)
    history = _history([_entry(1, "pass-rate", date(2025, 3, 31), 75)])
    document = _read(status_html(status_report(plan, history, date(2025, 6, 30)), history, "zh"))
    assert document.links == []  # no link at all: the plan's one source is not http(s)
    assert url.strip() in "".join(document.text)  # shown, as text, for a reader to judge
    for _tag, attributes in document.tags:
        assert "onmouseover" not in attributes


@pytest.mark.parametrize(
    "url", ["https://www.gov.cn/zhengce/a.htm?id=1&t=2", "http://example.org/x", "HTTPS://EXAMPLE.ORG/"]
)
def test_a_source_address_that_is_http_stays_a_link(url: str) -> None:
    from gdz_targets.domain.status import status_report
    from gdz_targets.output.html import status_html

    history = _history([])
    document = _read(
        status_html(status_report(_plan_with_url(url), history, date(2025, 6, 30)), history, "en")
    )
    assert document.links and set(document.links) == {url}


def test_a_plan_with_a_javascript_address_gives_no_live_link(gdz: Gdz, tmp_path: Path) -> None:
    """Refused by the plan's own check (exit 3), or shown as text: never a link that runs."""
    plan = tmp_path / "plan.toml"
    text = FIXTURE_PLAN.read_text(encoding="utf-8")
    plan.write_text(
        text.replace("published = 2023-09-01\n", 'published = 2023-09-01\nurl = " JavaScript:alert(1)"\n', 1),
        encoding="utf-8",
    )
    result = gdz(
        "export", "status", "-f", "html", env={"GDZ_PLAN": str(plan), "GDZ_LEDGER": str(FIXTURE_LOG)}
    )
    assert result.exit_code in (0, 3), result
    if result.exit_code == 0:
        assert _read(result.stdout_bytes.decode("utf-8")).links == []
    else:
        assert result.stderr.startswith("gdz: ")


# --- G. Markdown shows text and runs nothing -----------------------------------------------------------------------

HOSTILE_TEXT = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) "
    "![x](http://evil.example/x.png) <http://evil.example> **bold** _it_ ~~gone~~ `code` $x$ | pipe \\ "
    "&lt;b&gt; [ref]: http://evil.example # end #"
)
# What rendering may make of gdz's own Markdown: tables, headings, ids in code, the score note in italics.
OWN_TAGS = {"table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "p", "code", "em"}


def _render(markdown: str) -> Document:
    """As GitHub renders it, raw HTML allowed (the worst case a pasted report meets)."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
    return _read(renderer.render(markdown))


def _inert(document: Document) -> None:
    tags = {tag for tag, _ in document.tags}
    assert tags <= OWN_TAGS, tags - OWN_TAGS  # no a, img, script, strong, s: nothing but gdz's own markup
    for _tag, attributes in document.tags:
        assert set(attributes) <= {"style"}, attributes  # alignment only: no src, href, onerror


def test_a_hostile_note_comes_out_of_markdown_as_text(gdz: Gdz, fixture_env: Path) -> None:
    logged = gdz(
        "log", "pass-rate", "80", "--date", "2025-05-01", "--note", HOSTILE_TEXT, "--source", "[s](x) *y*"
    )
    assert logged.exit_code == 0, logged
    markdown = gdz("export", "entries", "--format", "md").stdout_bytes.decode("utf-8")
    assert "<script>" not in markdown and "<img" not in markdown and "[x](javascript:" not in markdown
    document = _render(markdown)
    _inert(document)
    assert f"{HOSTILE_TEXT} · [s](x) *y*" in "".join(document.text)  # and it reads as it was typed


def _hostile_plan(text: str) -> Plan:
    """The fixture plan with `text` in every text a report shows: titles, units."""
    targets = tuple(
        target._replace(title_zh=text + target.title_zh, title_en=text + target.title_en)
        for target in PLAN.targets
    )
    areas = tuple(area._replace(title_zh=text, title_en=text) for area in PLAN.areas)
    units = {key: unit._replace(zh=unit.zh + text, en=unit.en + text) for key, unit in PLAN.units.items()}
    meta = PLAN.meta._replace(title_zh=text, title_en=text)
    return PLAN._replace(meta=meta, targets=targets, areas=areas, units=units)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_plan_texts_come_out_of_markdown_as_text(lang: str) -> None:
    from gdz_targets.domain.status import status_report
    from gdz_targets.output.markdown import status_markdown, targets_markdown

    plan = _hostile_plan(HOSTILE_TEXT)
    history = _history(
        [_entry(1, "pass-rate", date(2025, 3, 31), 75), _entry(2, "wait-days", date(2025, 3, 31), 9)]
    )
    for markdown in (
        status_markdown(status_report(plan, history, date(2025, 6, 30)), lang),
        targets_markdown(plan, plan.targets, lang),
    ):
        assert "<script>" not in markdown and "<img" not in markdown
        document = _render(markdown)
        _inert(document)
        assert HOSTILE_TEXT.strip() in "".join(document.text)


def test_the_status_export_escapes_plan_titles(gdz: Gdz, tmp_path: Path) -> None:
    """Through the command: a plan title with HTML and a link in it."""
    plan = tmp_path / "plan.toml"
    hostile = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) *a*"
    text = FIXTURE_PLAN.read_text(encoding="utf-8").replace('"Test plan (invented)"', json.dumps(hostile), 1)
    plan.write_text(text.replace('"Done in one visit"', json.dumps("Done " + hostile), 1), encoding="utf-8")
    result = gdz("export", "status", "--format", "md", "--lang", "en",
                 env={"GDZ_PLAN": str(plan), "GDZ_LEDGER": str(FIXTURE_LOG)})  # fmt: skip
    assert result.exit_code == 0, result
    document = _render(result.stdout_bytes.decode("utf-8"))
    _inert(document)
    assert "".join(document.text).count(hostile) == 2


@settings(max_examples=200, deadline=None)
@given(note=st.text(min_size=1, max_size=80))
def test_any_note_reads_back_from_markdown_and_runs_nothing(note: str) -> None:
    from gdz_targets.output.markdown import entries_markdown
    from gdz_targets.output.textwidth import printable

    markdown = entries_markdown(PLAN, [_entry(1, "pass-rate", date(2025, 3, 31), 75, note=note)], "en")
    document = _render(markdown)
    _inert(document)
    cells = _cells(markdown)
    assert cells[-1].strip() == printable(note).strip()


def _cells(markdown: str) -> list[str]:
    """The text of each cell of the last row, as rendered."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    row = html.rsplit("<tr>", 1)[1]
    cells = []
    for piece in row.split("<td")[1:]:
        cell = _read("<td" + piece.split("</td>")[0] + "</td>")
        cells.append("".join(cell.text))
    return cells


# --- 3. fonts: damaged, truncated, and the face of a collection ---------------------------------------------------


def _real_font() -> Path:
    """A font with Chinese found on this machine, else skip and say so."""
    from gdz_targets.domain.errors import UsageError
    from gdz_targets.output.drawing import chinese_font

    try:
        return chinese_font({})
    except UsageError:
        pytest.skip(
            "no font with Chinese on this machine (apt-get install fonts-noto-cjk): damaged fonts are made from "
            "a real one, so they are not tested here"
        )


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    """The tables of a font file's first face: tag -> (offset, length)."""
    start = struct.unpack(">I", data[12:16])[0] if data[:4] == b"ttcf" else 0
    count = struct.unpack(">H", data[start + 4 : start + 6])[0]
    found = {}
    for n in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[start + 12 + 16 * n : start + 28 + 16 * n])
        found[tag] = (offset, length)
    return found


def _face_names(path: Path) -> list[str]:
    from PIL import ImageFont

    names = []
    for index in range(64):
        try:
            names.append(str(ImageFont.truetype(str(path), 12, index=index).getname()[0]))
        except OSError:
            break
    return names


def _simplified_face(path: Path) -> int:
    names = _face_names(path)
    return next((n for n, name in enumerate(names) if name.endswith(" SC")), 0)


def _flipped(data: bytes, stride: int) -> bytes:
    """`data` with every `stride`-th byte of the middle of its glyph table inverted."""
    offset, length = _tables(data).get(b"CFF ") or _tables(data)[b"glyf"]
    damaged = bytearray(data)
    for index in range(offset + length // 5, offset + length * 4 // 5, stride):
        damaged[index] ^= 0xFF
    return bytes(damaged)


def _damaged_only_when_drawn(font: Path, folder: Path) -> Path:
    """A copy of `font` that opens, draws "东" (the check at opening) but not the fixture plan's title."""
    from PIL import Image, ImageDraw, ImageFont

    data = font.read_bytes()
    for stride in (101, 53, 211, 31, 997):
        damaged = folder / f"Damaged-{stride}{font.suffix}"
        damaged.write_bytes(_flipped(data, stride))
        index = _simplified_face(damaged)
        try:
            face = ImageFont.truetype(str(damaged), 24, index=index)
            if bytes(face.getmask("东")) == bytes(face.getmask("\U0010fffd")):
                continue
        except OSError:
            continue
        try:
            ImageDraw.Draw(Image.new("RGB", (900, 60))).text((0, 40), PLAN.meta.title_zh, font=face)
        except OSError:
            return damaged
    pytest.skip(f"no damage to {font} that only shows when drawing was found: that path is not tested here")


def _one_gdz_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("gdz: "), stderr
    return lines[0]


@pytest.mark.parametrize(
    "args",
    [
        ("chart", "pass-rate", "-o", "out.png", "--lang", "zh"),
        ("export", "status", "-o", "out.png", "--lang", "zh"),
    ],
)
def test_a_font_damaged_where_glyphs_are_drawn_is_named_in_one_line(
    fixture_env: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    damaged = _damaged_only_when_drawn(_real_font(), tmp_path)
    result = run_gdz_process(*args, env={"GDZ_FONT": str(damaged)}, cwd=tmp_path, timeout=120)
    assert result.returncode == 2, result.stderr
    line = _one_gdz_line(result.stderr)
    assert str(damaged) in line and "svg" in line.lower()
    assert not (tmp_path / "out.png").exists()


def test_a_damaged_font_found_on_the_machine_is_named_too(
    gdz: Gdz, fixture_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No GDZ_FONT: the font gdz found itself is named the same way, and how to choose another."""
    from gdz_targets.output import drawing

    damaged = _damaged_only_when_drawn(_real_font(), tmp_path)
    monkeypatch.delenv("GDZ_FONT", raising=False)
    monkeypatch.setattr(drawing, "KNOWN_FONTS", (str(damaged),))
    result = gdz(
        "chart", "pass-rate", "-o", f"{tmp_path}/out.png", "--lang", "zh"
    )  # Chinese glyphs are damaged
    assert result.exit_code == 2, result
    line = _one_gdz_line(result.stderr)
    assert str(damaged) in line and "GDZ_FONT" in line and "svg" in line
    assert not (tmp_path / "out.png").exists()


def test_a_truncated_font_is_named_in_one_line(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    data = _real_font().read_bytes()
    for share in (0.02, 0.3, 0.6, 0.9, 0.97):
        cut = tmp_path / f"cut-{share}.ttc"
        cut.write_bytes(data[: int(len(data) * share)])
        result = gdz("chart", "pass-rate", "-o", f"{tmp_path}/out.png", env={"GDZ_FONT": str(cut)})
        assert result.exit_code in (0, 2), result
        if result.exit_code == 2:
            assert str(cut) in _one_gdz_line(result.stderr)


def test_a_damaged_bold_beside_a_good_regular_is_named(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    font = _real_font()
    regular = tmp_path / "Family-Regular.ttc"
    regular.symlink_to(font)
    bold = tmp_path / "Family-Bold.ttc"
    bold.write_bytes(font.read_bytes()[:4000])  # a bold that was never whole
    result = gdz("export", "status", "-o", f"{tmp_path}/out.png", env={"GDZ_FONT": str(regular)})
    assert result.exit_code == 2, result
    assert str(bold) in _one_gdz_line(result.stderr)
    assert not (tmp_path / "out.png").exists()


def test_a_folder_called_regular_is_not_taken_for_a_style(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    """GDZ_FONT in .../Regular/: the bold looked for beside it is in the same folder, not in .../Bold/."""
    font = _real_font()
    (tmp_path / "Regular").mkdir()
    (tmp_path / "Bold").mkdir()
    regular = tmp_path / "Regular" / "Family-Regular.ttc"
    regular.symlink_to(font)
    (tmp_path / "Bold" / "Family-Bold.ttc").write_bytes(b"not a font at all")
    result = gdz("chart", "pass-rate", "-o", f"{tmp_path}/out.png", env={"GDZ_FONT": str(regular)})
    assert result.exit_code == 0, result


def test_a_collection_is_drawn_with_its_simplified_chinese_face() -> None:
    from gdz_targets.output.drawing import preferred_face

    assert (
        preferred_face(["Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK SC", "Noto Sans CJK TC"]) == 2
    )
    assert preferred_face(["PingFang HK", "PingFang SC", "PingFang TC"]) == 1
    assert preferred_face(["Source Han Sans JP", "Source Han Sans Simplified Chinese"]) == 1
    assert preferred_face(["Hiragino Sans CNS", "Hiragino Sans GB W3"]) == 1
    assert preferred_face(["Microsoft YaHei", "Microsoft YaHei UI"]) == 0  # none says: the first
    assert preferred_face(["WenQuanYi Micro Hei", "WenQuanYi Micro Hei Mono"]) == 0
    assert preferred_face(["Scala Sans", "Gbuster"]) == 0  # SC and GB as words, not as letters of one


def test_the_noto_collection_draws_simplified_glyph_forms(tmp_path: Path) -> None:
    font = _real_font()
    names = _face_names(font)
    if not any(name.endswith(" SC") for name in names) or not names[0].endswith(" JP"):
        pytest.skip(
            f"{font} is not a collection whose first face is Japanese: the choice of face is not shown"
        )
    import io

    from PIL import Image, ImageDraw, ImageFont

    from gdz_targets.output.drawing import INK, SCALE, Label, Picture, open_font, to_png

    assert open_font(font, 24).getname()[0] == names[_simplified_face(font)]
    drawn = Image.open(
        io.BytesIO(to_png(Picture(40, 40, (Label(4, 30, "直", 24),), "zh", "直"), font))
    ).convert("RGB")

    def by_face(index: int) -> bytes:
        image = Image.new("RGB", (40 * SCALE, 40 * SCALE), "#ffffff")
        face = ImageFont.truetype(str(font), 24 * SCALE, index=index)
        ImageDraw.Draw(image).text((4 * SCALE, 30 * SCALE), "直", fill=INK, font=face, anchor="ls")
        return image.tobytes()

    assert (
        drawn.tobytes() == by_face(_simplified_face(font)) != by_face(0)
    )  # 直 differs in Japanese and Chinese


def _font_mutations(font: Path) -> st.SearchStrategy[tuple[list[tuple[int, int, int]], int | None]]:
    """Changes near where a reader starts: the table directory, and the start of every table."""
    data = font.read_bytes()
    starts = [0, *sorted(offset for offset, _ in _tables(data).values())]
    flips = st.lists(
        st.tuples(st.sampled_from(starts), st.integers(0, 4095), st.integers(1, 255)), max_size=24
    )
    return st.tuples(flips, st.none() | st.integers(0, len(data)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.too_slow])  # fmt: skip
@given(data=st.data())
def test_mutated_font_bytes_never_crash_or_hang(
    fixture_env: Path, tmp_path: Path, data: st.DataObject
) -> None:
    """The font reader, fuzzed as the plan and log readers are: no traceback, a documented exit code."""
    font = _real_font()
    changes, length = data.draw(_font_mutations(font))
    mutated = bytearray(font.read_bytes())
    for start, offset, mask in changes:
        if start + offset < len(mutated):
            mutated[start + offset] ^= mask
    path = tmp_path / "mutated.ttc"
    path.write_bytes(bytes(mutated[:length] if length is not None else mutated))
    for args in (
        ("export", "status", "-o", "out.png", "--lang", "zh"),
        ("chart", "pass-rate", "-o", "out.png"),
    ):
        result = run_gdz_process(*args, env={"GDZ_FONT": str(path)}, cwd=tmp_path, timeout=120)
        assert result.returncode in DOCUMENTED_EXIT_CODES, (args, result.returncode, result.stderr[-2000:])
        assert "Traceback" not in result.stderr, result.stderr[-2000:]
        if result.returncode:
            _one_gdz_line(result.stderr)


# --- 4. the years 1 and 9999 ----------------------------------------------------------------------------------------

EXTREME = [
    _entry(1, "pass-rate", date(1, 1, 1), 40),
    _entry(2, "pass-rate", date(9999, 12, 31), 80),
    _entry(3, "pass-rate", date(9999, 12, 31), 95, city=City.SHENZHEN),
    _entry(4, "pass-rate", date(1, 1, 1), 60, city=City.GUANGZHOU),
    _entry(5, "wait-days", date(1, 1, 1), 9),
    _entry(6, "space-started", date(9999, 12, 31), 500),
    _entry(7, "entities", date(1, 1, 1), 100),
]


@pytest.mark.parametrize("as_of", [date(1, 1, 1), date(1, 1, 2), date(2025, 6, 30), date(9999, 12, 31)])
def test_charts_and_the_briefing_draw_the_years_1_and_9999(as_of: date) -> None:
    from gdz_targets.domain.model import Kind
    from gdz_targets.domain.status import status_report
    from gdz_targets.output.chart import chart_file
    from gdz_targets.output.export import export_status
    from gdz_targets.output.html import status_html

    history = _history(EXTREME)
    report = status_report(PLAN, history, as_of)
    for lang in ("zh", "en"):
        assert "</html>" in status_html(report, history, lang)
        for fmt in ("svg", "md"):
            assert export_status(report, fmt, lang, history)
    drawn = 0
    for row in report.all_targets():
        points = history.of(row.target.id, City.DONGGUAN).points(as_of)
        if row.target.kind is Kind.MILESTONE:
            continue
        root = ElementTree.fromstring(chart_file(PLAN, row, points, as_of, "en", "svg"))
        labels = [element.text for element in root.iter(f"{SVG}text") if element.get("font-size") == "11"]
        assert len(labels) < 40  # a few years' or centuries' labels, not ten thousand
        drawn += 1
    assert drawn >= 4


def test_an_axis_from_year_1_to_9999_is_labelled_in_a_few_steps() -> None:
    from gdz_targets.output.chart import _periods

    periods = _periods(date(1, 1, 1), date(9999, 12, 31))
    assert 3 <= len(periods) <= 12
    assert periods[0][0] == date(1, 1, 1) and periods[-1][1] == date(9999, 12, 31)
    assert all(start < end for start, end, _ in periods)


def test_a_chart_png_draws_the_years_1_and_9999() -> None:
    font = _real_font()
    from gdz_targets.domain.status import status_report
    from gdz_targets.output.chart import chart_picture
    from gdz_targets.output.drawing import to_png

    history = _history(EXTREME)
    for as_of in (date(1, 1, 1), date(9999, 12, 31)):
        row = next(
            row for row in status_report(PLAN, history, as_of).all_targets() if row.target.id == "pass-rate"
        )
        points = history.of("pass-rate", City.DONGGUAN).points(as_of)
        assert to_png(chart_picture(PLAN, row, points, as_of, "zh"), font).startswith(b"\x89PNG")


# --- 5. big pictures, and text of megabytes -----------------------------------------------------------------------


def _big_log(path: Path, count: int) -> None:
    lines = [FIXTURE_LOG.read_text(encoding="utf-8")]
    for n in range(count):
        day = date(2024, 1, 1).toordinal() + n % 500
        lines.append(
            f'entry.01JGSZKPM0{n:016d} = {{target = "pass-rate", city = "dongguan", date = '
            f'{date.fromordinal(day).isoformat()}, value = {n % 100}, note = "第{n}条", by = "wang", '
            f"at = 2025-01-05T09:00:00+08:00}}\n"
        )
    path.write_text("".join(lines), encoding="utf-8")


def test_a_picture_of_10000_entries_is_cut_and_says_how_to_get_them_all(
    fixture_env: Path, tmp_path: Path
) -> None:
    from gdz_targets.output.summary import MOST_ROWS

    _big_log(fixture_env, 10_000)
    result = run_gdz_process("export", "entries", "-o", "e.svg", "--lang", "en", cwd=tmp_path, timeout=20)
    assert result.returncode == 0, result.stderr
    svg = (tmp_path / "e.svg").read_text(encoding="utf-8")
    root = ElementTree.fromstring(svg)
    texts = [element.text or "" for element in root.iter(f"{SVG}text")]
    assert sum(text.startswith("2024-") for text in texts) == MOST_ROWS
    said = [text for text in texts if "CSV" in text]  # how many there are, and how to get them all
    assert len(said) == 1 and re.search(rf"\b{MOST_ROWS}\b.*\b100[0-9][0-9]\b", said[0]), said
    assert float(root.get("height") or 0) < 2 * 24 * (MOST_ROWS + 6)
    _real_font()
    from PIL import Image

    result = run_gdz_process("export", "entries", "-o", "e.png", "--lang", "zh", cwd=tmp_path, timeout=20)
    assert result.returncode == 0, result.stderr
    picture = Image.open(tmp_path / "e.png")
    assert picture.height < 4 * 24 * (MOST_ROWS + 6) and picture.width < 4000


HUGE_SCRIPT = """
import io, json, sys, time
from datetime import date
from pathlib import Path
from tests.test_hardening_documents import PLAN, _entry, _history, _hostile_plan
from gdz_targets.domain.model import City, Kind
from gdz_targets.domain.status import status_report
from gdz_targets.output.chart import chart_file
from gdz_targets.output.export import export_entries, export_status

title = sys.argv[1] * 20_000
plan = _hostile_plan(title)
note = "备注<b>*x*</b> [a](b) " * 200_000  # about 4 MB as UTF-8
entries = [_entry(1, "pass-rate", date(2025, 3, 31), 75, note=note, source=note),
           _entry(2, "wait-days", date(2025, 3, 31), 9, note=note)]
history = _history(entries)
report = status_report(plan, history, date(2025, 6, 30))
formats = sys.argv[2].split(",")
sizes = {}
for fmt in formats:
    for lang in ("zh", "en"):
        started = time.monotonic()
        made = [export_status(report, fmt, lang, history), export_entries(plan, entries, fmt, lang)]
        for row in report.all_targets():
            if row.target.kind is not Kind.MILESTONE and fmt in ("svg", "png"):
                made.append(chart_file(plan, row, history.of(row.target.id, City.DONGGUAN).points(report.as_of),
                                       report.as_of, lang, fmt))
        if fmt == "png":
            from PIL import Image
            sizes[lang] = [Image.open(io.BytesIO(data)).size for data in made]
        sizes[fmt + lang] = time.monotonic() - started
print(json.dumps(sizes))
"""


@pytest.mark.parametrize("letter", ["长", "W", "<"])
def test_long_titles_and_megabyte_notes_slow_nothing(tmp_path: Path, letter: str) -> None:
    """A 20,000-character title, unit and area name, a note of megabytes: every document in seconds, every
    picture of a sensible size."""
    from gdz_targets.domain.errors import UsageError
    from gdz_targets.output.drawing import chinese_font

    formats = "md,html,svg"
    try:
        chinese_font({})
        formats += ",png"
    except UsageError:
        pass  # PNGs need a font with Chinese: said by the tests that skip for it
    run = subprocess.run([sys.executable, "-c", HUGE_SCRIPT, letter, formats], capture_output=True, text=True,
                         timeout=90, check=False, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])})  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    sizes = json.loads(run.stdout)
    for lang in ("zh", "en") if "png" in formats else ():
        for width, height in sizes[lang]:  # a table of 11 columns of 64 cells at most, a chart, a summary
            assert width <= 12_000 and height <= 6000 and width * height <= 30_000_000, sizes[lang]
