"""The briefing: an HTML document that needs nothing outside itself, SVG pictures and charts that are sized
and offline, PNGs for chat — checked as a parser, an XML reader and, where Chromium is installed, a browser
would see them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gdz_targets.domain.model import City, Entry
from gdz_targets.store.plan_file import load_plan

from .conftest import ROOT, Gdz, assert_golden_bytes, history_of

SHIPPED_PLAN = load_plan(ROOT / "data" / "targets.toml")
NOW = datetime(2024, 1, 1, tzinfo=UTC)

SVG = "{http://www.w3.org/2000/svg}"


class Outline(HTMLParser):
    """What a document holds: its language, title, tables and headers, and every reference outward."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.title = ""
        self.tags: list[str] = []
        self.fetched: list[str] = []  # what a browser would load to show the page
        self.links: list[str] = []  # what a reader may follow
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.lang = found.get("lang")
        self._in_title = tag == "title" and "body" not in self.tags  # the document's, not a chart's
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")
        for key in ("src", "srcset", "data"):
            if found.get(key):
                self.fetched.append(found[key] or "")
        if tag in {"link", "script"}:
            self.fetched.append(str(found))

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


def _export(gdz: Gdz, *args: str) -> str:
    result = gdz("export", *args)
    assert result.exit_code == 0, result
    return result.stdout_bytes.decode("utf-8")


@pytest.mark.parametrize(
    ("lang", "html_lang", "title"), [("zh", "zh-CN", "测试方案(虚构)"), ("en", "en", "Test plan (invented)")]
)
def test_the_html_report_is_a_document_that_needs_nothing_outside_itself(
    gdz: Gdz, fixture_env: Path, lang: str, html_lang: str, title: str
) -> None:
    text = _export(gdz, "status", "-f", "html", "--lang", lang)
    outline = Outline()
    outline.feed(text)
    assert outline.lang == html_lang and outline.title == title
    assert outline.tags.count("table") == 3 and outline.tags.count("thead") == 3  # two areas and the context
    assert outline.fetched == []  # no script, stylesheet, image or font is loaded from anywhere
    assert not re.search(r"url\(|@import|@font-face", text)
    assert all(link.startswith(("http://", "https://")) for link in outline.links)  # only sources to follow
    assert "@media print" in text and "size: A4 landscape" in text
    assert text.count("<figure>") >= 4  # a chart for each target with Dongguan figures
    assert_golden_bytes(f"export-status-{lang}.html", text.encode("utf-8"), facts=(">70<", "pass-rate"))


def test_entries_and_targets_are_documents_too(gdz: Gdz, fixture_env: Path) -> None:
    for what in ("entries", "targets"):
        outline = Outline()
        outline.feed(_export(gdz, what, "-f", "html", "--lang", "zh"))
        assert outline.lang == "zh-CN" and outline.tags.count("table") == 1 and outline.fetched == []


def _svg(text: str) -> ElementTree.Element:
    root = ElementTree.fromstring(text)  # well-formed, or this raises
    assert root.tag == f"{SVG}svg"
    assert (
        root.get("width")
        and root.get("height")
        and root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    )
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") in ("zh-CN", "en")
    outward = text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(
        r"href|url\(|@import|@font-face|https?://", outward
    )  # nothing fetched, offline or not
    assert "textLength" not in text  # Chinese at its natural width, never stretched
    return root


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_svg_is_sized_offline_and_well_formed(gdz: Gdz, fixture_env: Path, lang: str) -> None:
    for what in ("status", "entries", "targets"):
        _svg(_export(gdz, what, "-f", "svg", "--lang", lang))
    chart = gdz("chart", "pass-rate", "--lang", lang)
    assert chart.exit_code == 0, chart
    root = _svg(chart.stdout)
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert ("目标 90%" if lang == "zh" else "target 90%") in texts  # the target, labelled with its unit
    assert ("期限 2025-12-31" if lang == "zh" else "deadline 2025-12-31") in texts
    related = _svg(gdz("chart", "space-started", "--lang", lang).stdout).iter(f"{SVG}text")
    assert any("≈2000" in (element.text or "") for element in related)  # a related figure: a note, marked
    assert_golden_bytes(f"chart-pass-rate-{lang}.svg", chart.stdout.encode("utf-8"), facts=("pass-rate",))


def test_a_milestone_has_no_chart_and_an_unknown_extension_is_named(gdz: Gdz, fixture_env: Path) -> None:
    result = gdz("chart", "hotline")
    assert result.exit_code == 2 and result.stderr.startswith("gdz: hotline is a milestone")
    result = gdz("chart", "pass-rate", "-o", "chart.jpg")
    assert result.exit_code == 2 and 'cannot tell the format from ".jpg"' in result.stderr


def _font_or_skip() -> None:
    from gdz_targets.domain.errors import UsageError
    from gdz_targets.output.drawing import chinese_font

    try:
        chinese_font()
    except UsageError:
        pytest.skip(
            "no font with Chinese on this machine (apt-get install fonts-noto-cjk): PNGs are not drawn here"
        )


