"""Pictures as the PNG draws them: every label's ink inside the box its layout reserved (so that boxes kept
apart are drawn apart), text fitted to its room, and Chinese in its Simplified forms — the SC face of a font
collection (Noto Sans CJK's first face is Japanese), with text shaped as Simplified Chinese besides."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gdz_targets.domain.model import Kind
from gdz_targets.output.drawing import Label, Picture, text_width

from .conftest import Gdz
from .test_charts import SHIPPED, _chart, _label_box, _published
from .test_hardening_documents import _real_font

# --- the PNG: the real font's ink within the boxes laid out -------------------------------------------------


def test_the_png_font_draws_every_label_inside_its_laid_out_box(gdz: Gdz) -> None:
    """What the layout boxes of tests/test_charts.py promise holds for the ink the PNG's font draws, measured."""
    font = _real_font()
    from gdz_targets.output.drawing import SCALE, bold_of, open_font
    from gdz_targets.output.summary import table_picture

    history = _published(gdz)
    pictures = [_chart(SHIPPED, t.id, history, date(2026, 12, 1), lang)
                for t in SHIPPED.targets if t.kind is not Kind.MILESTONE for lang in ("zh", "en")]  # fmt: skip
    cells = ["01M8PJYF00QHB9Q4HFYS9898Q8", "WWWWMMMM@@@@%%%%", "“免证办”政务服务事项 ×10k m² ≈>=90", "Ågjy|"]
    pictures.append(table_picture("Entries · 条目", "en", ["Id", "Note"], [cells[:2], cells[2:]], set()))
    faces = {bold: open_font(bold_of(font) if bold else font, round(12 * SCALE)) for bold in (False, True)}
    checked = 0
    for picture in pictures:
        for label in (shape for shape in picture.shapes if isinstance(shape, Label) and shape.text.strip()):
            face = faces[label.bold].font_variant(size=round(label.size * SCALE))
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[label.anchor]
            ink = face.getbbox(label.text, anchor=anchor, language="zh-Hans")
            box = _label_box(label)
            drawn = (
                label.x + ink[0] / SCALE,
                label.y + ink[1] / SCALE,
                label.x + ink[2] / SCALE,
                label.y + ink[3] / SCALE,
            )
            assert box[0] - 0.5 <= drawn[0] and drawn[2] <= box[2] + 0.5, (label, drawn, box)
            assert box[1] - 0.5 <= drawn[1] and drawn[3] <= box[3] + 0.5, (label, drawn, box)
            checked += 1
    assert checked > 500


# --- glyphs: the Simplified Chinese face of a collection ---------------------------------------------------


def _collections() -> list[Path]:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    listed = subprocess.run([fc_list, ":lang=zh", "file"], capture_output=True, text=True, check=False).stdout
    return sorted({Path(line.split(":")[0].strip()) for line in listed.splitlines() if ".ttc" in line})


def test_the_png_is_drawn_with_the_simplified_chinese_face_of_every_collection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fonts the PNG's text is drawn with, read back by name: a collection's SC face wherever it has one
    (Noto Sans CJK's first face is Japanese)."""
    from PIL import ImageDraw

    from gdz_targets.output import drawing

    collections = [font for font in _collections() if any(_simplified(name) for name in _all_faces(font))]
    if not collections:
        pytest.skip(
            "no font collection (.ttc) with a Simplified Chinese face here: the choice of face is not shown"
        )
    used: list[str] = []
    text = ImageDraw.ImageDraw.text

    def recording(self: ImageDraw.ImageDraw, *args: object, **kwargs: object) -> None:
        used.append(str(kwargs["font"].getname()[0]))  # type: ignore[attr-defined]
        text(self, *args, **kwargs)  # type: ignore[arg-type, type-var]

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", recording)
    picture = Picture(
        200, 60, (Label(4, 30, "直骨角述 东莞", 24), Label(4, 55, "直", 18, bold=True)), "zh", "t"
    )
    for collection in collections:
        used.clear()
        drawing.to_png(picture, collection)
        assert len(used) == 2 and all(_simplified(name) for name in used), (collection, used)


def _simplified(name: str) -> bool:
    return name.endswith((" SC", " CN")) or "Simplified" in name


def _has_face(collection: Path, index: int) -> bool:
    from PIL import ImageFont

    try:
        ImageFont.truetype(str(collection), 12, index=index)
    except OSError:
        return False
    return True


def _all_faces(collection: Path) -> list[str]:
    from PIL import ImageFont

    return [str(ImageFont.truetype(str(collection), 12, index=n).getname()[0])
            for n in range(16) if _has_face(collection, n)]  # fmt: skip


def test_a_face_is_chosen_by_its_name() -> None:
    from gdz_targets.output.drawing import preferred_face

    assert (
        preferred_face(["Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK SC", "Noto Sans CJK TC"]) == 2
    )
    assert (
        preferred_face(["Source Han Sans", "Source Han Sans K", "Source Han Sans CN", "Source Han Sans TC"])
        == 2
    )
    assert preferred_face(["Sarasa Gothic J", "Sarasa Gothic SC"]) == 1
    assert preferred_face(["Hiragino Sans CNS", "Hiragino Sans GB W3"]) == 1  # CNS is Traditional; GB is not
    # No Simplified face: one that names no other region, else a Traditional one, else the first.
    assert (
        preferred_face(["Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK TC", "Noto Sans CJK HK"]) == 2
    )
    assert preferred_face(["Some Font JP", "Some Font"]) == 1
    assert preferred_face(["Microsoft YaHei", "Microsoft YaHei UI"]) == 0
    assert preferred_face([]) == 0


def test_even_a_japanese_face_draws_simplified_forms_where_text_is_shaped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The second guard: text shaped as Simplified Chinese, so that a collection's first (Japanese) face, were
    it opened, would still draw 直 in its Chinese form."""
    import io

    from PIL import Image, ImageDraw, ImageFont, features

    from gdz_targets.output import drawing

    font = _real_font()
    if not features.check_feature("raqm"):
        pytest.skip("Pillow without libraqm shapes no text: the choice of face alone decides the forms")
    faces = _all_faces(font)
    if len(faces) < 2 or not faces[0].endswith(" JP"):
        pytest.skip(f"{font} is not a collection whose first face is Japanese")
    simplified = drawing.preferred_face(faces)
    monkeypatch.setattr(drawing, "_face_index", lambda _: 0)  # as if the Japanese face had been chosen
    picture = Picture(40, 40, (Label(4, 30, "直", 24),), "zh", "直")
    drawn = Image.open(io.BytesIO(drawing.to_png(picture, font))).convert("RGB").tobytes()

    def by_face(index: int) -> bytes:
        image = Image.new("RGB", (40 * drawing.SCALE, 40 * drawing.SCALE), "#ffffff")
        face = ImageFont.truetype(str(font), 24 * drawing.SCALE, index=index)
        ImageDraw.Draw(image).text((4 * drawing.SCALE, 30 * drawing.SCALE), "直", fill=drawing.INK, font=face,
                                   anchor="ls", language="en")  # fmt: skip
        return image.tobytes()

    assert drawn == by_face(simplified) != by_face(0)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(min_size=1, max_size=300), room=st.floats(20, 800), size=st.sampled_from([11.0, 12.0, 16.0])
)
def test_fitted_text_fits(text: str, room: float, size: float) -> None:
    from gdz_targets.output.drawing import fit_text, wrap_text

    assert text_width(fit_text(text, room, size), size) <= room
    lines = wrap_text(text, room, size, 2, bold=True)
    assert 1 <= len(lines) <= 2 and all(text_width(line, size, bold=True) <= room for line in lines)
