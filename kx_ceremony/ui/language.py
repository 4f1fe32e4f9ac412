"""Vietnamese for the whole window, including the buttons Qt draws itself.

Qt ships no Vietnamese ``qtbase`` translation in most builds, so after trying to load
``qtbase_vi`` we install a small translator of our own for the texts Qt's standard
buttons and dialogs use (OK, Cancel, Yes, No, Save…).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

# Qt's own strings, by their English source text (the context does not matter here).
QT_TEXTS_VI: dict[str, str] = {
    "OK": "Đồng ý",
    "&OK": "&Đồng ý",
    "Cancel": "Hủy",
    "&Cancel": "&Hủy",
    "Yes": "Có",
    "&Yes": "&Có",
    "No": "Không",
    "&No": "&Không",
    "Yes to &All": "Có với &tất cả",
    "Yes to All": "Có với tất cả",
    "N&o to All": "Không với t&ất cả",
    "No to All": "Không với tất cả",
    "Save": "Lưu",
    "&Save": "&Lưu",
    "Save All": "Lưu tất cả",
    "Open": "Mở",
    "&Open": "&Mở",
    "Close": "Đóng",
    "&Close": "Đó&ng",
    "Close without Saving": "Đóng không lưu",
    "Don't Save": "Không lưu",
    "Discard": "Bỏ qua",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định",
    "Help": "Trợ giúp",
    "Abort": "Hủy bỏ",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Show Details...": "Xem chi tiết...",
    "Hide Details...": "Ẩn chi tiết...",
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "Cắ&t",
    "&Copy": "&Sao chép",
    "&Paste": "&Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
    "Look in:": "Tìm trong:",
    "File &name:": "&Tên tệp:",
    "Files of type:": "Loại tệp:",
    "&Choose": "&Chọn",
    "Back": "Quay lại",
    "Forward": "Tiếp",
    "Parent Directory": "Thư mục cha",
    "Create New Folder": "Tạo thư mục mới",
    "Name": "Tên",
    "Size": "Kích thước",
    "Type": "Loại",
    "Date Modified": "Ngày sửa",
    "All Files (*)": "Mọi tệp (*)",
    # The file dialog (ui/file_dialogs.py) and its file system model.
    "Computer": "Máy tính",
    "My Computer": "Máy tính",
    "Detail View": "Xem chi tiết",
    "List View": "Xem danh sách",
    "Files": "Tệp",
    "Sidebar": "Thanh bên",
    "Folder": "Thư mục",
    "File": "Tệp",
    "File Folder": "Thư mục",
    "Drive": "Ổ đĩa",
    "Unknown": "Không rõ",
    "%1 File": "Tệp %1",
    "Directory:": "Thư mục:",
    "Recent Places": "Nơi mở gần đây",
    "New Folder": "Thư mục mới",
    "&New Folder": "Thư mục &mới",
    "&Rename": "Đổi &tên",
    "&Delete": "&Xóa",
    "Show &hidden files": "Hiện tệp &ẩn",
    "Save As": "Lưu thành",
    "Find Directory": "Chọn thư mục",
    "Invalid filename": "Tên tệp không hợp lệ",
    "%1 already exists.\nDo you want to replace it?": "%1 đã có.\nCó ghi đè lên tệp đó không?",
    "%1\nFile not found.\nPlease verify the correct file name was given.": (
        "%1\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp."
    ),
    "%1\nDirectory not found.\nPlease verify the correct directory name was given.": (
        "%1\nKhông tìm thấy thư mục.\nHãy kiểm tra lại tên thư mục."
    ),
}


class QtTextsTranslator(QTranslator):
    """Translates Qt's built-in texts that no installed ``.qm`` file covers."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return QT_TEXTS_VI.get(source)  # None: not ours, Qt keeps looking

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


_installed: list[QTranslator] = []  # keep Python references alive


def install_vietnamese(app: QCoreApplication) -> None:
    """Vietnamese locale for dates and numbers; Vietnamese text for Qt's own buttons."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    if _installed:
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load("qtbase_vi", folder):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    ours = QtTextsTranslator(app)
    # Installed last so it is asked first; it answers only for texts it knows.
    app.installTranslator(ours)
    _installed.append(ours)
