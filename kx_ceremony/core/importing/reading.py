"""Reading the cells of a nominee file: workbooks through python-calamine, CSV by hand.

Workbooks are parsed in a child process (``core/sandbox.py``): a file that makes the
reader abort, panic or swallow memory ends that child, never this process. Every call
into a reader runs inside :func:`reader_boundary`, which turns any failure (a reader's
exception, pyo3's ``PanicException``, the child's death or time limit) into one sentence
for the user, and lets KeyboardInterrupt and cancellation through untouched.
"""

from __future__ import annotations

import csv
import io
import logging
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from kx_ceremony.core import sandbox
from kx_ceremony.core.errors import Cancelled, UserError
from kx_ceremony.core.importing import inspection, xlsx_parts
from kx_ceremony.core.importing.inspection import refuse
from kx_ceremony.core.importing.sheets import SHEET_LIMITS, sheet_order  # noqa: F401 - offered here too
from kx_ceremony.core.sandbox_rows import SheetRows

log = logging.getLogger(__name__)

Cell = object  # str | float | int | bool | date | datetime | time | timedelta
# What the reader child refuses to turn into cells (the header row may add one).


@dataclass
class SheetData:
    name: str
    # A list (CSV), or the rows as they arrive from the reader child (sandbox_rows.py):
    # reading a row may wait for it, or refuse the file if the reader fails meanwhile.
    rows: Sequence[list[Cell]]
    # (row, column) from 0 -> "#N/A"-like error text, or xlsx_parts.NO_CACHED_VALUE.
    flags: dict[tuple[int, int], str] = field(default_factory=dict)


