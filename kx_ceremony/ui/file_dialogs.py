"""Every file dialog of the window, built so that nothing in this process reads a file.

Why: on POSIX systems closing *any* descriptor of a file drops every fcntl lock this
process holds on it (SQLite's "How To Corrupt", section 2.2). Qt's stock file dialog
guesses each listed file's type by opening and reading it (QMimeDatabase, from the file
system model's icon provider, in its gatherer thread). Shown in the store's folder, it
opened and closed ``store.sqlite``: SQLite's locks were gone, the next ``kx-ceremony``
process thought the store unused and deleted the ``-wal`` the window still wrote into.

So every dialog here is Qt's own widget dialog (never the platform's, whose plug-ins
may read files too) with an icon provider that only looks at names and ``stat`` data,
symlinks left unresolved, no rename/delete, and Vietnamese labels. It starts listing an
empty private folder, so the model's first listing, made before our provider is set,
has nothing to read. Paths chosen here, dropped on the window or typed are refused when
they name one of the open store's files (``refuse_store_file``): the import reader, a
PDF written over it or a backup into it would open the store behind SQLite's back.

No other module of the window may use ``QFileDialog`` (a test enforces it).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget

from kx_ceremony.core.errors import UserError

# The files SQLite keeps beside a store, by the suffix added to the store's name.
STORE_SIDE_FILES = ("", "-wal", "-shm", "-journal")

# What the dialog calls a file, by suffix (looked up from the name only).
TYPE_NAMES = {
    "sqlite": "Kho dữ liệu",
    "db": "Kho dữ liệu",
    "pdf": "Tệp PDF",
    "xlsx": "Bảng tính Excel",
    "xlsm": "Bảng tính Excel",
    "xls": "Bảng tính Excel 97–2003",
    "ods": "Bảng tính OpenDocument",
    "csv": "Bảng tính CSV",
}

_protected: list[Path] = []
_empty_folder: list[Path] = []
_provider: list[NameOnlyIconProvider] = []


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from the name and ``stat`` data alone: no file is opened.

    Qt calls ``icon`` and ``type`` from the model's gatherer thread, so the icons are made
    once, in the GUI thread, and only handed out afterwards.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setOptions(QAbstractFileIconProvider.Option.DontUseCustomDirectoryIcons)
        style = QApplication.style()
        pixmap = QStyle.StandardPixmap
        self._icons = {
            QAbstractFileIconProvider.IconType.Computer: style.standardIcon(pixmap.SP_ComputerIcon),
            QAbstractFileIconProvider.IconType.Desktop: style.standardIcon(pixmap.SP_DesktopIcon),
            QAbstractFileIconProvider.IconType.Trashcan: style.standardIcon(pixmap.SP_TrashIcon),
            QAbstractFileIconProvider.IconType.Network: style.standardIcon(pixmap.SP_DriveNetIcon),
            QAbstractFileIconProvider.IconType.Drive: style.standardIcon(pixmap.SP_DriveHDIcon),
            QAbstractFileIconProvider.IconType.Folder: style.standardIcon(pixmap.SP_DirIcon),
            QAbstractFileIconProvider.IconType.File: style.standardIcon(pixmap.SP_FileIcon),
        }

    def icon(self, what: object) -> QIcon:  # type: ignore[override]
        kind = QAbstractFileIconProvider.IconType
        if isinstance(what, QFileInfo):
            if what.isRoot():
                return self._icons[kind.Drive]
            return self._icons[kind.Folder if what.isDir() else kind.File]
        return self._icons.get(what, self._icons[kind.File])  # type: ignore[call-overload]

    def type(self, info: QFileInfo) -> str:
        if info.isRoot():
            return "Ổ đĩa"
        if info.isDir():
            return "Thư mục"
        suffix = info.suffix().lower()
        if suffix in TYPE_NAMES:
            return TYPE_NAMES[suffix]
        return f"Tệp {suffix.upper()}" if suffix else "Tệp"


def icon_provider() -> NameOnlyIconProvider:
    """One provider for every dialog; it lives as long as the process (Qt keeps a pointer)."""
    if not _provider:
        _provider.append(NameOnlyIconProvider())
    return _provider[0]


def _start_folder() -> str:
    """An empty folder of our own: the dialog lists it before our icon provider is set."""
    if not _empty_folder or not _empty_folder[0].is_dir():
        folder = Path(tempfile.mkdtemp(prefix="kx-ceremony-dialog-"))
        atexit.register(shutil.rmtree, folder, True)
        _empty_folder[:] = [folder]
    return str(_empty_folder[0])


# -- the store's own files -----------------------------------------------------------------
def protect_store(path: Path | None) -> None:
    """Remember the store this window holds open; its files are never chosen or read."""
    if path is not None:
        resolved = Path(path).resolve()
        if resolved not in _protected:
            _protected.append(resolved)


def is_store_file(path: Path) -> bool:
    """Whether ``path`` is one of the open store's files (by name or by inode; no open)."""
    try:
        candidate = Path(path).resolve()
    except (OSError, RuntimeError):
        return False
    for store in _protected:
        for side in STORE_SIDE_FILES:
            own = store.with_name(store.name + side)
            if candidate == own:
                return True
            try:
                if own.exists() and candidate.exists() and os.path.samefile(own, candidate):
                    return True
            except OSError:
                continue
    return False


