"""Regenerate the README's pictures from the shipped plan and the published figures alone (no invented
entry): the HTML briefing as Chromium shows it at 1280 px, a chart as the PNG gdz draws, and a department's
fill-in form as LibreOffice prints it.

    uv run python docs/screenshots.py      # needs Chromium (apt-get install chromium) and a Chinese font
    uv run python docs/screenshots.py --form-only   # the form alone: needs LibreOffice and poppler
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TODAY = "2026-11-30"  # the date the pictures are as of; changing it changes only "as of" and days counted


def main() -> None:
    chromium = next(
        (
            found
            for name in ("chromium", "chromium-browser", "google-chrome")
            if (found := shutil.which(name))
        ),
        None,
    )
    if chromium is None:
        sys.exit("Chromium is needed to photograph the report: apt-get install chromium")
    with tempfile.TemporaryDirectory() as work:
        env = {
            **os.environ,
            "GDZ_HOME": work,
            "GDZ_TODAY": TODAY,
            "GDZ_USER": "docs",
            "GDZ_PLAN": "",
            "GDZ_LEDGER": "",
        }

        def gdz(*args: str) -> None:
            subprocess.run([sys.executable, "-m", "gdz_targets", *args], env=env, check=True, cwd=ROOT)

        gdz("import", str(ROOT / "data" / "published.csv"))
        report = Path(work) / "report.html"
        gdz("export", "status", "-o", str(report), "--lang", "zh")
        shot = Path(work) / "report.png"
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1280,1500",
        ]
        command = [
            chromium,
            *flags,
            f"--user-data-dir={work}/chromium",
            f"--screenshot={shot}",
            report.as_uri(),
        ]
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, "HOME": work})
        Image.open(shot).crop((0, 0, 1280, 1100)).save(HERE / "briefing-zh.png", optimize=True)
        gdz("chart", "business-entities", "-o", str(HERE / "chart-business-entities-zh.png"), "--lang", "zh")
    print(f"written: {HERE / 'briefing-zh.png'}, {HERE / 'chart-business-entities-zh.png'}")


def form_picture() -> None:
    """The README's picture of a department's fill-in form (docs/template-zh.png): its rows as LibreOffice
    prints them, from the shipped plan, the published figures and the README's example owners table, for
    October 2026. Needs LibreOffice (soffice) and poppler (pdftoppm)."""
    from PIL import ImageChops

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    if soffice is None or pdftoppm is None:
        sys.exit(
            "LibreOffice and poppler print the form: apt-get install libreoffice-calc-nogui poppler-utils"
        )
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
        profile = f"-env:UserInstallation=file://{work}/lo"
        run(soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", work, str(form))
        run(pdftoppm, "-f", "2", "-l", "2", "-r", "110", "-png", str(place / "form.pdf"), str(place / "page"))
        page = Image.open(next(place.glob("page*.png"))).convert("RGB")
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
