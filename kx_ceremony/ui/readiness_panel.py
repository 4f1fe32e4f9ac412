"""«Việc còn lại»: what is left to do for the open ceremony, each line a button to the
screen that fixes it (the counts come from ``core.services.readiness``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from kx_ceremony.core.services.readiness import ReadinessItem, ceremony_readiness
from kx_ceremony.core.store import Store
from kx_ceremony.ui import messages
from kx_ceremony.ui.events import AppEvents


class ReadinessPanel(QGroupBox):
    def __init__(self, store: Store, app_events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Việc còn lại trước buổi lễ"), parent)
        self.store, self.events = store, app_events
        self.ceremony_id: int | None = None
        self.items: list[ReadinessItem] = []
        self.buttons: list[QPushButton] = []
        self._stale = True
        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(2)
        self.done_label = QLabel(self.tr("Đã xong mọi việc chuẩn bị có thể kiểm tra được."))
        self._layout.addWidget(self.done_label)
        self.events.changed.connect(self._on_changed)

    def set_ceremony(self, ceremony_id: int | None) -> None:
        self.ceremony_id = ceremony_id
        self._stale = True
        if self.isVisible():
            self.reload()

    def _on_changed(self, _what: str) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        if self.ceremony_id is None:
            self.items = []
            self.done_label.setText(self.tr("Chọn một buổi lễ để xem việc còn lại."))
            self.done_label.show()
            return
        try:
            self.items = ceremony_readiness(self.store, self.ceremony_id)
        except Exception as exc:  # noqa: BLE001 - a refresh must not crash the window
            messages.report(self, exc)
            return
        self.done_label.setText(self.tr("Đã xong mọi việc chuẩn bị có thể kiểm tra được."))
        self.done_label.setVisible(not self.items)
        for item in self.items:
            button = QPushButton("• " + item.text)
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("text-align: left; padding: 2px 4px;")
            button.setToolTip(self.tr("Bấm để mở chỗ làm việc này."))
            button.clicked.connect(
                lambda _checked=False, t=item.target: self.events.navigate.emit(t)
            )
            self._layout.addWidget(button)
            self.buttons.append(button)
