"""Drive the window's real file dialog, as a user would, from a test or a child process.

``answer_file_dialog`` arms a timer; when the modal dialog is up it waits until the dialog
has listed ``listed`` together with its type (so Qt's file system model has done whatever
it does to every file of the folder), types ``name`` and accepts.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

STORE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def answer_file_dialog(listed: Path, name: str, timeout: float = 30) -> dict[str, Any]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QLineEdit

    seen: dict[str, Any] = {}
    deadline = time.monotonic() + timeout

    def visible_dialog() -> QFileDialog | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                return widget
        return None

    def drive() -> None:
        dialog = visible_dialog()
        if dialog is None:
            if time.monotonic() < deadline:
                QTimer.singleShot(20, drive)
            return
        seen["folder"] = Path(dialog.directory().absolutePath())
        model = dialog.findChild(QFileSystemModel)
        while time.monotonic() < deadline:
            QApplication.processEvents()
            kind = model.index(str(listed)).siblingAtColumn(2).data()
            if kind:
                seen["type"] = kind
                break
            time.sleep(0.02)
        seen["labels"] = [
            dialog.labelText(label)
            for label in (
                QFileDialog.DialogLabel.LookIn,
                QFileDialog.DialogLabel.FileName,
                QFileDialog.DialogLabel.FileType,
                QFileDialog.DialogLabel.Accept,
                QFileDialog.DialogLabel.Reject,
            )
        ]
        dialog.findChild(QLineEdit, "fileNameEdit").setText(name)
        dialog.accept()

    QTimer.singleShot(0, drive)
    return seen


def deleted_store_descriptors(pid: int | str, store: Path) -> list[str]:
    """The process's open descriptors on the store's files that point at deleted files."""
    names = {str(store) + suffix for suffix in STORE_SUFFIXES}
    found = []
    fd_dir = Path(f"/proc/{pid}/fd")
    for fd in fd_dir.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.endswith(" (deleted)") and target[: -len(" (deleted)")] in names:
            found.append(target)
    return found
