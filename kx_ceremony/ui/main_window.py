"""The main window: for now the list of ceremonies in the open store."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QVBoxLayout, QWidget

from kx_ceremony import APP_NAME
from kx_ceremony.core.services.ceremonies import list_ceremonies
from kx_ceremony.core.store import Store


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle(f"{APP_NAME} — {store.describe()}")
        self.resize(900, 600)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel(self.tr("Các buổi lễ trong kho dữ liệu:")))
        self.ceremonies = QListWidget()
        layout.addWidget(self.ceremonies)
        self.setCentralWidget(body)
        self.refresh()

    def refresh(self) -> None:
        self.ceremonies.clear()
        rows = list_ceremonies(self.store)
        for row in rows:
            self.ceremonies.addItem(
                f"{row.held_on:%d/%m/%Y} — {row.title} ({row.honouree_count} người)"
            )
        if not rows:
            self.ceremonies.addItem(self.tr("Chưa có buổi lễ nào."))
