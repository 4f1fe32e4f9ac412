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

_DIMENSION = re.compile(rb'<dimension\s+ref="[A-Z]{1,3}\d+:([A-Z]{1,3})(\d+)"')
_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
# Cells from column AA on that hold something; columns A-Z are always fine.
_WIDE_CELL_REF = re.compile(rb'<c r="([A-Z]{2,3})\d+"[^>]*>(?:<f|<v|<is)')
_HAS_VALUE = re.compile(rb"<v>|<is>|<f>|<f\s")


def check_xlsx_sheet_size(path: Path, data: bytes, sheet: str) -> None:
    """Refuse a sheet whose cells with content reach beyond MAX_ROWS or MAX_COLUMNS.

    Rows in sheet XML are in ascending order, so the tail of the part says how far the
    sheet reaches; cells that only carry formatting are skipped by the reader and here.
    Calamine allocates rows × columns, so a far column matters as much as a far row.
    """
    claim = _DIMENSION.search(data, 0, 64 * 1024)
    if claim and (int(claim.group(2)) > MAX_ROWS or _column_number(claim.group(1)) > MAX_COLUMNS):
        raise too_big(path, sheet)  # the sheet says it is that big: believe it, and refuse
    tail = data[-256 * 1024 :]
    last_row = 0
    for match in _ROW_NUMBER.finditer(tail):
        end = tail.find(b"</row>", match.end())
        body = tail[match.end() : end if end >= 0 else len(tail)]
        if _HAS_VALUE.search(body):
            last_row = max(last_row, int(match.group(1)))
    if last_row > MAX_ROWS:
        raise too_big(path, sheet)
    for cell in _WIDE_CELL_REF.finditer(data):
        if _column_number(cell.group(1)) > MAX_COLUMNS:
            raise too_big(path, sheet)


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + (ch - 64)
    return number


_ODS_ROW = re.compile(rb"<table:table-row\b([^>]*)>(.*?)</table:table-row>", re.DOTALL)
_ODS_TABLE = re.compile(rb'<table:table\b[^>]*?table:name="([^"]*)"')
_REPEATED_ROWS = re.compile(rb'table:number-rows-repeated="(\d+)"')
_WIDE_CELL = re.compile(rb'<table:table-cell\b[^>]*?number-columns-repeated="\d{4,}"[^>]*>')
_ODS_VALUE = re.compile(rb"office:value-type|<text:p>")


def check_ods_size(path: Path) -> None:
    """Refuse an ODS sheet whose rows with content, repeats included, exceed the limits.

    LibreOffice writes the empty rest of a sheet as one row repeated a million times;
    that is harmless. A row *with content* repeated a million times is not.
    """
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
        content = stream.read()
    rows = 0
    for match in _ODS_ROW.finditer(content):
        attrs, body = match.group(1), match.group(2)
        if b"<table:table " in body:
            continue
        if not _ODS_VALUE.search(body):
            continue
        repeated = _REPEATED_ROWS.search(attrs)
        rows += int(repeated.group(1)) if repeated else 1
        if rows > MAX_ROWS:
            raise too_big(path, "")
    for cell in _WIDE_CELL.finditer(content):
        if b"value-type" in cell.group(0):
            raise too_big(path, "")


def too_big(path: Path, sheet: str) -> UserError:
    where = f"trang «{sheet}» " if sheet else "một trang "
    return refuse(
        path,
        f"{where}khai báo hơn {MAX_ROWS:,} dòng hoặc {MAX_COLUMNS} cột có dữ liệu — quá lớn "
        "cho một danh sách khen thưởng; hãy xóa các dòng/cột thừa rồi lưu lại.".replace(",", "."),
    )
