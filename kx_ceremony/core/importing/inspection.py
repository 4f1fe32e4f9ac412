"""Look at a file before any spreadsheet library does: what it really is, and is it safe.

Third-party readers are fast but trust their input: a zip bomb inflates to gigabytes, a
sheet that claims a million rows makes calamine allocate them all. Everything here is
cheap (headers of the zip, the first kilobytes of each XML part, one pass over the sheet
XML) and refuses with one sentence the user can act on.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kx_ceremony.core.errors import UserError

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNPACKED_BYTES = 600 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for any part larger than BIG_PART
BIG_PART = 4 * 1024 * 1024
MAX_ROWS = 250_000
MAX_COLUMNS = 200
MAX_CELLS = 5_000_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
SUPPORTED_SUFFIXES = SPREADSHEET_SUFFIXES | {".csv"}


@dataclass(frozen=True)
class FileKind:
    """What the bytes say: "xlsx" (also .xlsm), "ods", "xls" or "csv"."""

    kind: str


def refuse(path: Path, what: str) -> UserError:
    return UserError(f"Không nhập được tệp {path.name}: {what}")


def inspect_file(path: Path) -> FileKind:
    """Decide how to read the file from its content, refusing mismatches and damage."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise UserError(f"Không có tệp {path}: hãy kiểm tra lại đường dẫn.")
    if path.is_dir():
        raise refuse(path, "đây là một thư mục; hãy chọn tệp danh sách (.xlsx, .xls, .ods, .csv).")
    if suffix not in SUPPORTED_SUFFIXES:
        raise refuse(
            path,
            f"không đọc được loại tệp «{suffix or '(không đuôi)'}»; hãy lưu danh sách thành "
            ".xlsx, .xls, .ods hoặc .csv rồi nhập lại.",
        )
    size = path.stat().st_size
    if size == 0:
        raise refuse(path, "tệp rỗng (0 byte); hãy lấy lại tệp gốc từ đơn vị gửi.")
    if size > MAX_FILE_BYTES:
        raise refuse(
            path,
            f"tệp quá lớn ({size // (1024 * 1024)} MB); danh sách khen thưởng thường chỉ vài "
            "trăm KB, hãy kiểm tra lại tệp.",
        )
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK"):
        # A ".xls" that is really .xlsx (saved by a web system under the old name): read it.
        if suffix == ".csv":
            raise refuse(
                path,
                f"tệp mang đuôi {suffix} nhưng thực ra là bảng tính Excel/ODS mới; hãy đổi "
                "đuôi thành .xlsx (hoặc .ods) rồi nhập lại.",
            )
        return FileKind(_inspect_zip(path))
    if head.startswith(OLE_MAGIC):
        return FileKind(_inspect_ole(path, suffix))
    if suffix == ".csv":
        return FileKind("csv")
    if _looks_like_text(path):
        raise refuse(
            path,
            f"tệp mang đuôi {suffix} nhưng thực ra là văn bản (CSV); hãy đổi đuôi thành .csv "
            "rồi nhập lại, hoặc mở bằng Excel và lưu lại thành .xlsx.",
        )
    raise refuse(
        path,
        "nội dung không phải bảng tính (có thể tệp bị hỏng hoặc tải về chưa xong); hãy mở "
        "thử bằng Excel, hoặc xin đơn vị gửi lại.",
    )


def _looks_like_text(path: Path) -> bool:
    with path.open("rb") as fh:
        sample = fh.read(4096)
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        # A multi-byte letter cut at the end of the sample is still text.
        return exc.start >= len(sample) - 3 or _mostly_printable(sample)


def _mostly_printable(sample: bytes) -> bool:
    printable = sum(1 for b in sample if b >= 32 or b in (9, 10, 13))
    return printable >= 0.95 * len(sample)


def _inspect_ole(path: Path, suffix: str) -> str:
    """An OLE compound file: an old .xls, or a password-protected new workbook."""
    with path.open("rb") as fh:
        data = fh.read(min(path.stat().st_size, 4 * 1024 * 1024))
    if (
        "EncryptedPackage".encode("utf-16-le") in data
        or "EncryptionInfo".encode("utf-16-le") in data
    ):
        raise refuse(
            path,
            "bảng tính được đặt mật khẩu; hãy mở bằng Excel, gỡ mật khẩu (Tệp › Thông tin › "
            "Bảo vệ sổ làm việc) và lưu lại rồi nhập lại.",
        )
    if suffix != ".xls":
        raise refuse(
            path,
            f"tệp mang đuôi {suffix} nhưng thực ra là bảng tính Excel 97–2003 (.xls); hãy đổi "
            "đuôi thành .xls rồi nhập lại.",
        )
    return "xls"