def refuse_store_file(path: Path) -> Path:
    """``path`` unchanged, or a one-line refusal when it is the open store's own file."""
    if is_store_file(path):
        raise UserError(
            f"Tệp {path} là kho dữ liệu chương trình đang mở; hãy chọn một tệp khác "
            "(sao lưu, khôi phục kho dùng menu «An toàn dữ liệu»)."
        )
    return path


# -- the dialogs ----------------------------------------------------------------------------
def make_dialog(
    parent: QWidget | None, title: str, start: str, filters: str, *, save: bool
) -> QFileDialog:
    """The configured dialog, not yet shown (tests drive it; ``run_dialog`` shows it)."""
    dialog = QFileDialog(parent, title, _start_folder(), filters)
    dialog.setObjectName("kx_file_dialog")
    options = QFileDialog.Option
    dialog.setOptions(options.DontUseNativeDialog | options.DontResolveSymlinks)
    dialog.setIconProvider(icon_provider())
    label = QFileDialog.DialogLabel
    dialog.setLabelText(label.LookIn, "Tìm trong:")
    dialog.setLabelText(label.FileName, "Tên tệp:")
    dialog.setLabelText(label.FileType, "Loại tệp:")
    dialog.setLabelText(label.Accept, "Lưu" if save else "Mở")
    dialog.setLabelText(label.Reject, "Hủy")
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    # No rename or delete from inside the dialog: it could remove the store itself.
    dialog.setOption(options.ReadOnly, True)
    where = Path(start) if start else Path.home()
    if where.is_dir():
        dialog.setDirectory(str(where))
    else:
        dialog.setDirectory(str(where.parent if where.parent.is_dir() else Path.home()))
        dialog.selectFile(where.name)
    return dialog


def run_dialog(dialog: QFileDialog) -> Path | None:
    """Show ``dialog`` modally; the chosen path (never one of the store's files) or None."""
    try:
        chosen = dialog.selectedFiles() if dialog.exec() else []
    finally:
        dialog.deleteLater()  # deleted by the event loop, not while Python holds the GIL
    return refuse_store_file(Path(chosen[0])) if chosen and chosen[0] else None


def choose_save_file(parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
    """Where to write a new file; ``suggested`` is a full path or a folder."""
    return run_dialog(make_dialog(parent, title, suggested, filters, save=True))


def choose_open_file(parent: QWidget, title: str, filters: str, start: str = "") -> Path | None:
    """An existing file to read."""
    return run_dialog(make_dialog(parent, title, start, filters, save=False))
