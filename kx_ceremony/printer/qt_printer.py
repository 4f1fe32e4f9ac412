"""Send a finished PDF to a printer through Qt's QPrinter, at 100 %, page by page.

The PDF is the very file ``-o`` writes (ReportLab), so a printed page and a saved page are
the same document. Each page is rendered by PDFium (QtPdf) at the printer's resolution in
horizontal strips and drawn 1:1 onto a full page (``setFullPage``: no margins, origin at
the paper's corner) whose size is the PDF page's own size (the blank's). Nothing is ever
scaled to a printable area; a printer's feed error is corrected by the per-printer offset
already applied when the PDF was made. Rendering rather than handing the PDF to the
spooler is what works the same on Windows (no PDF spooling there) and on CUPS.

A job stopped by the user (``should_cancel``) ends cleanly after the last whole page, so
the pages already drawn are printed and the caller knows exactly how many.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kx_ceremony.core.errors import UserError

DEFAULT_DPI = 600
STRIP_HEIGHT = 512  # device pixels rendered at a time (memory stays small at 600 dpi)
MM_PER_POINT = 25.4 / 72

Progress = Callable[[int, int], None]
_APP: object = None  # the application made for printing, kept alive
ShouldCancel = Callable[[], bool]


@dataclass(frozen=True)
class PrinterEntry:
    name: str
    is_default: bool
    trays: tuple[str, ...]


@dataclass(frozen=True)
class PrintedJob:
    printer: str
    pages: int  # pages sent to the printer (from the first; fewer than total when cut short)
    total: int
    problem: str = ""  # why the printer stopped taking pages, when it did

    @property
    def complete(self) -> bool:
        return self.pages == self.total


def ensure_app() -> None:
    """A Qt application for printing; with no screen (a server, a terminal) use Qt's
    offscreen platform, which still prints through the system's spooler. A full
    QApplication, so the window can still be opened later in the same process."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _APP
    _APP = QApplication(["kx-ceremony"])


def _tray_names(info: object) -> tuple[str, ...]:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(info)  # type: ignore[call-overload]
    sources = getattr(printer, "supportedPaperSources", None)
    if sources is None:
        return ()
    return tuple(s.name for s in sources())


def list_printers() -> list[PrinterEntry]:
    ensure_app()
    from PySide6.QtPrintSupport import QPrinterInfo

    default = QPrinterInfo.defaultPrinterName()
    return [
        PrinterEntry(info.printerName(), info.printerName() == default, _tray_names(info))
        for info in QPrinterInfo.availablePrinters()
    ]


def offset_key(printer: str, tray: str | None = None) -> str:
    """The key a printer's x/y offset is saved under: its name, and tray when chosen."""
    return f"{printer} / {tray}" if tray else printer


def _printer_info(name: str):  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinterInfo

    names = [i.printerName() for i in QPrinterInfo.availablePrinters()]
    if name not in names:
        known = ", ".join(names) if names else "không có máy in nào"
        raise UserError(
            f"Không có máy in «{name}» (máy in hiện có: {known}); lệnh «printers» liệt kê tên đúng."
        )
    return QPrinterInfo.printerInfo(name)


def _paper_source(printer, tray: str):  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    source = getattr(QPrinter.PaperSource, tray, None)
    if source is None:
        choices = ", ".join(m for m in QPrinter.PaperSource.__members__ if m != "LastPaperSource")
        raise UserError(f"Khay giấy «{tray}» không hợp lệ; hãy chọn một trong: {choices}.")
    printer.setPaperSource(source)


def _page_layout(width_pt: float, height_pt: float):  # type: ignore[no-untyped-def]
    """A full page of exactly the PDF page's size, no margins, as drawn (no rotation)."""
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize

    width_mm, height_mm = width_pt * MM_PER_POINT, height_pt * MM_PER_POINT
    size = QPageSize(
        QSizeF(width_mm, height_mm),
        QPageSize.Unit.Millimeter,
        f"KX {width_mm:.0f}x{height_mm:.0f} mm",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    return QPageLayout(
        size,
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def _draw_page(painter, document, page: int, width_px: int, height_px: int) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect, QSize, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPdf import QPdfDocumentRenderOptions

    options = QPdfDocumentRenderOptions()
    options.setScaledSize(QSize(width_px, height_px))
    empty = None
    for top in range(0, height_px, STRIP_HEIGHT):
        rows = min(STRIP_HEIGHT, height_px - top)
        options.setScaledClipRect(QRect(0, top, width_px, rows))
        strip = document.render(page, QSize(width_px, rows), options)
        if empty is None or empty.size() != strip.size():
            empty = QImage(strip.size(), strip.format())
            empty.fill(Qt.GlobalColor.transparent)
        if strip == empty:
            continue  # nothing on this strip: send nothing
        flat = QImage(strip.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)
        with_white = QPainter(flat)
        with_white.drawImage(0, 0, strip)
        with_white.end()
        painter.drawImage(0, top, flat)


def print_pdf(
    pdf: Path,
    printer_name: str,
    *,
    tray: str | None = None,
    copies: int = 1,
    title: str = "KX Ceremony",
    dpi: int = DEFAULT_DPI,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> PrintedJob:
    """Print every page of ``pdf`` at 100 % on ``printer_name``; returns how many pages
    went out (all of them unless the user stopped the job)."""
    ensure_app()
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    info = _printer_info(printer_name)
    if copies < 1:
        raise UserError("Số bản in phải từ 1 trở lên.")
    if not 72 <= dpi <= 1200:
        raise UserError(
            f"Độ phân giải {dpi} dpi không hợp lệ; hãy chọn từ 72 đến 1200 (thường 600)."
        )
    document = QPdfDocument()
    document.load(str(pdf))
    total = document.pageCount()
    if document.status() != QPdfDocument.Status.Ready or total == 0:
        raise UserError(f"Không đọc được tệp PDF {pdf} để in; hãy tạo lại văn bản.")
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setResolution(dpi)
    printer.setFullPage(True)
    printer.setDocName(title)
    printer.setCopyCount(copies)
    if tray:
        _paper_source(printer, tray)
    first = document.pagePointSize(0)
    printer.setPageLayout(_page_layout(first.width(), first.height()))
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(
            f"Không mở được máy in «{printer_name}»; hãy kiểm tra máy in đã bật và kết nối."
        )
    done, problem = 0, ""
    try:
        for page in range(total):
            if page and should_cancel is not None and should_cancel():
                break
            size = document.pagePointSize(page)
            if page:
                printer.setPageLayout(_page_layout(size.width(), size.height()))
                if not printer.newPage():
                    problem = f"máy in «{printer_name}» ngừng nhận trang {page + 1}"
                    break
            resolution = printer.resolution()
            width_px = round(size.width() / 72 * resolution)
            height_px = round(size.height() / 72 * resolution)
            _draw_page(painter, document, page, width_px, height_px)
            done += 1
            if progress is not None:
                progress(done, total)
    finally:
        painter.end()  # sends the pages drawn so far
        document.close()
    return PrintedJob(printer_name, done, total, problem)