def _inspect_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            _check_bomb(path, infos)
            if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
                if "xl/workbook.bin" in names and "xl/workbook.xml" not in names:
                    raise refuse(
                        path,
                        "đây là sổ làm việc nhị phân .xlsb; hãy mở bằng Excel và lưu thành .xlsx.",
                    )
                kind = "xlsx"
            elif "content.xml" in names:
                kind = "ods"
            else:
                raise refuse(
                    path,
                    "đây là tệp nén zip nhưng không chứa bảng tính; hãy chọn đúng tệp danh "
                    "sách (.xlsx, .xls, .ods).",
                )
            for info in infos:
                if info.filename.endswith((".xml", ".rels")) and info.file_size:
                    _check_xml_prologue(path, archive, info)
            return kind
    except zipfile.BadZipFile as exc:
        raise refuse(
            path,
            "tệp bị hỏng hoặc chưa tải về hết (không mở được phần nén); hãy xin đơn vị gửi "
            "lại tệp, hoặc mở bằng Excel và lưu lại.",
        ) from exc
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise refuse(
            path,
            f"tệp nén không đọc được ({type(exc).__name__}); hãy mở bằng Excel và lưu lại "
            "thành .xlsx rồi nhập lại.",
        ) from exc


def _check_bomb(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    total = sum(i.file_size for i in infos)
    suspicious = [
        i
        for i in infos
        if i.file_size > BIG_PART and i.file_size > MAX_RATIO * max(i.compress_size, 1)
    ]
    if total > MAX_UNPACKED_BYTES or suspicious:
        raise refuse(
            path,
            "tệp nén bung ra quá lớn so với kích thước (dấu hiệu «bom nén»), nên không mở; "
            "hãy xin đơn vị gửi lại danh sách.",
        )


_DANGEROUS_XML = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _check_xml_prologue(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Entity definitions have no place in a workbook: they are how XML bombs explode."""
    with archive.open(info) as part:
        head = part.read(8192)
    if _DANGEROUS_XML.search(head):
        raise refuse(
            path,
            f"phần «{info.filename}» chứa khai báo XML không an toàn (dấu hiệu «bom XML»), nên "
            "không mở; hãy mở bằng Excel và lưu lại rồi nhập lại.",
        )


# ---------------------------------------------------------------------------
# What a sheet claims, before calamine allocates it
#
# Cheap refusals of the known ways to make calamine allocate rows x columns cells: they
# answer in milliseconds with a precise sentence. They need not be complete: whatever
# slips past them is read in the sandboxed child (core/sandbox.py), which a hostile file
# can only kill. calamine matches .xlsx elements by local name, in any attribute order,
# so these patterns allow a namespace prefix (<x:c>), any attribute order and either
# quote, and they scan the whole part (a long comment cannot push a cell out of view).

_P = rb"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix
_Q = rb"[\"']"
_DIMENSION = re.compile(
    rb"<" + _P + rb"dimension\b[^>]*?\bref=" + _Q + rb"(?:[A-Z]{1,3}\d+:)?([A-Z]{1,3})(\d+)" + _Q
)
_SHEET_DATA = re.compile(rb"<" + _P + rb"sheetData\b")
# A reference from column AA or row 100000 on: the only ones that can be too far, found
# with one scan that starts on a literal (ordinary cells cost almost nothing); then the
# element around it is looked at.
_FAR_REF = re.compile(rb"r=" + _Q + rb"(?:[A-Z]{2,3}\d|[A-Z]?\d{6})")
_REF = re.compile(rb"r=" + _Q + rb"([A-Z]{0,3})(\d+)" + _Q)
_ELEMENT = re.compile(rb"<" + _P + rb"(c|row)[\s/>]")
_XLSX_VALUE = re.compile(rb"<" + _P + rb"(?:v|is|f)\b")
_ROW_END = re.compile(rb"</" + _P + rb"row>")
_CELL_END = re.compile(rb"</" + _P + rb"c>")


def check_xlsx_sheet_size(path: Path, data: bytes, sheet: str) -> None:
    """Refuse a sheet whose cells with content reach beyond MAX_ROWS or MAX_COLUMNS.

    Cells that only carry formatting are skipped by the reader and here. Calamine
    allocates rows × columns, so a far column matters as much as a far row.
    """
    body_at = _SHEET_DATA.search(data)
    claim = _DIMENSION.search(data, 0, body_at.start() if body_at else len(data))
    if claim and (int(claim.group(2)) > MAX_ROWS or _column_number(claim.group(1)) > MAX_COLUMNS):
        raise too_big(path, sheet)  # the sheet says it is that big: believe it, and refuse
    for found in _FAR_REF.finditer(data):
        ref = _REF.match(data, found.start())
        if ref is None:
            continue
        letters, row = ref.group(1), int(ref.group(2))
        if row <= MAX_ROWS and _column_number(letters) <= MAX_COLUMNS:
            continue
        opened = data.rfind(b"<", 0, found.start())
        element = _ELEMENT.match(data, opened)
        tag_end = data.find(b">", found.end())
        if element is None or tag_end < 0 or data[tag_end - 1 : tag_end] == b"/":
            continue  # not a cell or a row, or an empty one
        is_row = element.group(1) == b"row"
        if is_row and not letters and _has_content(data, tag_end, _ROW_END):
            raise too_big(path, sheet)
        if not is_row and letters and _has_content(data, tag_end, _CELL_END):
            raise too_big(path, sheet)


def _has_content(data: bytes, start: int, closing: re.Pattern[bytes]) -> bool:
    """Does the element opened just before ``start`` hold a value, a formula or text?"""
    end = closing.search(data, start)
    return _XLSX_VALUE.search(data, start, end.start() if end else len(data)) is not None


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + (ch - 64)
    return number


_ODS_TABLE = re.compile(rb"<table:table(?=[\s>/])")
_ODS_ROW = re.compile(rb"<table:table-row\b([^>]*?)(?:/>|>(.*?)</table:table-row>)", re.DOTALL)
_ODS_CELL = re.compile(
    rb"<table:(covered-)?table-cell\b([^>]*?)(?:/>|>(.*?)</table:(?:covered-)?table-cell>)",
    re.DOTALL,
)
_REPEATED_ROWS = re.compile(rb"table:number-rows-repeated=[\"'](\d+)[\"']")
_REPEATED_COLUMNS = re.compile(rb"table:number-columns-repeated=[\"'](\d+)[\"']")
_ODS_VALUE = re.compile(rb"office:value-type|<text:")


def check_ods_size(path: Path) -> None:
    """Refuse an ODS sheet whose cells with content, repeats included, reach too far.

    LibreOffice writes the empty rest of a sheet as one row repeated a million times;
    that is harmless. A row or a cell *with content* repeated, or content after such a
    gap, makes the reader allocate every row and column up to it: counted here with the
    same arithmetic (rows and columns up to the last cell with content, per table).
    """
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
        content = stream.read()
    starts = [m.start() for m in _ODS_TABLE.finditer(content)] + [len(content)]
    for begin, end in zip(starts, starts[1:], strict=False):
        height = width = row_at = 0
        for row in _ODS_ROW.finditer(content, begin, end):
            repeated = _REPEATED_ROWS.search(row.group(1) or b"")
            count = int(repeated.group(1)) if repeated else 1
            row_at += count
            last = _last_content_column(row.group(2) or b"")
            if last:
                height, width = row_at, max(width, last)
            if height > MAX_ROWS or width > MAX_COLUMNS or height * width > MAX_CELLS:
                raise too_big(path, "")


def _last_content_column(body: bytes) -> int:
    if not _ODS_VALUE.search(body):
        return 0
    column = last = 0
    for cell in _ODS_CELL.finditer(body):
        repeated = _REPEATED_COLUMNS.search(cell.group(2) or b"")
        column += int(repeated.group(1)) if repeated else 1
        if _ODS_VALUE.search(cell.group(2) or b"") or _ODS_VALUE.search(cell.group(3) or b""):
            last = column
    return last


def too_big(path: Path, sheet: str) -> UserError:
    where = f"trang «{sheet}» " if sheet else "một trang "
    return refuse(
        path,
        f"{where}khai báo hơn {MAX_ROWS:,} dòng hoặc {MAX_COLUMNS} cột có dữ liệu — quá lớn "
        "cho một danh sách khen thưởng; hãy xóa các dòng/cột thừa rồi lưu lại.".replace(",", "."),
    )
