"""Pictures as a few shapes and labels, laid out once and drawn two ways: as SVG (text stays text, in the
reader's own fonts, no request leaves the file) and as PNG with Pillow (for chat and mail, which show no SVG),
using a Chinese font found on the machine.

It is longer than 500 lines: the sizes layouts are computed from (how wide text is drawn, the boxes of labels
and markers) belong with the shapes and with the two renderers that must draw within them."""

from __future__ import annotations

import itertools
import os
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

from gdz_targets.domain.errors import UsageError, msg

from .textwidth import cut, width_of, wrap

if TYPE_CHECKING:
    from PIL import ImageFont

# Fonts a reader's machine has for Chinese (Windows, macOS, Linux) and for Latin text. Latin fonts come first
# in English, so that quotation marks and dashes keep their Latin width; Chinese ones first in Chinese.
CHINESE_FONTS: Final = ('"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", '
                        '"Source Han Sans SC", "WenQuanYi Micro Hei"')  # fmt: skip
LATIN_FONTS: Final = (
    '"Segoe UI", "Helvetica Neue", Helvetica, Arial, "Noto Sans", "DejaVu Sans", "Liberation Sans"'
)


def font_stack(lang: str) -> str:
    first, then = (CHINESE_FONTS, LATIN_FONTS) if lang == "zh" else (LATIN_FONTS, CHINESE_FONTS)
    return f"{first}, {then}, sans-serif"


INK: Final = "#1f2328"
MUTED: Final = "#59636e"
RULE: Final = "#d0d7de"
PAPER: Final = "#ffffff"

Anchor = Literal["start", "middle", "end"]
Marker = Literal["circle", "square", "diamond"]


class Line(NamedTuple):
    points: tuple[tuple[float, float], ...]
    stroke: str = INK
    width: float = 1.0
    dash: str | None = None  # "4 3": drawn, gap


class Dot(NamedTuple):
    x: float
    y: float
    radius: float
    fill: str | None = INK  # None: hollow
    stroke: str = INK
    shape: Marker = "circle"


class Box(NamedTuple):
    x: float
    y: float
    width: float
    height: float
    fill: str
    stroke: str | None = None


class Label(NamedTuple):
    x: float
    y: float  # the baseline
    text: str
    size: float = 13.0
    fill: str = INK
    anchor: Anchor = "start"
    bold: bool = False


Shape = Line | Dot | Box | Label


class Picture(NamedTuple):
    width: float
    height: float
    shapes: tuple[Shape, ...]
    lang: str
    title: str


