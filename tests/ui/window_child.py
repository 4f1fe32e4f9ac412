"""A window in a process of its own, for the kill -9 test of the file dialog fix.

Usage: python window_child.py STORE CEREMONY_ID SETTINGS.ini
It opens the window on STORE, answers the real backup dialog (shown in STORE's folder:
HOME is set to it by the test), prints ``READY``; on a line from stdin it adds one person
through the window's store and services and prints ``SAVED <id>``; then it waits to be
killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dialog_driver import answer_file_dialog


def main() -> None:
    from PySide6.QtCore import QSettings

    from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree, list_honourees
    from kx_ceremony.core.store import open_store
    from kx_ceremony.ui.app import make_app
    from kx_ceremony.ui.main_window import MainWindow
    from kx_ceremony.ui.tasks import InlineRunner

    store_path, ceremony_id, settings_file = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    app = make_app()
    store = open_store(str(store_path))
    settings = QSettings(settings_file, QSettings.Format.IniFormat)
    window = MainWindow(store, runner=InlineRunner(), ceremony_id=ceremony_id, settings=settings)
    window.show()
    app.processEvents()
    seen = answer_file_dialog(store_path, "sao-luu.sqlite")
    window.safety_menu.backup()
    print("READY", seen.get("type"), flush=True)

    sys.stdin.readline()
    award_form_id = list_honourees(window.store, ceremony_id)[0].award_form_id
    data = HonoureeInput(name="Nguyễn Văn Còn Đây", award_form_id=award_form_id)
    new_id = add_honouree(window.store, ceremony_id, data)
    print("SAVED", new_id, flush=True)
    sys.stdin.readline()  # the test kills this process here


if __name__ == "__main__":
    main()
