"""Spreadsheet and text "bombs" never hang, abort or eat the memory: a table is refused at once, in one line
naming the file, the limit and the fix, when it claims more rows, columns or cells than gdz reads, or a text
file holds a line too long — checked before the reader spends the memory. Each bomb is built here, tiny."""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gdz_targets.store import sheet_limits
from gdz_targets.store.tables import read_tables

from .conftest import FIXTURE_LOG, FIXTURE_PLAN, Gdz, run_gdz_process

TIMEOUT = 30  # seconds: a bomb is refused in well under one; a hang or an abort fails instead of blocking


def gdz_process(*args: str, ledger: Path) -> subprocess.CompletedProcess[str]:
    """gdz in a process of its own, with a timeout: a bomb must neither hang the suite nor abort it."""
    env = {"GDZ_PLAN": str(FIXTURE_PLAN), "GDZ_LEDGER": str(ledger)}
    return run_gdz_process(*args, env=env, timeout=TIMEOUT)


def refused(result: subprocess.CompletedProcess[str], ledger: Path, *words: str) -> str:
    """The one line a refused file gives (exit 2, nothing written), holding `words`."""
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("gdz: "), result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    assert ledger.read_bytes() == FIXTURE_LOG.read_bytes()
    return lines[0]


# --- workbooks made by hand: the parts a reader needs, and the XML a bomb puts in them ----------------------------

_XLSX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
    '+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{sheets}</Types>'
)
_XLSX_SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
)
_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>'  # fmt: skip
_REL = '<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>'  # fmt: skip
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
    'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{}</sheets>'
    "</workbook>"
)
_SHEET = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main">{dimension}<sheetData>{rows}</sheetData></worksheet>'
)


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


# A header and one good row: what every bomb adds its rows to.
GOOD_ROWS = (
    f'<row r="1">{cell("A1", "target")}{cell("B1", "date")}{cell("C1", "value")}</row>'
    f'<row r="2">{cell("A2", "pass-rate")}{cell("B2", "2025-04-30")}<c r="C2"><v>78</v></c></row>'
)


