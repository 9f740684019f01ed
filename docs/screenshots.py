"""Regenerate the README's pictures from the shipped plan and the published figures alone (no invented
entry): the HTML briefing as Chromium shows it at 1280 px, and a chart as the PNG gdz draws.

    uv run python docs/screenshots.py      # needs Chromium (apt-get install chromium) and a Chinese font
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


if __name__ == "__main__":
    main()
