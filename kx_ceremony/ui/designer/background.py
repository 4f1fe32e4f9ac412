"""The scan or photo of a blank, behind the designer's boxes (never printed).

PNG and JPEG are read by Qt's image reader, shrunk while reading to at most
``MAX_SIDE_PX`` (a 600 dpi A3 scan would take hundreds of megabytes); a PDF's page is
rendered by QtPdf. The picture is then stretched over the whole sheet: a scan's recorded
DPI is often wrong and a photo has none, while the sheet's size in millimetres is known.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsPixmapItem

from kx_ceremony.core.errors import UserError

MAX_SIDE_PX = 3000
IMAGE_FILTER = "Ảnh hoặc bản quét phôi (*.png *.jpg *.jpeg *.pdf)"
SUFFIXES = (".png", ".jpg", ".jpeg", ".pdf")


def _refuse(path: Path, why: str) -> UserError:
    return UserError(
        f"Không dùng được {path.name} làm ảnh nền: {why}; hãy chọn ảnh PNG, JPEG hoặc tệp PDF "
        "quét phôi."
    )


def pdf_page_count(path: Path) -> int:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_:
            raise _refuse(path, "tệp PDF hỏng hoặc có mật khẩu")
        return document.pageCount()
    finally:
        document.close()


def _render_pdf(path: Path, page: int) -> QImage:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_:
            raise _refuse(path, "tệp PDF hỏng hoặc có mật khẩu")
        if not 0 <= page < document.pageCount():
            raise _refuse(path, f"tệp không có trang {page + 1}")
        size = document.pagePointSize(page)
        if size.width() <= 0 or size.height() <= 0:
            raise _refuse(path, "trang PDF không có kích thước")
        scale = MAX_SIDE_PX / max(size.width(), size.height())
        image = document.render(
            page, QSize(round(size.width() * scale), round(size.height() * scale))
        )
    finally:
        document.close()
    if image.isNull():
        raise _refuse(path, "không vẽ được trang PDF")
    return image


def _read_image(path: Path) -> QImage:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # a phone photo's EXIF rotation
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_SIDE_PX:
        reader.setScaledSize(
            size.scaled(MAX_SIDE_PX, MAX_SIDE_PX, Qt.AspectRatioMode.KeepAspectRatio)
        )
    image = reader.read()
    if image.isNull():
        raise _refuse(path, f"không đọc được ảnh ({reader.errorString()})")
    return image


def load_background(path: Path, page: int = 0) -> QImage:
    """The picture of ``path`` (a PDF's ``page``, from 0); a refusal in one line."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise _refuse(path, "không phải ảnh PNG, JPEG hay PDF")
    if not path.is_file():
        raise _refuse(path, "không tìm thấy tệp (đã chuyển chỗ hoặc xóa)")
    if path.suffix.lower() == ".pdf":
        return _render_pdf(path, page)
    return _read_image(path)


class BackgroundItem(QGraphicsPixmapItem):
    """The picture stretched over the sheet; the boxes are drawn above it."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(-1)
        self.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.setOpacity(0.85)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show_image(self, image: QImage | None, page_size: tuple[float, float]) -> float:
        """Show ``image`` over the sheet; returns how far its shape is from the sheet's
        (0.0 the same proportions, 0.1 a tenth off)."""
        if image is None or image.isNull():
            self.setPixmap(QPixmap())
            self.setVisible(False)
            return 0.0
        self.setPixmap(QPixmap.fromImage(image))
        width, height = page_size
        self.setTransform(QTransform.fromScale(width / image.width(), height / image.height()))
        self.setPos(0, 0)
        self.setVisible(True)
        return abs((image.width() / image.height()) / (width / height) - 1.0)
