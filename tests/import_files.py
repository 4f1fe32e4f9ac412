"""Spreadsheets the import tests make on the spot: ordinary sheets, and hostile ones.

Each maker writes a real file (openpyxl, zipfile, raw bytes) the way a unit or an
attacker would, small and quickly, so the suite stays fast.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import zipfile
from pathlib import Path

SAMPLES = Path(__file__).parent / "samples"
FILES = Path(__file__).parent / "files"

HEADER = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Chức vụ", "Đơn vị", "Hình thức khen thưởng"]


def write_xlsx(path: Path, rows: list[list[object]], title: bool = True) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "DS"
    if title:
        ws.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"])
        ws.append([])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def person(
    i: int, name: str, award: str = "Giấy khen huyện", unit: str = "UBND xã Vũ Quý"
) -> list[object]:
    return [i, name, 1980 + i, "Nam", "Chuyên viên", unit, award]


def _rewrite_zip(src: Path, out: Path, part: str, change) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                data = change(data)
            zout.writestr(info.filename, data)
    return out


def zip_bomb(out: Path) -> Path:
    """A workbook whose sheet inflates 250-fold: 64 MB of blanks packed into kilobytes."""
    padding = b" " * (64 * 1024 * 1024)
    return _rewrite_zip(
        SAMPLES / "district.xlsx",
        out,
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(b"<sheetData>", b"<sheetData>" + padding, 1),
    )


def xml_bomb(out: Path) -> Path:
    """The "billion laughs": nested entities in the sheet XML."""
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    prologue = f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]>'.encode()

    def change(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[-1] if data.startswith(b"<?xml") else data
        return prologue + body.replace(b"<t>STT</t>", b"<t>&a9;</t>", 1)

    return _rewrite_zip(SAMPLES / "district.xlsx", out, "xl/worksheets/sheet1.xml", change)


def million_rows_xlsx(out: Path) -> Path:
    """A sheet with one cell a million rows down: calamine would allocate every row."""
    cell = b'<row r="1000000"><c r="A1000000" t="n"><v>5</v></c></row></sheetData>'
    return _rewrite_zip(
        SAMPLES / "district.xlsx",
        out,
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(b"</sheetData>", cell, 1),
    )


def million_rows_claimed(out: Path) -> Path:
    """A sheet whose dimension says A1:H1048576 though it holds 41 rows."""
    return _rewrite_zip(
        SAMPLES / "district.xlsx",
        out,
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(b'<dimension ref="A1:H41"', b'<dimension ref="A1:H1048576"', 1),
    )


def million_rows_ods(out: Path) -> Path:
    """An ODS data row marked as repeated a million times."""
    marker = b'<table:table-row table:style-name="ro1"><table:table-cell office:value-type="float" office:value="19"'

    def change(data: bytes) -> bytes:
        at = data.rfind(marker)
        head = b'<table:table-row table:style-name="ro1"'
        return data[:at] + head + b' table:number-rows-repeated="1000000"' + data[at + len(head) :]

    return _rewrite_zip(SAMPLES / "combined-lo.ods", out, "content.xml", change)


def renamed(src: Path, out: Path) -> Path:
    shutil.copyfile(src, out)
    return out


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text: str) -> bytes:
    """Encode as Windows does: letters like â/ơ precomposed, tone marks as combining marks."""
    import unicodedata

    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def store_fingerprint(path: Path) -> tuple[str, int]:
    """The store file's hash and its honouree count: both must survive a refused import."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with sqlite3.connect(path) as conn:
        count = conn.execute("SELECT count(*) FROM honourees").fetchone()[0]
    return digest, count


def honourees_in_file_order(path: Path, ceremony_id: int) -> list[dict[str, object]]:
    """What the store holds, in insertion (= file) order, with the award form's code."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT h.name, h.kind, h.gender, h.birth_year, h.position, h.unit, a.code "
            "FROM honourees h JOIN award_forms a ON a.id = h.award_form_id "
            "WHERE h.ceremony_id = ? ORDER BY h.id",
            (ceremony_id,),
        ).fetchall()
    keys = ("name", "kind", "gender", "birth_year", "position", "unit", "level")
    return [dict(zip(keys, r, strict=True)) for r in rows]
