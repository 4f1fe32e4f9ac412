"""The serif every document is set in, registered with ReportLab once per process.

Times New Roman where the PC has it (Decree 30's font), else the Liberation Serif we ship
(metric-compatible, full Vietnamese repertoire). Text is checked against the font before
printing: a character the font lacks would print as an empty box.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.paths import resource_path

FAMILY = "KXSerif"
STYLES = ("regular", "bold", "italic", "bolditalic")

_LIBERATION = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}
_TIMES = {
    "regular": "times.ttf",
    "bold": "timesbd.ttf",
    "italic": "timesi.ttf",
    "bolditalic": "timesbi.ttf",
}
_TIMES_DIRS = (
    Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
    Path("/usr/share/fonts/truetype/msttcorefonts"),
    Path("/Library/Fonts"),
)


@dataclass(frozen=True)
class FontSet:
    label: str  # "Times New Roman" or "Liberation Serif"
    files: dict[str, Path]

    def name(self, style: str = "regular") -> str:
        """The ReportLab font name for a style."""
        return {
            "regular": FAMILY,
            "bold": f"{FAMILY}-Bold",
            "italic": f"{FAMILY}-Italic",
            "bolditalic": f"{FAMILY}-BoldItalic",
        }[style]


def _find_times() -> dict[str, Path] | None:
    for folder in _TIMES_DIRS:
        found = {style: _case_insensitive(folder, fname) for style, fname in _TIMES.items()}
        if all(found.values()):
            return found  # type: ignore[return-value]
    return None


def _case_insensitive(folder: Path, name: str) -> Path | None:
    if not folder.is_dir():
        return None
    direct = folder / name
    if direct.is_file():
        return direct
    lowered = name.lower()
    for candidate in folder.iterdir():
        if candidate.name.lower() == lowered:
            return candidate
    return None


def choose_fonts() -> FontSet:
    """Times New Roman if installed (unless KX_CEREMONY_FONT=liberation), else Liberation Serif."""
    if os.environ.get("KX_CEREMONY_FONT", "").lower() != "liberation":
        times = _find_times()
        if times:
            return FontSet("Times New Roman", times)
    folder = resource_path("fonts")
    files = {style: folder / fname for style, fname in _LIBERATION.items()}
    missing = [str(p) for p in files.values() if not p.is_file()]
    if missing:
        raise UserError(f"Thiếu tệp phông chữ {missing[0]}; hãy cài lại KX Ceremony.")
    return FontSet("Liberation Serif", files)


_lock = threading.Lock()
_registered: FontSet | None = None


def register_fonts() -> FontSet:
    """Register the family with ReportLab (once); later calls return the same set."""
    global _registered
    with _lock:
        if _registered is not None:
            return _registered
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        fonts = choose_fonts()
        for style in STYLES:
            pdfmetrics.registerFont(TTFont(fonts.name(style), str(fonts.files[style])))
        pdfmetrics.registerFontFamily(
            FAMILY,
            normal=fonts.name(),
            bold=fonts.name("bold"),
            italic=fonts.name("italic"),
            boldItalic=fonts.name("bolditalic"),
        )
        for bold, italic, style in (
            (0, 0, "regular"),
            (1, 0, "bold"),
            (0, 1, "italic"),
            (1, 1, "bolditalic"),
        ):
            addMapping(FAMILY, bold, italic, fonts.name(style))
        _registered = fonts
        return fonts


def missing_characters(text: str, style: str = "regular") -> list[str]:
    """Characters of ``text`` (NFC) that the registered font cannot draw."""
    from reportlab.pdfbase import pdfmetrics

    fonts = register_fonts()
    face = pdfmetrics.getFont(fonts.name(style)).face
    table = face.charToGlyph
    text = unicodedata.normalize("NFC", text)
    return sorted({ch for ch in text if not ch.isspace() and ord(ch) not in table})


def check_printable(text: str, where: str, style: str = "regular") -> None:
    """Refuse text with a character the font lacks, naming the character and where it is."""
    missing = missing_characters(text, style)
    if missing:
        shown = ", ".join(f"«{ch}» (U+{ord(ch):04X})" for ch in missing[:5])
        raise UserError(
            f"{where}: phông {register_fonts().label} không có ký tự {shown}; "
            "hãy sửa lại chữ đó (thường do gõ nhầm bảng mã) rồi in lại."
        )
