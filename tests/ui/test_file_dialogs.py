"""The window's file dialogs never open the store's files behind SQLite's back.

On POSIX closing any descriptor of a file drops all of this process's SQLite locks on
it; Qt's stock dialog read every listed file to guess its type, so the next process
deleted the window's -wal and what the window saved afterwards was lost at a crash.
"""

from __future__ import annotations

import ast
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from dialog_driver import answer_file_dialog, deleted_store_descriptors

UI = Path(__file__).parents[2] / "kx_ceremony" / "ui"
HERE = Path(__file__).parent

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks, /proc, SIGKILL")


def _side(store_path: Path, suffix: str) -> Path:
    return store_path.with_name(store_path.name + suffix)


def test_only_the_helper_module_touches_qfiledialog():
    users = []
    for module in sorted(UI.rglob("*.py")):
        if module.name == "file_dialogs.py":
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
        statics = {"getOpenFileName", "getSaveFileName", "getExistingDirectory", "getOpenFileNames"}
        if "QFileDialog" in names or names & statics or "QFileIconProvider" in names:
            users.append(module.name)
    assert users == []


@pytest.mark.slow
def test_backup_dialog_in_the_store_folder_keeps_the_journal(
    window, store, store_path, monkeypatch, cli_process, shown_messages
):
    folder = store_path.parent
    monkeypatch.setenv("HOME", str(folder))  # the backup dialog opens in the store's folder
    wal, shm = _side(store_path, "-wal"), _side(store_path, "-shm")
    assert wal.exists() and shm.exists()  # the window holds the store open

    seen = answer_file_dialog(store_path, "sao-luu.sqlite")
    window.safety_menu.backup()
    assert seen["folder"] == folder and seen["type"]  # the store was listed, with a type
    assert (folder / "sao-luu.sqlite").is_file()
    assert "Đã sao lưu" in shown_messages[-1]

    result = cli_process("ceremonies")
    assert result.status == 0, result.err
    assert wal.exists() and shm.exists()
    assert deleted_store_descriptors("self", store_path) == []
    # Typed from the name alone, and the dialog speaks Vietnamese.
    assert seen["type"] == "Kho dữ liệu"
    assert seen["labels"] == ["Tìm trong:", "Tên tệp:", "Loại tệp:", "Lưu", "Hủy"]


@pytest.mark.slow
def test_a_save_after_the_backup_dialog_survives_kill_9(store_path, tmp_path, cli_process):
    from kx_ceremony.core.demo import create_demo
    from kx_ceremony.core.services.honourees import list_honourees
    from kx_ceremony.core.store import open_store

    setup = open_store(str(store_path))
    ceremony_id = create_demo(setup)
    setup.close()
    env = {**os.environ, "HOME": str(store_path.parent), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [
            sys.executable,
            str(HERE / "window_child.py"),
            str(store_path),
            str(ceremony_id),
            str(tmp_path / "child-settings.ini"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    try:
        ready = child.stdout.readline().split()
        assert ready[0] == "READY"
        result = cli_process("ceremonies")
        assert result.status == 0, result.err
        assert _side(store_path, "-wal").exists()
        assert deleted_store_descriptors(child.pid, store_path) == []

        child.stdin.write("save\n")
        child.stdin.flush()
        saved = child.stdout.readline().split()
        assert saved[0] == "SAVED"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    reopened = open_store(str(store_path))
    try:
        names = {row.name for row in list_honourees(reopened, ceremony_id)}
    finally:
        reopened.close()
    assert "Nguyễn Văn Còn Đây" in names
    assert ready[1:] == ["Kho", "dữ", "liệu"]  # the dialog typed the store by its name


def test_a_dropped_or_chosen_store_file_is_refused_before_any_read(window, store_path, qtbot):
    from kx_ceremony.ui import file_dialogs

    for suffix in ("", "-wal", "-shm"):
        assert file_dialogs.is_store_file(_side(store_path, suffix))
    other = store_path.with_name("khac.xlsx")
    other.write_bytes(b"")
    assert not file_dialogs.is_store_file(other)
    link = store_path.with_name("lien-ket.csv")
    link.symlink_to(store_path)
    assert file_dialogs.is_store_file(link)  # the same file under another name

    from kx_ceremony.ui import messages
    from kx_ceremony.ui.importing import ImportDialog

    assert window.open_import(link) is None  # what a drop on the window does
    assert "kho dữ liệu chương trình đang mở" in messages.shown[-1]
    assert not [d for d in window.findChildren(ImportDialog) if d.isVisible()]


def test_the_dialog_speaks_vietnamese(app, qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QTreeView, QWidget

    from kx_ceremony.ui import file_dialogs

    (tmp_path / "thu-muc").mkdir()
    (tmp_path / "danh-sach.xlsx").write_bytes(b"PK")
    dialog = file_dialogs.make_dialog(
        None, "Chọn bảng tính", str(tmp_path), "Bảng tính (*.xlsx);;Mọi tệp (*)", save=False
    )
    qtbot.addWidget(dialog)
    dialog.show()
    tree = dialog.findChild(QTreeView)
    model = tree.model()
    qtbot.waitUntil(lambda: bool(model.index(str(tmp_path / "thu-muc")).siblingAtColumn(2).data()))
    texts = set()
    for widget in dialog.findChildren(QWidget):
        texts |= {widget.toolTip(), widget.accessibleName()}
        if isinstance(widget, QLabel | QAbstractButton):
            texts.add(widget.text())
        if isinstance(widget, QComboBox):
            texts |= {widget.itemText(i) for i in range(widget.count())}
    horizontal = Qt.Orientation.Horizontal
    texts |= {str(model.headerData(c, horizontal)) for c in range(model.columnCount())}
    texts |= {model.index(str(tmp_path / n)).siblingAtColumn(2).data() for n in ("thu-muc",)}
    texts.add(model.index(str(tmp_path / "danh-sach.xlsx")).siblingAtColumn(2).data())
    sidebar = dialog.findChild(QWidget, "sidebar").model()
    texts |= {sidebar.index(r, 0).data() for r in range(sidebar.rowCount())}
    for english in (
        "Look in:",
        "File name:",
        "Files of type:",
        "Computer",
        "Folder",
        "Open",
        "Cancel",
        "Name",
        "Size",
        "Type",
        "Date Modified",
        "Detail View",
        "List View",
        "Back",
        "Parent Directory",
    ):
        assert english not in {t.replace("&", "") for t in texts if t}
    for vietnamese in (
        "Tìm trong:",
        "Tên tệp:",
        "Loại tệp:",
        "Mở",
        "Hủy",
        "Máy tính",
        "Thư mục",
        "Bảng tính Excel",
        "Tên",
        "Kích thước",
        "Loại",
    ):
        assert vietnamese in texts