# How wide each printable ASCII character is drawn, in hundredths of an em: the wider of Noto Sans CJK SC
# (what PNGs are drawn with on Linux; the Latin letters of Microsoft YaHei and PingFang are alike) and Arial
# (measured as Liberation Sans, its metric twin), 3% added. An upper bound: a label laid out by it never runs
# into the next one, in the PNG or in whichever font of the SVG's stack the reader has. (A flat half an em a
# letter, as before, made "01M8PJYF00QHB9Q4HFYS9898Q8" a tenth narrower than drawn: it ran into the next
# column.)
_REGULAR_EM: Final = """
 29  34  49  58  58  95  71  29  35  35  49  61  29  36  29  41
 58  58  58  58  58  58  58  58  58  58  29  29  61  61  61  58
105  69  69  75  75  69  63  81  75  31  56  69  58  86  75  81
 69  81  75  69  63  75  69  98  69  69  63  35  41  35  58  58
 63  58  64  53  64  58  34  59  63  29  29  57  30  96  63  63
 64  64  40  52  39  63  54  83  52  54  52  35  28  35  61
"""
_BOLD_EM: Final = """
 29  39  60  61  61 100  77  34  39  39  53  61  34  39  34  40
 61  61  61  61  61  61  61  61  61  61  35  35  61  61  61  63
104  75  75  75  75  69  63  81  78  34  59  75  63  88  78  81
 69  81  75  69  65  78  69  98  69  69  64  39  40  39  61  59
 65  61  67  58  67  60  39  63  66  32  32  63  33 100  67  65
 67  67  45  58  44  66  60  89  58  60  53  41  31  41  61
"""
# Rows of 16 code points, from the space (32) to the tilde (126). Below 32 and at 127, control characters take
# no room (they are shown escaped before they are drawn).
_ASCII_EM: Final = {
    bold: (0.0,) * 32 + tuple(int(n) / 100 for n in table.split()) + (0.0,)
    for bold, table in ((False, _REGULAR_EM), (True, _BOLD_EM))
}


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide `text` is drawn at `size`, at most (see the table above; a Chinese character takes an em)."""
    if text.isascii():
        table = _ASCII_EM[bold]
        return size * sum(table[ord(char)] for char in text)
    return size * sum(_em(char, bold) for char in text)


@lru_cache(maxsize=4096)
def _em(char: str, bold: bool) -> float:
    if char.isascii():
        return _ASCII_EM[bold][ord(char)]
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0.0
    # Wide, full-width and "ambiguous" characters (“ ” · × ≈ … ↑) take a full em in the Chinese fonts.
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F", "A") else 0.75


Bounds = tuple[float, float, float, float]  # left, top, right, bottom


def label_box(label: Label) -> Bounds:
    """The box a label's ink can take: as wide as `text_width`, from above capitals and accents (Å) to below
    descenders (g, y)."""
    width = text_width(label.text, label.size, label.bold)
    left = {"start": label.x, "middle": label.x - width / 2, "end": label.x - width}[label.anchor]
    return left, label.y - 1.05 * label.size, left + width, label.y + 0.3 * label.size


def dot_box(dot: Dot) -> Bounds:
    """The box a marker takes, its outline included."""
    reach = {"circle": 1.0, "square": 0.9, "diamond": 1.25}[dot.shape] * dot.radius + 0.75
    return dot.x - reach, dot.y - reach, dot.x + reach, dot.y + reach


def overlaps(a: Bounds, b: Bounds, gap: float = 0.0) -> bool:
    """Whether two boxes come closer than `gap`."""
    return a[0] - gap < b[2] and b[0] - gap < a[2] and a[1] - gap < b[3] and b[1] - gap < a[3]


def fit_text(text: str, room: float, size: float, bold: bool = False) -> str:
    """`text` as it is where it fits `room` points, else cut with "…" as `cut` cuts (never inside a number);
    "" where not even "…" fits. Reads no more of a text of megabytes than `room` can show."""
    if len(text) <= room and text_width(text, size, bold) <= room:
        return text
    sample = text[: 4 * int(room / size) + 8]  # no visible character is narrower than a quarter of an em
    fits, too_many = 0, width_of(sample) + 1  # cells: `cut` to `fits` fits the room, to `too_many` does not
    while too_many - fits > 1:
        middle = (fits + too_many) // 2
        if text_width(cut(sample, middle), size, bold) <= room:
            fits = middle
        else:
            too_many = middle
    return cut(sample, fits) if fits else ""


def wrap_text(text: str, room: float, size: float, most: int, bold: bool = False) -> list[str]:
    """`text` folded into at most `most` lines of `room` points, the last cut with "…" where the rest does
    not fit it."""
    sample = text[: most * (4 * int(room / size) + 8)]
    cells = max(int(room / (size * 0.5)), 1)
    while True:
        lines = wrap(sample, cells)
        if len(lines) > most:
            lines = [*lines[: most - 1], fit_text(_after(sample, lines[: most - 1]), room, size, bold)]
        if cells == 1 or all(text_width(line, size, bold) <= room for line in lines):
            return lines
        cells -= max(cells // 16, 1)


def _after(text: str, lines: Sequence[str]) -> str:
    """What follows `lines`, folded from the start of `text`, in `text`."""
    position = 0
    for line in lines:
        found = text.find(line, position)
        if found < 0:  # folding made a no-break space a space: the rest from the end of the last found
            break
        position = found + len(line)
    return text[position:].strip()


TITLE_CELLS: Final = 200  # of a picture's own title (a tooltip, a window's name)


def fitted(shape: Shape, width: float) -> Shape:
    """A label cut with "…" where it would run far past the picture's edge: a title of megabytes costs no
    more to draw than one that fits."""
    # Twice the width: widths are estimates, and a label that nearly fits is its picture's to lay out.
    room = 2 * width / (shape.size * 0.55) if isinstance(shape, Label) else 0
    if not isinstance(shape, Label) or width_of(shape.text) <= room:
        return shape
    return shape._replace(text=cut(shape.text, max(int(room), 1)))


# --- SVG -------------------------------------------------------------------------------------------------


def to_svg(picture: Picture) -> str:
    """A standalone SVG: sized, on white, its language said, text as text, nothing fetched."""
    width, height = f"{picture.width:g}", f"{picture.height:g}"
    root = _element("svg", xmlns="http://www.w3.org/2000/svg", width=width, height=height,
                    viewBox=f"0 0 {width} {height}", role="img", font_family=font_stack(picture.lang),
                    xml_lang="zh-CN" if picture.lang == "zh" else "en").removesuffix("/>") + ">"  # fmt: skip
    parts = [
        root,
        f"<title>{escape(cut(picture.title, TITLE_CELLS))}</title>",
        _element("rect", width="100%", height="100%", fill=PAPER),
    ]
    parts += [_svg_shape(fitted(shape, picture.width)) for shape in picture.shapes]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _element(tag: str, text: str | None = None, /, **attributes: str | float) -> str:
    """`<tag a="1"/>`, or with `text` `<tag a="1">text</tag>`; `font_family` is written font-family,
    `xml_lang` xml:lang."""
    written = " ".join(f'{_name(name)}="{escape(_value(value))}"' for name, value in attributes.items())
    return f"<{tag} {written}/>" if text is None else f"<{tag} {written}>{escape(text)}</{tag}>"


def _name(name: str) -> str:
    return "xml:lang" if name == "xml_lang" else name.replace("_", "-")


def _value(value: str | float) -> str:
    return f"{value:.1f}".removesuffix(".0") if isinstance(value, float) else str(value)


def _svg_shape(shape: Shape) -> str:
    if isinstance(shape, Line):
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in shape.points)
        dash = {"stroke_dasharray": shape.dash} if shape.dash else {}
        return _element("polyline", points=points, fill="none", stroke=shape.stroke, stroke_width=shape.width,
                        stroke_linejoin="round", stroke_linecap="round", **dash)  # fmt: skip
    if isinstance(shape, Dot):
        outline: dict[str, str | float] = {
            "fill": shape.fill or PAPER,
            "stroke": shape.stroke,
            "stroke_width": 1.5,
        }
        if shape.shape == "square":
            side = shape.radius * 1.8
            return _element(
                "rect", x=shape.x - side / 2, y=shape.y - side / 2, width=side, height=side, **outline
            )
        if shape.shape == "diamond":
            corners = _diamond(shape.x, shape.y, shape.radius * 1.25)
            return _element("polygon", points=" ".join(f"{x:.1f},{y:.1f}" for x, y in corners), **outline)
        return _element("circle", cx=shape.x, cy=shape.y, r=shape.radius, **outline)
    if isinstance(shape, Box):
        stroke = {"stroke": shape.stroke} if shape.stroke else {}
        return _element("rect", x=shape.x, y=shape.y, width=shape.width, height=shape.height, fill=shape.fill,
                        **stroke)  # fmt: skip
    weight = {"font_weight": "bold"} if shape.bold else {}
    return _element("text", shape.text, x=shape.x, y=shape.y, font_size=shape.size, fill=shape.fill,
                    text_anchor=shape.anchor, **weight)  # fmt: skip


def _diamond(x: float, y: float, r: float) -> list[tuple[float, float]]:
    return [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]


# --- PNG -------------------------------------------------------------------------------------------------

SCALE: Final = 2  # pixels per SVG unit: sharp on high-density screens and phones

# Where a font with Chinese is found without asking anything: Windows, macOS, the common Linux packages.
KNOWN_FONTS: Final = (
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
)
FONT_VARIABLE: Final = "GDZ_FONT"


def chinese_font(environ: os._Environ[str] | dict[str, str] = os.environ) -> Path:
    """A font file that has Chinese: GDZ_FONT, else a known place, else what fontconfig knows."""
    chosen = environ.get(FONT_VARIABLE)
    if chosen:
        if not Path(chosen).is_file():
            raise UsageError(msg("png.font_missing", path=chosen))
        _require_chinese(Path(chosen))
        return Path(chosen)
    for known in KNOWN_FONTS:
        if Path(known).is_file():
            return Path(known)
    found = _fontconfig_chinese()
    if found is None:
        raise UsageError(msg("png.no_font"))
    return found


# A face for Simplified Chinese, by its family's name: Noto Sans CJK SC, PingFang SC, Hiragino Sans GB, Source
# Han Sans CN, Source Han Sans Simplified Chinese. (SC, GB and CN as words: "Scala", "Gbuster" and "Hiragino
# Sans CNS", a Traditional face, say nothing.)
_SIMPLIFIED: Final = re.compile(r"\b(?:SC|GB|CN|Hans)\b|(?i:simplified)")
# Faces named for another region's forms: Japanese, Korean, and the Traditional ones (Chinese, but not the
# forms of the mainland), which are the last resort before them.
_JAPANESE_KOREAN: Final = re.compile(r"\b(?:JP|J|KR|K)\b|(?i:japanese|korean)")
_TRADITIONAL: Final = re.compile(r"\b(?:TC|HK|TW|MO|CNS|Hant)\b|(?i:traditional)")
MOST_FACES: Final = 64  # a collection's faces looked at; a damaged header may claim millions


def preferred_face(names: Sequence[str]) -> int:
    """The face of a collection to draw Chinese with: the first whose family's name says Simplified Chinese;
    else the first that names no other region (Microsoft YaHei); else a Traditional one; else the first (a
    collection's first face is often Japanese, whose glyph forms differ: 90 of 256 common characters)."""

    def rank(name: str) -> int:
        if _SIMPLIFIED.search(name):
            return 0
        return 3 if _JAPANESE_KOREAN.search(name) else 2 if _TRADITIONAL.search(name) else 1

    return min(range(len(names)), key=lambda n: (rank(names[n]), n), default=0)


def _face_index(font: Path) -> int:
    try:
        found = font.stat()
    except OSError:
        return 0  # opening it says what is wrong
    return _face_of(str(font), found.st_size, found.st_mtime_ns)


@lru_cache(maxsize=8)
def _face_of(font: str, size: int, modified: int) -> int:
    """The face to draw with, looked up once per version of the file (its size and time of change)."""
    from PIL import ImageFont

    names: list[str] = []
    for index in range(MOST_FACES):
        try:
            family = ImageFont.truetype(font, 12, index=index).getname()[0]
        except (OSError, ValueError, UnicodeError, MemoryError):
            break  # no such face (the file's last), or one that cannot be read: the ones before it count
        names.append(family or "")
    return preferred_face(names)


def open_font(font: Path, size: int) -> ImageFont.FreeTypeFont:
    """`font` at `size` pixels, in the face of a collection that draws Simplified Chinese."""
    from PIL import ImageFont

    return ImageFont.truetype(str(font), size, index=_face_index(font))


# What Pillow and FreeType raise for a font they cannot read or draw with: OSError ("invalid outline", "too
# many hints", "unknown file format", "broken file"), ValueError, and MemoryError for a glyph whose damaged
# size asks for a bitmap larger than the machine.
FONT_ERRORS: Final = (OSError, ValueError, MemoryError)


def _font_fault(font: Path, error: BaseException) -> UsageError:
    reason = " ".join(str(error).split()) or type(error).__name__
    return UsageError(msg("png.font_broken", path=str(font), reason=reason))


def _require_chinese(font: Path) -> None:
    """Refuse a file that is no font, or a font without Chinese (its characters would be drawn as boxes)."""
    try:
        face = open_font(font, 24)
    except FONT_ERRORS:
        raise UsageError(msg("png.font_missing", path=str(font))) from None
    try:
        # A character the font lacks is drawn as its "missing" glyph, the same as a code point no font has.
        lacking = bytes(face.getmask("东")) == bytes(face.getmask("\U0010fffd"))
    except FONT_ERRORS as error:
        raise _font_fault(font, error) from None
    if lacking:
        raise UsageError(msg("png.font_no_chinese", path=str(font)))


def _fontconfig_chinese() -> Path | None:
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        command = [fc_list, ":lang=zh", "file"]
        listed = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(line.split(":")[0].strip() for line in listed.splitlines() if line.strip())
    return Path(files[0]) if files else None


def bold_of(font: Path) -> Path:
    """A family's bold where it sits beside its regular (`X-Regular.ttc`, `X-Bold.ttc`), else `font`: only the
    file's name is read for "Regular", never the folders it is in."""
    bold = font.with_name(font.name.replace("Regular", "Bold"))
    return bold if bold != font and bold.is_file() else font


def to_png(picture: Picture, font: Path) -> bytes:
    """The picture as a PNG, drawn with `font` (which must hold Chinese where the picture does). A font that
    fails where its glyphs are drawn, not when it is opened, is named in one line."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (round(picture.width * SCALE), round(picture.height * SCALE)), PAPER)
    draw = ImageDraw.Draw(image)
    fonts: dict[tuple[float, bool], ImageFont.FreeTypeFont] = {}
    bold_font = bold_of(font)

    def font_of(size: float, bold: bool) -> ImageFont.FreeTypeFont:
        if (size, bold) not in fonts:
            fonts[size, bold] = open_font(bold_font if bold else font, round(size * SCALE))
        return fonts[size, bold]

    language = _shaping_language()
    for shape in picture.shapes:
        try:
            _png_shape(draw, fitted(shape, picture.width), font_of, language)
        except FONT_ERRORS as error:
            if not isinstance(shape, Label):
                raise
            raise _font_fault(bold_font if shape.bold else font, error) from None
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _shaping_language() -> str | None:
    """The language text is shaped in where Pillow shapes text (with libraqm, which its wheels carry):
    Chinese characters in their Simplified forms whichever face of a collection was opened — a second guard
    beside the choice of face, in an English picture's Chinese notes too. Latin letters are alike in all."""
    from PIL import features

    return "zh-Hans" if features.check_feature("raqm") else None


def _png_shape(draw: object, shape: Shape, font_of: object, language: str | None = None) -> None:
    from PIL import ImageDraw

    assert isinstance(draw, ImageDraw.ImageDraw)
    s = SCALE
    if isinstance(shape, Line):
        points = [(x * s, y * s) for x, y in shape.points]
        if shape.dash:
            for start, end in _dashes(points, [float(part) * s for part in shape.dash.split()]):
                draw.line([start, end], fill=shape.stroke, width=round(shape.width * s))
        else:
            draw.line(points, fill=shape.stroke, width=round(shape.width * s), joint="curve")
    elif isinstance(shape, Dot):
        r = shape.radius * s
        box = [shape.x * s - r, shape.y * s - r, shape.x * s + r, shape.y * s + r]
        fill = shape.fill or PAPER
        if shape.shape == "square":
            draw.rectangle(box, fill=fill, outline=shape.stroke, width=round(1.5 * s))
        elif shape.shape == "diamond":
            corners = _diamond(shape.x * s, shape.y * s, r * 1.25)
            draw.polygon(corners, fill=fill, outline=shape.stroke, width=round(1.5 * s))
        else:
            draw.ellipse(box, fill=fill, outline=shape.stroke, width=round(1.5 * s))
    elif isinstance(shape, Box):
        box = [shape.x * s, shape.y * s, (shape.x + shape.width) * s, (shape.y + shape.height) * s]
        draw.rectangle(box, fill=shape.fill, outline=shape.stroke)
    else:
        font = font_of(shape.size, shape.bold)  # type: ignore[operator]
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
        draw.text((shape.x * s, shape.y * s), shape.text, fill=shape.fill, font=font, anchor=anchor,
                  language=language)  # fmt: skip


Segment = tuple[tuple[float, float], tuple[float, float]]


def _dashes(points: Sequence[tuple[float, float]], pattern: Sequence[float]) -> list[Segment]:
    """A polyline cut into the dashes of `pattern` (drawn, gap, ...)."""
    dashes: list[Segment] = []
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        position, step, drawn = 0.0, 0, True
        while position < length and length:
            end = min(position + pattern[step % len(pattern)], length)
            if drawn:
                start_point = (x1 + (x2 - x1) * position / length, y1 + (y2 - y1) * position / length)
                end_point = (x1 + (x2 - x1) * end / length, y1 + (y2 - y1) * end / length)
                dashes.append((start_point, end_point))
            position, step, drawn = end, step + 1, not drawn
    return dashes


def picture_bytes(picture: Picture, fmt: str) -> bytes:
    """A picture as an SVG document or a PNG (drawn with a Chinese font found on the machine)."""
    return to_svg(picture).encode("utf-8") if fmt == "svg" else to_png(picture, chinese_font())