def test_pngs_for_chat(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    _font_or_skip()
    from PIL import Image

    for args in (("chart", "pass-rate", "-o", f"{tmp_path}/chart.png", "--lang", "zh"),
                 ("export", "status", "-o", f"{tmp_path}/status.png", "--lang", "zh")):  # fmt: skip
        result = gdz(*args)
        assert result.exit_code == 0, result
        picture = Image.open(args[3])
        assert picture.format == "PNG" and 1000 <= picture.width <= 2600 and picture.height >= 400
        assert len(picture.convert("L").getcolors(256) or []) > 16  # drawn, not blank


def test_a_missing_font_is_one_line_naming_what_to_do(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    result = gdz(
        "chart", "pass-rate", "-o", f"{tmp_path}/chart.png", env={"GDZ_FONT": f"{tmp_path}/none.ttf"}
    )
    assert result.exit_code == 2 and result.stderr.startswith("gdz: GDZ_FONT names ")
    assert not (tmp_path / "chart.png").exists()


def test_a_font_that_is_no_font_or_has_no_chinese_is_refused(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    from PIL import ImageFont

    latin = tmp_path / "latin.ttf"  # the font Pillow ships: Latin letters only
    latin.write_bytes(ImageFont.load_default(size=12).font_bytes)  # type: ignore[union-attr]
    garbage = tmp_path / "garbage.ttf"
    garbage.write_bytes(bytes(range(256)) * 8)
    for font, said in ((latin, "which has no Chinese characters"), (garbage, "which is not a font file")):
        result = gdz("chart", "pass-rate", "-o", f"{tmp_path}/chart.png", env={"GDZ_FONT": str(font)})
        assert result.exit_code == 2 and said in result.stderr and len(result.stderr.splitlines()) == 1
        assert not (tmp_path / "chart.png").exists()


WIDTH_PROBE = """<script>
addEventListener("load", () => { document.body.insertAdjacentHTML("beforeend",
  `<p id="probe">${document.documentElement.scrollWidth}</p>`); });
</script></body>"""


def test_chromium_shows_the_report_within_1280_pixels(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    chromium = next(
        (
            found
            for name in ("chromium", "chromium-browser", "google-chrome")
            if (found := shutil.which(name))
        ),
        None,
    )
    if chromium is None:
        pytest.skip("Chromium is not installed (apt-get install chromium): the report is not rendered here")
    from PIL import Image

    for lang in ("zh", "en"):
        report = tmp_path / f"report-{lang}.html"
        assert gdz("export", "status", "-o", str(report), "--lang", lang).exit_code == 0
        probe = tmp_path / f"probe-{lang}.html"
        probe.write_text(report.read_text(encoding="utf-8").replace("</body>", WIDTH_PROBE), encoding="utf-8")
        flags = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1600",
                 f"--user-data-dir={tmp_path}/chromium"]  # fmt: skip
        env = {**os.environ, "HOME": str(tmp_path)}
        dom = subprocess.run([*flags, "--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=120,
                             env=env, check=True).stdout  # fmt: skip
        width = int(re.search(r'<p id="probe">(\d+)</p>', dom).group(1))  # type: ignore[union-attr]
        assert width <= 1280, f"the {lang} report is {width} px wide: it scrolls sideways at 1280"
        shot = tmp_path / f"report-{lang}.png"
        subprocess.run([*flags, f"--screenshot={shot}", report.as_uri()], capture_output=True, timeout=120, env=env,
                       check=True)  # fmt: skip
        picture = Image.open(shot).convert("L")
        assert picture.width == 1280 and len(picture.getcolors(256) or []) > 32  # text and colour, not blank


def test_a_year_end_figure_sits_inside_its_year_on_a_chart() -> None:
    from gdz_targets.output.chart import _periods

    years = _periods(date(2022, 10, 1), date(2026, 3, 1))
    assert (
        date(2023, 1, 1),
        date(2024, 1, 1),
        "2023",
    ) in years  # 2023-12-31 falls inside the span labelled 2023
    months = _periods(date(2023, 10, 15), date(2024, 2, 20))
    assert months[0] == (date(2023, 10, 1), date(2023, 11, 1), "2023-10")


@settings(max_examples=60, deadline=None)
@given(peer=st.integers(900, 1200), day=st.dates(date(2023, 10, 1), date(2026, 6, 30)))
def test_a_chart_never_writes_the_target_over_a_figure(peer: int, day: date) -> None:
    """Wherever a city's figure falls, the target's and the deadline's labels keep clear of the figures'."""
    from gdz_targets.domain.model import Point
    from gdz_targets.domain.status import target_status
    from gdz_targets.output.chart import chart_picture
    from gdz_targets.output.drawing import Dot, Label, text_width

    target = SHIPPED_PLAN.target("cross-city-total")
    assert target is not None
    entries = [
        Entry("01J" + "0" * 22 + "1", target.id, City.DONGGUAN, date(2023, 12, 31), 1000, "t", NOW),
        Entry("01J" + "0" * 22 + "2", target.id, City.SHENZHEN, day, peer, "t", NOW),
    ]
    as_of = date(2026, 11, 30)
    history = history_of(entries)
    row = target_status(SHIPPED_PLAN, target, history, as_of)
    points: list[Point] = history.of(target.id, City.DONGGUAN).points(as_of)

    def box(shape: Label | Dot) -> tuple[float, float, float, float]:
        if isinstance(shape, Dot):
            return (
                shape.x - shape.radius,
                shape.y - shape.radius,
                shape.x + shape.radius,
                shape.y + shape.radius,
            )
        width = text_width(shape.text, shape.size)
        left = {"start": shape.x, "middle": shape.x - width / 2, "end": shape.x - width}[shape.anchor]
        return left, shape.y - shape.size, left + width, shape.y + 2

    for lang in ("zh", "en"):
        shapes = chart_picture(SHIPPED_PLAN, row, points, as_of, lang).shapes
        guides = [
            s
            for s in shapes
            if isinstance(s, Label) and s.text.startswith(("目标 ", "期限 ", "target ", "deadline "))
        ]
        figures = [
            s
            for s in shapes
            if isinstance(s, Dot) or (isinstance(s, Label) and s.text in ("1000项", "1000 items", str(peer)))
        ]
        assert len(guides) == 2 and len(figures) >= 4
        for guide in guides:
            a = box(guide)
            for figure in figures:
                b = box(figure)
                assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (
                    lang,
                    guide,
                    figure,
                )