def xlsx_bytes(*sheets: tuple[str, str], dimension: str | None = None) -> bytes:
    """An .xlsx of (name, rows XML) sheets; `dimension`, the used range the first sheet declares."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        numbers = range(1, len(sheets) + 1)
        book.writestr(
            "[Content_Types].xml",
            _XLSX_TYPES.format(sheets="".join(_XLSX_SHEET_TYPE.format(n=n) for n in numbers)),
        )
        book.writestr(
            "_rels/.rels", _RELS.format(_REL.format(n=1, kind="officeDocument", target="xl/workbook.xml"))
        )
        book.writestr(
            "xl/workbook.xml",
            _WORKBOOK.format(
                "".join(
                    f'<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>'
                    for n, (name, _) in zip(numbers, sheets, strict=True)
                )
            ),
        )
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            _RELS.format(
                "".join(
                    _REL.format(n=n, kind="worksheet", target=f"worksheets/sheet{n}.xml") for n in numbers
                )
            ),
        )
        for n, (_, rows) in zip(numbers, sheets, strict=True):
            declared = f'<dimension ref="{dimension}"/>' if dimension and n == 1 else ""
            book.writestr(f"xl/worksheets/sheet{n}.xml", _SHEET.format(dimension=declared, rows=rows))
    return buffer.getvalue()  # fmt: skip


_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
    'xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" '
    'manifest:media-type="text/xml"/></manifest:manifest>'
)
_ODS_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
    'xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:'
    'tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table '
    'table:name="报送">{rows}</table:table></office:spreadsheet></office:body></office:document-content>'
)


def ods_row(*texts: str, repeated: int | None = None) -> str:
    times = f' table:number-rows-repeated="{repeated}"' if repeated is not None else ""
    cells = "".join(f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
                    for text in texts)  # fmt: skip
    return f"<table:table-row{times}>{cells}</table:table-row>"


GOOD_ODS_ROWS = ods_row("target", "date", "value") + ods_row("pass-rate", "2025-04-30", "78")


def ods_bytes(rows: str) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
        book.writestr("content.xml", _ODS_CONTENT.format(rows=rows), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# --- 1. .ods: rows repeated two billion times, and LibreOffice's own trailing block --------------------------------


def test_an_ods_row_repeated_two_billion_times_is_refused_at_once(fixture_env: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.ods"
    bomb.write_bytes(ods_bytes(GOOD_ODS_ROWS + ods_row("x", repeated=2_147_483_648)))
    line = refused(gdz_process("import", str(bomb), "--dry-run", ledger=fixture_env), fixture_env)
    assert line == (
        f"gdz: {bomb}: the sheet “报送” reaches row 2,147,483,650, past the 1,048,576 rows gdz reads from one "
        "table (Excel's own limit); delete the rows below the data, or save the sheet as CSV UTF-8"
    )
    assert len(bomb.read_bytes()) < 2000


def test_an_ods_cell_repeated_across_two_billion_columns_is_refused(
    fixture_env: Path, tmp_path: Path
) -> None:
    wide = '<table:table-row><table:table-cell table:number-columns-repeated="2147483648" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'  # fmt: skip
    bomb = tmp_path / "wide.ods"
    bomb.write_bytes(ods_bytes(GOOD_ODS_ROWS + wide))
    refused(gdz_process("import", str(bomb), "--dry-run", ledger=fixture_env), fixture_env,
            "reaches column 2,147,483,648, past the 16,384 columns")  # fmt: skip


def test_the_trailing_empty_rows_libreoffice_writes_keep_importing(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    trailing = '<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'  # fmt: skip
    book = tmp_path / "saved.ods"
    book.write_bytes(ods_bytes(GOOD_ODS_ROWS + trailing))
    result = gdz("import", str(book))
    assert result.exit_code == 0, result
    assert result.stdout.endswith("imported 1 entry (0 already in the log)\n")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here")
def test_an_ods_libreoffice_saved_from_csv_imports(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    source = tmp_path / "sent.csv"
    source.write_text(
        "target,date,value\npass-rate,2025-04-30,78\nwait-days,2025-05-31,10\n", encoding="utf-8"
    )
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "ods",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=120)  # fmt: skip
    saved = tmp_path / "sent.ods"
    result = gdz("import", str(saved))
    assert result.exit_code == 0, result
    assert result.stdout.endswith("imported 2 entries (0 already in the log)\n")


# --- 1. text: blank lines and long lines -----------------------------------------------------------------------------


def test_blank_lines_are_not_kept_row_by_row(tmp_path: Path) -> None:
    data = b"target,date,value\n" + b"\n" * 200_000 + b"pass-rate,2025-04-30,78\n" + b" , ,\r\n" * 1000
    (table,) = read_tables(data, "blank.csv")
    assert [row.number for row in table.rows] == [
        1,
        *range(2, 11),
        200_002,
    ]  # the top rows whole, for the header
    assert table.rows[-1].cells == ["pass-rate", "2025-04-30", "78"]


def test_blank_lines_and_rows_still_import_where_they_stood(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text(
        "\n\n\ntarget,date,value\n\n" + "\n" * 5000 + "pass-rate,2025-04-30,abc\n", encoding="utf-8"
    )
    result = gdz("import", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(f"gdz: {path}:5006:3: ")  # the row's own line


def test_more_rows_than_excel_holds_are_refused_blank_lines_too(fixture_env: Path, tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_bytes(b"target,date,value\n" + b"\n" * 1_048_576 + b"pass-rate,2025-04-30,78\n")
    line = refused(gdz_process("import", str(path), "--dry-run", ledger=fixture_env), fixture_env)
    assert line == (
        f"gdz: {path}: more than 1,048,576 rows (blank lines count too), the most gdz reads from one table "
        "(Excel's own limit); split the file, or delete its empty lines"
    )


def test_a_line_over_1_mib_is_refused_naming_it(fixture_env: Path, tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_bytes(
        b"target,date,value,note\npass-rate,2025-04-30,78,ok\n"
        + b"pass-rate,2025-04-30,78,"
        + b"x" * (1 << 20)
        + b"\n"
    )
    line = refused(gdz_process("import", str(path), "--dry-run", ledger=fixture_env), fixture_env)
    assert line == (
        f"gdz: {path}:3: a line longer than 1 MiB, the most gdz reads in one line of a table; check that this "
        "is the file of entries you meant, or shorten the note or source on that line"
    )  # fmt: skip


def test_a_utf16_line_over_the_limit_and_a_cell_over_lines_are_refused(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    wide = tmp_path / "wide.txt"  # U+0A41: every other byte is a line feed, though no line ends
    wide.write_bytes(
        b"\xff\xfe" + "target\tdate\tvalue\n".encode("utf-16-le") + "\u0a41".encode("utf-16-le") * (600_000)
    )
    assert "a line longer than 1 MiB" in gdz("import", str(wide)).stderr
    tall = tmp_path / "tall.csv"  # a quoted cell of many short lines: each line is short, the cell is not
    tall.write_text(
        'target,date,value,note\npass-rate,2025-04-30,78,"' + "x\n" * 600_000 + '"\n', encoding="utf-8"
    )
    result = gdz("import", str(tall))
    assert result.exit_code == 2
    assert result.stderr == (
        f"gdz: {tall}:2: a cell of more than 1,048,576 characters, the most gdz reads in one cell; shorten it "
        "(a note of a few pages is far less), or check that this is the file of entries you meant\n"
    )  # fmt: skip


def test_a_row_of_more_cells_than_excel_has_columns_is_refused(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    path = tmp_path / "commas.csv"
    path.write_text("target,date,value\npass-rate,2025-04-30,78" + "," * 20_000 + "\n", encoding="utf-8")
    result = gdz("import", str(path))
    assert (result.exit_code, result.stderr) == (2, (
        f"gdz: {path}:2: the row has 20,003 cells, more than the 16,384 columns gdz reads from one table "
        "(Excel's own limit); check the separator, or remove the extra cells\n"))  # fmt: skip


# --- 2. .xlsx: a used range of 17 billion cells, a row numbered 4294967295 -------------------------------------------


@pytest.mark.parametrize(
    ("rows", "dimension", "words"),
    [
        (GOOD_ROWS + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', "A1:XFD1048576",
         "spans 1,048,576 rows × 16,384 columns, more than the 16,777,216 cells gdz reads from one sheet"),
        (GOOD_ROWS + '<row r="4294967295"><c><v>1</v></c></row>', None,
         "reaches row 4,294,967,295, past the 1,048,576 rows"),
        (GOOD_ROWS, "A1:XFD1048576", "spans 1,048,576 rows × 16,384 columns"),  # the range it declares
        (GOOD_ROWS + '<row r="3"><c r="XFE3"><v>1</v></c></row>', None, "reaches column 16,385, past the 16,384"),
        (GOOD_ROWS + '<x:row xmlns:x="urn:x" r="3"><x:c r="A4294967295"><x:v>1</x:v></x:c></x:row>', None,
         "reaches row 4,294,967,295"),  # written in another form than Excel's: read in full
        (GOOD_ROWS + "<row></row>" * 1_048_576 + "<row><c><v>1</v></c></row>", None,
         "reaches row 1,048,579"),  # rows without a number count as the reader counts them
    ],
    ids=["corners", "row-4294967295", "declared", "column-XFE", "prefixed", "unnumbered-rows"],
)  # fmt: skip
def test_an_xlsx_claiming_more_than_a_sheet_holds_is_refused_before_it_is_read(
    fixture_env: Path, tmp_path: Path, rows: str, dimension: str | None, words: str
) -> None:
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(xlsx_bytes(("报送", rows), dimension=dimension))
    assert len(bomb.read_bytes()) < 60_000
    line = refused(gdz_process("import", str(bomb), "--dry-run", ledger=fixture_env), fixture_env, words)
    assert line.startswith(f"gdz: {bomb}: the sheet “报送” ")


def test_every_sheet_is_checked_not_only_the_first(fixture_env: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "two.xlsx"
    bomb.write_bytes(
        xlsx_bytes(
            ("good", GOOD_ROWS),
            ("附表", '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1048576"><v>1</v></c></row>'),
        )
    )
    line = refused(gdz_process("import", str(bomb), "--dry-run", ledger=fixture_env), fixture_env)
    assert "the sheet “附表” spans 1,048,576 rows × 16,384 columns" in line  # fmt: skip


def test_a_cell_given_twice_a_billion_times_counts_each_time(
    gdz: Gdz, fixture_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        sheet_limits, "CELL_LIMIT", 1000
    )  # the rule at a size a test builds: the reader holds each
    bomb = tmp_path / "same.xlsx"
    bomb.write_bytes(
        xlsx_bytes(("报送", GOOD_ROWS + '<row r="3">' + '<c r="A3"><v>1</v></c>' * 1001 + "</row>"))
    )
    result = gdz("import", str(bomb))
    assert result.exit_code == 2 and "more than the 1,000 cells gdz reads from one sheet" in result.stderr


def test_a_normal_xlsx_ods_and_one_without_cell_references_still_import(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    plain = GOOD_ROWS.replace(' r="A1"', "").replace(' r="B1"', "").replace(' r="C1"', "")
    plain = plain.replace(' r="A2"', "").replace(' r="B2"', "").replace(' r="C2"', "")
    for name, data in (("a.xlsx", xlsx_bytes(("报送", GOOD_ROWS))), ("b.xlsx", xlsx_bytes(("报送", plain))),
                       ("c.ods", ods_bytes(GOOD_ODS_ROWS))):  # fmt: skip
        (tmp_path / name).write_bytes(data)
        result = gdz("import", str(tmp_path / name), "--dry-run")
        assert result.exit_code == 0, (name, result)


# --- 3. a million rows of unknown targets: each distinct text resolved once -------------------------------------------


def test_an_unknown_target_is_resolved_once_per_import_not_once_per_row(
    gdz: Gdz, fixture_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gdz_targets.domain.query import require_target as real

    calls: list[str] = []

    def counted(plan: object, name: str) -> object:
        calls.append(name)
        return real(plan, name)  # type: ignore[arg-type]

    monkeypatch.setattr("gdz_targets.app.import_entries.require_target", counted)
    path = tmp_path / "unknown.csv"
    path.write_text(
        "target,date,value\n" + "pass-rat,2025-04-30,78\nnope,2025-04-30,1\n" * 2000, encoding="utf-8"
    )
    result = gdz("import", str(path))
    assert result.exit_code == 2
    assert sorted(calls) == ["nope", "pass-rat"]
    assert result.stderr.count("did you mean 'pass-rate'?") == 2000


# --- the fuzz test: mutated workbooks never crash, hang, abort or write ----------------------------------------------

_WORKER = """
import json, sys
from typer.testing import CliRunner
from gdz_targets.cli import app
runner = CliRunner()
for line in sys.stdin:
    result = runner.invoke(app, json.loads(line))
    error = result.exception if not isinstance(result.exception, SystemExit) else None
    print(json.dumps({"code": result.exit_code, "stderr": result.stderr, "error": repr(error) if error else None}),
          flush=True)
