"""Regenerate the README's pictures from the shipped plan and the published figures alone (no invented
entry): the HTML briefing as Chromium shows it at 1280 px and on a phone 390 px wide, the status workbook's
cover as LibreOffice prints it (also as the monthly report of December 2025 has it), a chart as the PNG gdz
draws, and a department's fill-in form as LibreOffice prints it.

    uv run python docs/screenshots.py      # needs Chromium, LibreOffice, poppler-utils and a Chinese font
    uv run python docs/screenshots.py --form-only   # the form alone: needs LibreOffice and poppler
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TODAY = "2026-11-30"  # the date the pictures are as of; changing it changes only "as of" and days counted
PHONE = 390  # px: a phone's width; a headless window is never narrower than 500, so the page is framed


def _program(*names: str, needed_for: str) -> str:
    found = next((path for name in names if (path := shutil.which(name))), None)
    if found is None:
        sys.exit(f"{names[0]} is needed for {needed_for}: apt-get install {names[0]}")
    return found


def main() -> None:
    chromium = _program("chromium", "chromium-browser", "google-chrome", needed_for="the briefing's pictures")
    soffice = _program("soffice", "libreoffice", needed_for="the workbook's picture")
    pdftoppm = _program("pdftoppm", needed_for="the workbook's picture (poppler-utils)")
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        env = {**os.environ, "GDZ_HOME": str(work), "GDZ_TODAY": TODAY, "GDZ_USER": "docs", "GDZ_PLAN": "",
               "GDZ_LEDGER": ""}  # fmt: skip

        def gdz(*args: str) -> None:
            subprocess.run([sys.executable, "-m", "gdz_targets", *args], env=env, check=True, cwd=ROOT)

        gdz("import", str(ROOT / "data" / "published.csv"))
        report = work / "report.html"
        gdz("export", "status", "-o", str(report), "--lang", "zh")
        shoot = _camera(chromium, work)
        Image.open(shoot(report, 1280, 1500)).crop((0, 0, 1280, 1100)).save(
            HERE / "briefing-zh.png", optimize=True
        )
        frame = work / "phone.html"
        frame.write_text(f'<body style="margin:0"><iframe src="{report.name}" style="width:{PHONE}px;'
                         'height:1600px;border:0"></iframe></body>', encoding="utf-8")  # fmt: skip
        Image.open(shoot(frame, 500, 1600)).crop((0, 0, PHONE, 1200)).save(HERE / "briefing-phone-zh.png",
                                                                           optimize=True)  # fmt: skip
        # The cover as of the pictures' day, and the monthly report of December 2025 (since November).
        december = ("--since", "2025-11", "--as-of", "2025-12")
        for name, since in (("workbook-cover-zh.png", ()), ("workbook-since-zh.png", december)):
            workbook = work / f"{Path(name).stem}.xlsx"
            gdz("export", "status", "-o", str(workbook), "--lang", "zh", *since)
            Image.open(_printed_page(soffice, pdftoppm, workbook, 1, 80)).save(HERE / name, optimize=True)
        gdz("chart", "business-entities", "-o", str(HERE / "chart-business-entities-zh.png"), "--lang", "zh")
    print(f"written in {HERE}: briefing-zh.png, briefing-phone-zh.png, workbook-cover-zh.png, "
          "workbook-since-zh.png, chart-business-entities-zh.png")  # fmt: skip


def _printed_page(soffice: str, pdftoppm: str, workbook: Path, page: int, dpi: int) -> Path:
    """A workbook's page as LibreOffice prints it, as a PNG beside the workbook."""
    work = workbook.parent
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{work}/lo", "--convert-to", "pdf",
                    "--outdir", str(work), str(workbook)], check=True, capture_output=True,
                   env={**os.environ, "LANG": "C.UTF-8"})  # fmt: skip
    prefix = work / f"{workbook.stem}-page"
    subprocess.run([pdftoppm, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    str(workbook.with_suffix(".pdf")), str(prefix)], check=True)  # fmt: skip
    return next(work.glob(f"{prefix.name}-*.png"))


def _camera(chromium: str, work: Path) -> Callable[[Path, int, int], Path]:
    """A function that photographs a page in a window of the given size and returns the picture's path."""

    def shoot(page: Path, width: int, height: int) -> Path:
        shot = work / f"{page.stem}-{width}.png"
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                   "--allow-file-access-from-files", f"--window-size={width},{height}",
                   f"--user-data-dir={work}/chromium", f"--screenshot={shot}", page.as_uri()]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, "HOME": str(work)})
        return shot

    return shoot


def form_picture() -> None:
    """The README's picture of a department's fill-in form (docs/template-zh.png): its rows as LibreOffice
    prints them, from the shipped plan, the published figures and the README's example owners table, for
    October 2026. Needs LibreOffice (soffice) and poppler (pdftoppm)."""
    from PIL import ImageChops

    soffice = _program("soffice", "libreoffice", needed_for="the form's picture (libreoffice-calc-nogui)")
    pdftoppm = _program("pdftoppm", needed_for="the form's picture (poppler-utils)")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    owners = readme.split("## Reporting round", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    with tempfile.TemporaryDirectory() as work:
        place = Path(work)
        (place / "gdz.toml").write_text(f'log = "progress.toml"\n{owners}', encoding="utf-8")
        env = {**os.environ, "GDZ_HOME": work, "GDZ_TODAY": TODAY, "GDZ_USER": "docs", "GDZ_PLAN": "",
               "GDZ_LEDGER": "", "LANG": "C.UTF-8"}  # fmt: skip

        def run(*command: str) -> None:
            subprocess.run(command, env=env, check=True, cwd=place, capture_output=True)

        gdz = (sys.executable, "-m", "gdz_targets")
        run(*gdz, "import", str(ROOT / "data" / "published.csv"))
        form, owner = place / "form.xlsx", "政务服务数据"
        run(*gdz, "export", "template", "--owner", owner, "-o", str(form), "--lang", "zh")
        page = Image.open(_printed_page(soffice, pdftoppm, form, 2, 110)).convert("RGB")
        blank = Image.new("RGB", page.size, "white")
        left, top, right, bottom = ImageChops.difference(page, blank).getbbox() or (0, 0, *page.size)
        margin = 16
        box = (max(left - margin, 0), max(top - margin, 0), min(right + margin, page.width),
               min(bottom + margin, page.height))  # fmt: skip
        page.crop(box).save(HERE / "template-zh.png", optimize=True)
    print(f"written: {HERE / 'template-zh.png'}")


if __name__ == "__main__":
    if "--form-only" not in sys.argv:  # the form alone needs no Chromium
        main()
    form_picture()
