"""The designer's file actions: the scan of the blank, export and import of a layout, and
«In thử» (the longest real texts on plain paper, as a PDF shown here or on a printer).

Every file dialog goes through ``ui/file_dialogs``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QInputDialog, QVBoxLayout

from kx_ceremony.core.printing.layout_files import read_layout_file, write_layout_file
from kx_ceremony.core.printing.layout_store import Background
from kx_ceremony.core.printing.printer_offset import load_offset
from kx_ceremony.core.printing.test_sheet import write_test_sheet
from kx_ceremony.ui import messages
from kx_ceremony.ui.designer.background import IMAGE_FILTER, load_background, pdf_page_count
from kx_ceremony.ui.file_dialogs import choose_open_file, choose_save_file

if TYPE_CHECKING:
    from kx_ceremony.ui.designer.window import DesignerWindow

LAYOUT_FILTER = "Mẫu in KX Ceremony (*.json)"


class DesignerActions:
    def __init__(self, window: DesignerWindow) -> None:
        self.window = window
        self.preview_dir = Path(tempfile.mkdtemp(prefix="kx-ceremony-test-sheet-"))
        self.preview: Any = None  # the «In thử» dialog, built on first use
        self.last_test_sheet: Path | None = None

    def _stem(self) -> str:
        from kx_ceremony.core.printing.certificates import safe_filename

        return safe_filename(f"mau-in {self.window.form.short_name or self.window.form.full_name}")

    # -- the scan of the blank ---------------------------------------------------------------
    def choose_background(self) -> None:
        self._run(self._choose_background)

    def _choose_background(self) -> None:
        path = choose_open_file(self.window, self.window.tr("Chọn ảnh quét phôi"), IMAGE_FILTER)
        if path is not None:
            self.use_background(path)

    def use_background(self, path: Path, page: int | None = None) -> None:
        """Check the picture loads (a PDF of several pages asks which one), then use it."""
        if page is None:
            page = 0
            if path.suffix.lower() == ".pdf" and (count := pdf_page_count(path)) > 1:
                chosen, ok = QInputDialog.getInt(
                    self.window,
                    self.window.tr("Trang của tệp PDF"),
                    self.window.tr("Tệp có %d trang; dùng trang số:") % count,
                    1,
                    1,
                    count,
                )
                if not ok:
                    return
                page = chosen - 1
        load_background(path, page)  # refuses a broken picture before anything changes
        self.window.set_background(Background(str(path.resolve()), page))

    # -- export and import ---------------------------------------------------------------------
    def export_layout(self) -> None:
        self._run(self._export)

    def _export(self) -> None:
        target = choose_save_file(
            self.window,
            self.window.tr("Xuất mẫu in ra tệp"),
            str(Path.home() / f"{self._stem()}.json"),
            LAYOUT_FILTER,
        )
        if target is None:
            return
        if target.suffix.lower() != ".json":
            target = target.with_name(target.name + ".json")
        form = self.window.form
        path = write_layout_file(target, self.window.data, form.full_name)
        self.window.status.setText(self.window.tr("Đã xuất mẫu in ra %s.") % path)

    def import_layout(self) -> None:
        self._run(self._import)

    def _import(self) -> None:
        path = choose_open_file(self.window, self.window.tr("Nhập mẫu in từ tệp"), LAYOUT_FILTER)
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Use a shared layout (checked whole first; a refusal changes nothing). Undoable,
        and saved only with «Lưu»."""
        data = read_layout_file(path)
        self.window.change(self.window.tr("Nhập mẫu in %s") % path.name, data)
        self.window.status.setText(
            self.window.tr("Đã nhập mẫu in từ %s; bấm «Lưu» để dùng khi in.") % path.name
        )

    # -- «In thử» -----------------------------------------------------------------------------
    def _texts(self) -> dict[str, str]:
        return dict(self.window.samples.variable)

    def test_print_preview(self) -> None:
        self._run(self._preview)

    def _preview(self) -> None:
        layout = self.window.layout_now()
        target = self.preview_dir / f"{self._stem()}-in-thu.pdf"
        if self.preview is not None:
            self.preview.pdf.release()  # let go of the last sheet before writing over it
        path = write_test_sheet(target, layout, self._texts(), load_offset())
        self.last_test_sheet = path
        self._show(path)

    def _show(self, path: Path) -> None:
        from kx_ceremony.ui.pdf_preview import PdfPreview

        if self.preview is None:
            dialog = QDialog(self.window)
            dialog.setWindowTitle(self.window.tr("In thử — xem trước"))
            dialog.pdf = PdfPreview(dialog)  # type: ignore[attr-defined]
            box = QVBoxLayout(dialog)
            box.addWidget(dialog.pdf)  # type: ignore[attr-defined]
            dialog.resize(900, 640)
            self.preview = dialog
        self.preview.pdf.show_file(
            path,
            self.window.tr(
                "In thử lên giấy trắng, khổ thật (100 %%, không co giãn), rồi đặt chồng lên phôi"
            ),
        )
        self.preview.show()

    def test_print_printer(self) -> None:
        self._run(self._printer)

    def _printer(self) -> None:
        from kx_ceremony.ui.printer_dialog import ask_printer

        choice = ask_printer(self.window)
        if choice is None:
            return
        layout = self.window.layout_now()
        texts = self._texts()
        title = self.window.tr("In thử mẫu %s") % self.window.form.full_name

        def task(progress: Any) -> str:
            from kx_ceremony.printer.jobs import print_document_to_printer
            from kx_ceremony.printer.qt_printer import offset_key

            offset = load_offset(offset_key(choice.name, choice.tray))
            sent = print_document_to_printer(
                lambda out: write_test_sheet(out, layout, texts, offset),
                choice.name,
                tray=choice.tray,
                copies=choice.copies,
                title=title,
            )
            return f"Đã gửi trang in thử tới máy in «{sent.printer}»."

        self.window.runner.run(
            self.window, title, task, lambda text: messages.inform(self.window, text)
        )

    def _run(self, action: Any) -> None:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - the window's error boundary
            messages.report(self.window, exc)

    def discard(self) -> None:
        import shutil

        if self.preview is not None:
            self.preview.pdf.release()
        shutil.rmtree(self.preview_dir, ignore_errors=True)