"""


class Worker:
    """gdz in one long-lived process: a mutated workbook that aborted the reader would end the process, not the
    suite, and one that hung would be caught by the timeout; one process is far quicker than one per example."""

    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", _WORKER], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)  # fmt: skip

    def run(self, *args: str) -> dict[str, object]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(list(args)) + "\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], TIMEOUT)
        assert ready, f"gdz {args} did not answer in {TIMEOUT} s"
        line = self.process.stdout.readline()
        assert line, f"gdz {args} ended the process (exit {self.process.wait()})"
        reply: dict[str, object] = json.loads(line)
        return reply

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture
def worker(fixture_env: Path) -> Iterator[Worker]:
    started = Worker()
    yield started
    started.close()


GOOD_XLSX = xlsx_bytes(("报送", GOOD_ROWS), dimension="A1:C2")
GOOD_ODS = ods_bytes(GOOD_ODS_ROWS)
# What a mutated attribute may become: the numbers bombs use, and the odd ones a parser must survive.
ODD_VALUES = ["0", "-1", "1", "2147483648", "4294967295", "4294967296", "18446744073709551616", "1048577",
              "16385", "XFD1048576", "XFE1", "A0", "A4294967295", "ZZZZ1", "A1:XFD1048576", "", " ", "1e9", "a1",
              "&#49;", "1.5"]  # fmt: skip


def _mutated_zip(data: bytes, mutate: st.DataObject) -> bytes:
    """The workbook with its main part's XML changed: attribute values swapped, bytes flipped or cut."""
    import io
    import re

    with zipfile.ZipFile(io.BytesIO(data)) as book:
        parts = {item.filename: book.read(item) for item in book.infolist()}
    part = "content.xml" if "content.xml" in parts else "xl/worksheets/sheet1.xml"
    xml = bytearray(parts[part])
    for _ in range(mutate.draw(st.integers(1, 4))):
        kind = mutate.draw(st.sampled_from(["place", "place", "attribute", "flip", "cut", "insert"]))
        anything = rb'="([^"]*)"'  # any attribute, or one that places a cell: where the bombs are
        places = rb'\s(?:r|ref|table:number-rows-repeated|table:number-columns-repeated)="([^"]*)"'
        values = list(re.finditer(places if kind == "place" else anything, bytes(xml)))
        if kind in ("place", "attribute") and values:
            found = mutate.draw(st.sampled_from(values))
            new = mutate.draw(st.sampled_from(ODD_VALUES) | st.integers(-5, 10**20).map(str))
            xml[found.start(1) : found.end(1)] = new.encode()
        elif kind == "flip" and xml:
            at = mutate.draw(st.integers(0, len(xml) - 1))
            xml[at] = mutate.draw(st.integers(0, 255))
        elif kind == "cut":
            del xml[mutate.draw(st.integers(0, len(xml))) :]
        else:
            at = mutate.draw(st.integers(0, len(xml)))
            xml[at:at] = mutate.draw(st.sampled_from([b"<row>", b"</row>", b"<c>", b"</c>", b'<c r="XFD1">',
                                                      b"<!--", b"-->", b"<![CDATA[", b"]]>", b"&amp;"]))  # fmt: skip
    parts[part] = bytes(xml)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        for name, content in parts.items():
            book.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])  # fmt: skip
