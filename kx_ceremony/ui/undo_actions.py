"""The window's «Hoàn tác» and «Làm lại» (Ctrl+Z, Ctrl+Y): every edit of the open ceremony.

The store hands over the journal of each committed write (``Store.keep_journals``); the
history (``core/services/history.py``) keeps the edits among them, ceremony by ceremony.
A text box keeps its own Ctrl+Z while it has the focus (Qt gives it the key first).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from kx_ceremony.core.services.history import History
from kx_ceremony.core.store import Store
from kx_ceremony.ui import events, messages
from kx_ceremony.ui.events import AppEvents

STATUS_MS = 6000


class UndoActions(QObject):
    """The two actions, kept named after the step they would take (back or again)."""

    _kept = Signal(object)

    def __init__(self, store: Store, app_events: AppEvents, window: QMainWindow) -> None:
        super().__init__(window)
        self.store = store
        self.window = window
        self.history = History()
        self.ceremony_id: int | None = None
        # Direct on the window's thread; queued when a background task saved.
        self._kept.connect(self._record, Qt.ConnectionType.AutoConnection)
        self._stop = store.keep_journals(self._kept.emit)
        self.destroyed.connect(lambda *_: self._stop())

        self.undo_action = QAction(self.tr("Hoàn tác"), window)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("Làm lại"), window)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(self.redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)  # the keys work with the menu closed, on every screen
        app_events.changed.connect(self._on_changed)
        self._show()

    def set_ceremony(self, ceremony_id: int | None) -> None:
        self.ceremony_id = ceremony_id
        self._show()

    def _record(self, kept: object) -> None:
        self.history.record(kept)  # type: ignore[arg-type]
        self._show()

    def _on_changed(self, what: str) -> None:
        if what == events.STORE:  # restored or reopened: the history describes another store
            self.history.forget()
            self._show()

    def _show(self) -> None:
        back = self.history.undo_label(self.ceremony_id)
        again = self.history.redo_label(self.ceremony_id)
        self.undo_action.setEnabled(back is not None)
        self.redo_action.setEnabled(again is not None)
        self.undo_action.setText(self.tr("Hoàn tác: %s") % back if back else self.tr("Hoàn tác"))
        self.redo_action.setText(self.tr("Làm lại: %s") % again if again else self.tr("Làm lại"))
        keys = self.tr("(Ctrl+Z)"), self.tr("(Ctrl+Y)")
        self.undo_action.setToolTip(f"{self.undo_action.text()} {keys[0]}")
        self.redo_action.setToolTip(f"{self.redo_action.text()} {keys[1]}")

    def undo(self, *_args: object) -> None:
        self._play(backwards=True)

    def redo(self, *_args: object) -> None:
        self._play(backwards=False)

    def _play(self, *, backwards: bool) -> None:
        if self.ceremony_id is None:
            return
        try:
            if backwards:
                step = self.history.undo(self.store, self.ceremony_id)
                done = self.tr("Đã hoàn tác: %s") % step.label
            else:
                step = self.history.redo(self.store, self.ceremony_id)
                done = self.tr("Đã làm lại: %s") % step.label
        except Exception as exc:  # noqa: BLE001 - the window's error boundary (a refusal too)
            messages.report(self.window, exc)
        else:
            self.window.statusBar().showMessage(done, STATUS_MS)
        self._show()