@contextmanager
def reader_boundary(path: Path) -> Iterator[None]:
    """Whatever a reader throws becomes a refusal naming the file; Ctrl+C stays Ctrl+C."""
    try:
        yield
    except (UserError, Cancelled, KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except MemoryError as exc:
        raise refuse(
            path, "tệp cần quá nhiều bộ nhớ để đọc; hãy xóa các dòng/cột thừa rồi lưu lại."
        ) from exc
    except sandbox.ReaderCrashed as exc:
        log.warning("reader process failed on %s: %s\n%s", path, exc.why, exc.output)
        raise refuse(
            path,
            "tệp hỏng hoặc quá lớn, chương trình đọc bảng tính phải dừng giữa chừng; hãy mở "
            "tệp bằng Excel hoặc LibreOffice, xóa các dòng/cột thừa và lưu lại, hoặc xin đơn "
            "vị gửi lại tệp.",
        ) from None
    except BaseException as exc:  # noqa: BLE001 - pyo3's PanicException is a BaseException
        log.warning("reader failed on %s", path, exc_info=True)
        raise refuse(path, _explain(exc)) from exc


def _explain(exc: BaseException) -> str:
    name = exc.type_name if isinstance(exc, sandbox.ReaderFailed) else type(exc).__name__
    if name == "PasswordError":
        return (
            "bảng tính được đặt mật khẩu; hãy mở bằng Excel, gỡ mật khẩu rồi lưu lại và nhập lại."
        )
    return (
        f"tệp bị hỏng hoặc không phải bảng tính hợp lệ ({name}); hãy mở thử bằng Excel hoặc "
        "LibreOffice và lưu lại, hoặc xin đơn vị gửi lại tệp."
    )


class Source:
    """An opened nominee file: its sheet names, and each sheet's cells on demand."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kind = inspection.inspect_file(path).kind
        self.encoding = ""
        self._csv: _CsvSheet | None = None
        self._workbook: sandbox.Workbook | None = None
        self._parts: dict[str, str] = {}
        self.hidden: set[str] = set()  # hidden sheets and chart/macro sheets
        if self.kind == "csv":
            with reader_boundary(path):
                self._csv = _read_csv(path)
            self.encoding = self._csv.encoding
            self.sheet_names = [self._csv.name]
            return
        if self.kind == "ods":
            with reader_boundary(path):
                inspection.check_ods_size(path)
        if self.kind == "xlsx":
            with reader_boundary(path), zipfile.ZipFile(path) as archive:
                self._parts = xlsx_parts.sheet_parts(archive)
        with reader_boundary(path):
            from kx_ceremony.core.importing import prefetch

            # .xlsx bytes under another name (.xls): read by content, not by extension.
            by_content = self.kind == "xlsx" and path.suffix.lower() not in (".xlsx", ".xlsm")
            self._workbook = prefetch.take(path) if self.kind == "xlsx" else None
            if self._workbook is None:
                self._workbook = sandbox.Workbook(str(path), by_content=by_content)
            self._workbook.wait_ready()
            self.sheet_names = self._workbook.sheet_names
            self.hidden = self._workbook.hidden  # hidden sheets and chart/macro sheets
        if not self.sheet_names:
            self.close()
            raise refuse(path, "bảng tính không có trang nào; hãy chọn đúng tệp danh sách.")

    def load(self, name: str) -> SheetData:
        if self._csv is not None:
            return self._csv
        if self.kind == "xlsx" and self._parts.get(name):
            # Read ahead by the child, with the same checks and flags as below (prefetch.py).
            with reader_boundary(self.path):
                try:
                    ahead = self._workbook.rows_read_ahead(name, SHEET_LIMITS)  # type: ignore[union-attr]
                except sandbox.SheetTooBig:
                    raise inspection.too_big(self.path, name) from None
                except sandbox.ReaderCrashed:
                    # The child parses while it checks: a sheet the check refuses may end
                    # it first. Refuse as the check does; anything else is the crash.
                    self._check_xml(name)
                    raise
            if ahead is not None:
                return SheetData(name, self._guarded(ahead[0]), ahead[1])  # type: ignore[arg-type]
        flags = self._check_xml(name) if self.kind == "xlsx" else {}
        # .xls and .ods reach here unchecked by XML: the child refuses before making cells.
        with reader_boundary(self.path):
            try:
                rows = self._workbook.rows(name, SHEET_LIMITS)  # type: ignore[union-attr]
            except sandbox.SheetTooBig:
                raise inspection.too_big(self.path, name) from None
        return SheetData(name, self._guarded(rows), flags)

    def _guarded(self, rows: SheetRows) -> SheetRows:
        """The rows still arriving, a failure meanwhile refused as any other read is."""
        rows.boundary = partial(reader_boundary, self.path)
        return rows

    def _check_xml(self, name: str) -> dict[tuple[int, int], str]:
        """Refuse a sheet too big by its XML, before calamine runs; its flagged cells."""
        flags: dict[tuple[int, int], str] = {}
        with reader_boundary(self.path), zipfile.ZipFile(self.path) as archive:
            part = self._parts.get(name)
            # A sheet we cannot place: check every worksheet part before calamine runs.
            parts = (
                [part]
                if part
                else [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
            )
            for each in parts:
                data = archive.read(each)
                inspection.check_xlsx_sheet_size(self.path, data, name)
                if each == part:
                    flags = xlsx_parts.flagged_cells(data)
                del data
        return flags

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None


# ---------------------------------------------------------------------------
# CSV


@dataclass
class _CsvSheet(SheetData):
    encoding: str = ""


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "UTF-8 (BOM)"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return raw.decode("cp1258", errors="replace"), "Windows-1258"


def _delimiter(text: str) -> str:
    """The separator that splits the first lines most consistently: comma, semicolon, tab."""
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    best, best_score = ",", -1
    for candidate in (",", ";", "\t"):
        counts = [len(next(csv.reader([line], delimiter=candidate))) for line in lines]
        score = max(counts, default=0)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _read_csv(path: Path) -> _CsvSheet:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise refuse(
            path,
            "tệp .csv không phải văn bản (có thể là UTF-16 hoặc tệp hỏng); hãy mở bằng Excel và "
            "lưu lại với kiểu «CSV UTF-8».",
        )
    text, encoding = _decode(raw)
    delimiter = _delimiter(text)
    rows: list[list[Cell]] = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    if len(rows) > inspection.MAX_ROWS:
        raise inspection.too_big(path, path.stem)
    return _CsvSheet(path.stem, rows, encoding=encoding)
