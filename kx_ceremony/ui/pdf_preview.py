"""A PDF shown inside the window (QtPdf), with "open in the system viewer"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class PdfPreview(QWidget):
    """QtPdf is imported when the first preview is built, not at start-up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.path: Path | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.caption = QLabel(self.tr("Chưa có bản xem trước: chọn văn bản rồi bấm «Xem trước»."))
        self.caption.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Mở bằng trình xem PDF của máy"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_externally)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def show_file(self, path: Path, caption: str = "") -> None:
        self.path = Path(path)
        self.document.close()
        self.document.load(str(self.path))
        pages = self.document.pageCount()
        self.caption.setText(
            (caption + " — " if caption else "") + self.tr("%s trang · %s") % (pages, self.path)
        )
        self.open_button.setEnabled(True)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def open_externally(self) -> bool:
        """Open the shown PDF in the computer's own viewer; say so in the window if it fails."""
        if self.path is None:
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))):
            return True
        from kx_ceremony.ui import messages

        messages.show_error(
            self,
            self.tr(
                "Không mở được tệp bằng trình xem PDF của máy (máy chưa có chương trình đọc PDF "
                "hoặc chương trình đó không mở được). Tệp vẫn ở %s: hãy mở bằng tay, hoặc cài "
                "một chương trình đọc PDF rồi bấm lại."
            )
            % self.path,
        )
        return False

    def release(self) -> None:
        """Let go of the shown file (so it can be deleted, on Windows too)."""
        self.document.close()
        self.path = None
        self.open_button.setEnabled(False)