@given(which=st.sampled_from(["xlsx", "ods"]), how=st.sampled_from(["xml", "bytes"]), mutate=st.data())
def test_mutated_workbooks_never_crash_hang_abort_or_write(
    worker: Worker, fixture_env: Path, tmp_path: Path, which: str, how: str, mutate: st.DataObject
) -> None:
    good = GOOD_XLSX if which == "xlsx" else GOOD_ODS
    if how == "xml":
        data = _mutated_zip(good, mutate)
    else:  # the zip itself: flipped bytes, or cut short
        flipped = bytearray(good)
        for at in mutate.draw(st.lists(st.integers(0, len(flipped) - 1), max_size=6)):
            flipped[at] = random.Random(at).randrange(256)
        data = bytes(flipped[: mutate.draw(st.integers(len(flipped) // 2, len(flipped)))])
    path = tmp_path / f"fuzzed.{which}"
    path.write_bytes(data)
    reply = worker.run("import", str(path), "--dry-run")
    assert reply["error"] is None, reply  # a traceback
    assert reply["code"] in (0, 2), reply
    stderr = str(reply["stderr"])
    assert "Traceback" not in stderr and (reply["code"] == 0 or stderr.startswith("gdz: ")), reply
    assert fixture_env.read_bytes() == FIXTURE_LOG.read_bytes()
    assert set(os.listdir(tmp_path)) <= {"fuzzed.xlsx", "fuzzed.ods", "home", "work", "fixture-progress.toml"}


# --- .xls: the range a sheet declares, and a cell far out --------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here")
def test_an_xls_declaring_or_placing_more_than_a_sheet_holds_is_refused(
    fixture_env: Path, tmp_path: Path
) -> None:
    import struct

    sent = tmp_path / "sent.xlsx"
    sent.write_bytes(xlsx_bytes(("S", GOOD_ROWS)))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "xls",
                    "--outdir", str(tmp_path), str(sent)], check=True, capture_output=True, timeout=120)  # fmt: skip
    good = (tmp_path / "sent.xls").read_bytes()
    assert gdz_process("import", str(tmp_path / "sent.xls"), "--dry-run", ledger=fixture_env).returncode == 0
    dimensions = good.index(struct.pack("<HH", 0x0200, 14))  # first row, row past the last, columns
    declared = bytearray(good)
    declared[dimensions + 4 : dimensions + 16] = struct.pack("<IIHH", 0, 0xFFFFFF, 0, 0xFF)
    cell = good.rindex(struct.pack("<HH", 0x00FD, 10))  # a cell of text: row, column
    far = bytearray(good)
    far[cell + 4 : cell + 8] = struct.pack("<HH", 0xFFFF, 0xFFFF)
    for name, data, words in (("declared.xls", declared, "reaches row 16,777,215, past the 1,048,576 rows"),
                              ("far.xls", far, "reaches column 65,536, past the 16,384 columns")):  # fmt: skip
        (tmp_path / name).write_bytes(data)
        result = gdz_process("import", str(tmp_path / name), "--dry-run", ledger=fixture_env)
        refused(result, fixture_env, f"{name}: the sheet “S” {words}")


# --- .xlsb: each row's number and each cell's column, from the records ------------------------------------------


def _record(kind: int, body: bytes) -> bytes:
    """A BIFF12 record: its type and length as 7-bit little-endian numbers, then its body."""

    def number(value: int) -> bytes:
        out = bytearray()
        while True:
            out.append((value & 0x7F) | (0x80 if value > 0x7F else 0))
            value >>= 7
            if not value:
                return bytes(out)

    return number(kind) + number(len(body)) + body


def test_an_xlsb_sheet_is_measured_from_its_records(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    import io
    import struct

    def sheet(*records: bytes) -> bytes:
        return b"".join(records)

    row = _record(0x0000, struct.pack("<I", 4) + bytes(8))  # BrtRowHdr: row 5
    far = _record(0x0005, struct.pack("<IId", 0xFFFFFFF0, 0, 1.0))  # BrtCellReal in column 4,294,967,281
    assert sheet_limits._xlsb_extent(sheet(row, far), "S") == sheet_limits.Extent("S", 5, 4_294_967_281, 1)
    declared = _record(0x0094, struct.pack("<IIII", 0, 2_000_000, 0, 3))  # BrtWsDim: rows 1 to 2,000,001
    assert sheet_limits._xlsb_extent(declared, "S").rows == 2_000_001
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("xl/workbook.bin", b"")
        book.writestr("xl/worksheets/sheet1.bin", sheet(row, far))
    path = tmp_path / "wide.xlsb"
    path.write_bytes(buffer.getvalue())
    result = gdz("import", str(path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"gdz: {path}: the sheet “sheet1” reaches column 4,294,967,281, past the 16,384 columns gdz reads from "
        "one table (Excel's own limit); delete the columns right of the data, or save the sheet as CSV UTF-8\n"
    )
