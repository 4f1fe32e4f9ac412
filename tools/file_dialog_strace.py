"""Show the window's file dialog in a store's folder under strace; list opens of the store.

    python tools/file_dialog_strace.py [--stock]

Makes a store in a temporary folder, holds it open as the window does, shows the save
dialog there (offscreen) until it has listed and typed every file, and prints each
open() of the store's files after the store itself opened them. Expected: none. With
--stock it shows Qt's stock dialog instead, to see what the fix prevents (Qt reads the
store, its -wal and -shm to guess their type). Needs strace (Linux).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def child(folder: Path, stock: bool) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

    from kx_ceremony.core.store import open_store
    from kx_ceremony.ui.app import make_app

    store_file = folder / "s.sqlite"
    store = open_store(str(store_file))
    held = store.engine.connect()  # like the window's pooled connection
    app = make_app()

    def answer() -> None:
        dialogs = [w for w in app.topLevelWidgets() if isinstance(w, QFileDialog)]
        visible = [d for d in dialogs if d.isVisible()]
        if not visible:
            QTimer.singleShot(20, answer)
            return
        model = visible[0].findChild(QFileSystemModel)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            QApplication.processEvents()
            if model.index(str(store_file)).siblingAtColumn(2).data():
                break
            time.sleep(0.02)
        print("type shown:", model.index(str(store_file)).siblingAtColumn(2).data(), flush=True)
        visible[0].reject()

    QTimer.singleShot(0, answer)
    print("DIALOG", flush=True)
    if stock:
        QFileDialog.getSaveFileName(None, "", str(folder / "x.sqlite"), "*.sqlite")
    else:
        from kx_ceremony.ui.file_dialogs import choose_save_file

        choose_save_file(None, "", str(folder / "x.sqlite"), "*.sqlite")
    held.close()
    store.close()


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]), "--stock" in sys.argv)
        return 0
    stock = "--stock" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "kx"
        folder.mkdir()
        trace = Path(tmp) / "trace.txt"
        argv = [sys.executable, __file__, "--child", str(folder)] + (["--stock"] if stock else [])
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        subprocess.run(
            ["strace", "-f", "-e", "trace=open,openat", "-o", str(trace), *argv],
            env=env,
            check=True,
        )
        store = str(folder / "s.sqlite")
        opens = [
            line.strip()
            for line in trace.read_text(encoding="utf-8", errors="replace").splitlines()
            if store in line and "O_CREAT|O_NOFOLLOW" not in line  # SQLite's own opens
        ]
    print(f"opens of the store's files outside SQLite: {len(opens)}")
    for line in opens:
        print("  ", line)
    return 1 if opens else 0


if __name__ == "__main__":
    sys.exit(main())
