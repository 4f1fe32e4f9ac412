"""The main window: the ceremony screens as tabs, the menus, the status line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QTabWidget, QWidget

from kx_ceremony import APP_NAME
from kx_ceremony.core.services.name_lists import ceremony_headings
from kx_ceremony.core.store import Store
from kx_ceremony.ui import events, file_dialogs, messages
from kx_ceremony.ui.events import AppEvents, Dispatcher
from kx_ceremony.ui.honourees_view import HonoureesView
from kx_ceremony.ui.safety_menu import SafetyMenu
from kx_ceremony.ui.tasks import BackgroundRunner, Runner
from kx_ceremony.ui.undo_actions import UndoActions

LAST_CEREMONY_KEY = "last_ceremony"
RECENT_CEREMONIES_KEY = "recent_ceremonies"  # ids, most recently opened first
RECENT_COUNT = 5


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        runner: Runner | None = None,
        ceremony_id: int | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        file_dialogs.protect_store(store.path)  # no dialog, drop or reader may open it
        self.events = AppEvents(self)
        self.dispatcher = Dispatcher(store, self.events)  # what each saved change touched
        self.undo = UndoActions(store, self.events, self)  # Ctrl+Z / Ctrl+Y for every edit
        self.runner: Runner = runner or BackgroundRunner()
        self.settings = settings or QSettings()
        self.ceremony_id: int | None = None
        self.window_lock: object = None  # the store's window lock, held while open

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.honourees = HonoureesView(store, self.events)
        self.honourees.show_undo(self.undo.undo_action)
        # The screens other than the list (and their modules) are built when first opened.
        self._built: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        for key, title in (
            ("ceremonies", self.tr("Buổi lễ")),
            ("honourees", self.tr("Danh sách khen thưởng")),
            ("stage", self.tr("Sân khấu")),
            ("pledges", self.tr("Giao ước, cam kết")),
            ("documents", self.tr("In ấn")),
        ):
            if key == "honourees":
                self.tabs.addTab(self.honourees, title)
                continue
            self._placeholders[key] = QWidget()
            self.tabs.addTab(self._placeholders[key], title)
        self.tabs.currentChanged.connect(self._build_current)
        self.setCentralWidget(self.tabs)
        self.ceremony_label = QLabel()
        self.statusBar().addPermanentWidget(self.ceremony_label)
        self._build_menus()

        self.setAcceptDrops(True)
        self.honourees.import_requested.connect(self.open_import)
        self.events.ceremony_opened.connect(self._open_from_signal)
        self.events.changed.connect(self._on_changed)
        self.events.navigate.connect(self.show_screen)
        from kx_ceremony.ui.window_size import place_window

        place_window(self, self.settings)
        from PySide6.QtGui import QKeySequence, QShortcut

        QShortcut(QKeySequence.StandardKey.Print, self, lambda: self.show_screen("documents"))
        self.open_ceremony(self._first_ceremony(ceremony_id))
        # A returning organiser goes on with the list; a new one starts with ceremonies.
        self.tabs.setCurrentWidget(self.honourees if self.ceremony_id else self.ceremonies)

    # -- screens built on first use ----------------------------------------------------------
    def _screen(self, key: str) -> QWidget:
        if key in self._built:
            return self._built[key]
        if key == "ceremonies":
            from kx_ceremony.ui.ceremonies_view import CeremoniesView

            screen: QWidget = CeremoniesView(
                self.store, self.events, self.recent_ceremonies, runner=self.runner
            )
        elif key == "stage":
            from kx_ceremony.ui.stage_view import StageView

            screen = StageView(self.store, self.events)
        elif key == "pledges":
            from kx_ceremony.ui.pledge_view import PledgeView

            screen = PledgeView(self.store, self.events)
        else:
            from kx_ceremony.ui.documents_view import DocumentsView

            screen = DocumentsView(self.store, self.events, self.runner)
        self._built[key] = screen
        from kx_ceremony.ui.window_size import restore_splitters

        restore_splitters(screen, self.settings)
        placeholder = self._placeholders.pop(key)
        index = self.tabs.indexOf(placeholder)
        was_current = self.tabs.currentIndex() == index
        self.tabs.blockSignals(True)
        self.tabs.insertTab(index, screen, self.tabs.tabText(index))
        self.tabs.removeTab(index + 1)
        if was_current:
            self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()
        screen.set_ceremony(self.ceremony_id)  # type: ignore[attr-defined]
        return screen

    def show_screen(self, key: str) -> None:
        """Bring a screen to the front ("ceremonies", "honourees", "stage", "pledges"…);
        "safety" starts a backup of the store."""
        if key == "safety":
            self.safety_menu.backup()
            return
        screen = self.honourees if key == "honourees" else self._screen(key)
        self.tabs.setCurrentWidget(screen)

    def _build_current(self, index: int) -> None:
        widget = self.tabs.widget(index)
        for key, placeholder in list(self._placeholders.items()):
            if placeholder is widget:
                try:
                    self._screen(key)
                except Exception as exc:  # noqa: BLE001 - the window's error boundary
                    messages.report(self, exc)

    @property
    def ceremonies(self) -> Any:
        return self._screen("ceremonies")

    @property
    def stage(self) -> Any:
        return self._screen("stage")

    @property
    def pledges(self) -> Any:
        return self._screen("pledges")

    @property
    def documents(self) -> Any:
        return self._screen("documents")

    # -- menus ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Tệp"))
        file_menu.addAction(self.tr("Tạo buổi lễ mới…"), lambda: self.ceremonies.create())
        file_menu.addAction(self.tr("Mở buổi lễ mẫu"), lambda: self.ceremonies.open_demo())
        file_menu.addAction(self.tr("Nhập danh sách từ bảng tính…"), self.open_import)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("Thoát"), self)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.safety_menu = SafetyMenu(self.store, self.events, self.runner, self)
        edit_menu = bar.addMenu(self.tr("&Sửa"))
        edit_menu.addAction(self.undo.undo_action)
        edit_menu.addAction(self.undo.redo_action)
        bar.addMenu(self.safety_menu)
        help_menu = bar.addMenu(self.tr("Trợ &giúp"))
        help_menu.addAction(self.tr("Mở thư mục nhật ký"), messages.open_log_folder)
        help_menu.addAction(self.tr("Giới thiệu"), self._about)

    def _about(self) -> None:
        from kx_ceremony import __version__

        messages.inform(
            self,
            self.tr("%s %s — chuẩn bị lễ trao tặng khen thưởng.\nKho dữ liệu: %s")
            % (APP_NAME, __version__, self.store.describe()),
        )

    # -- import: a menu, a button, or a file dropped on the window ----------------------------
    @messages.guarded
    def open_import(self, path: Path | None = None) -> QDialog | None:
        from kx_ceremony.ui.importing import ImportDialog

        if self.ceremony_id is None:
            messages.inform(
                self, self.tr("Hãy chọn hoặc tạo buổi lễ trước, rồi nhập danh sách vào đó.")
            )
            return None
        dialog = ImportDialog(
            self.store,
            self.ceremony_id,
            self.events,
            self.runner,
            path if isinstance(path, Path) else None,
            self,
        )
        dialog.open()
        return dialog

    @staticmethod
    def _spreadsheet_in(event: QDragEnterEvent | QDropEvent) -> Path | None:
        from kx_ceremony.ui.importing import SPREADSHEET_SUFFIXES

        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in SPREADSHEET_SUFFIXES:
                return path
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self._spreadsheet_in(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        path = self._spreadsheet_in(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_import(path)

    # -- the open ceremony ------------------------------------------------------------------
    def _first_ceremony(self, wanted: int | None) -> int | None:
        if wanted:
            return wanted
        ceremonies = ceremony_headings(self.store)
        ids = {c.id for c in ceremonies}
        last = self.settings.value(LAST_CEREMONY_KEY)
        try:
            if last is not None and int(last) in ids:
                return int(last)
        except (TypeError, ValueError):
            pass  # a stale or foreign setting: fall back to the newest ceremony
        return ceremonies[0].id if ceremonies else None

    def _open_from_signal(self, ceremony_id: int) -> None:
        try:
            self.open_ceremony(ceremony_id or None)
        except Exception as exc:  # noqa: BLE001 - the window's error boundary
            messages.report(self, exc)

    def open_ceremony(self, ceremony_id: int | None) -> None:
        self.ceremony_id = ceremony_id
        if ceremony_id is not None:
            self.settings.setValue(LAST_CEREMONY_KEY, ceremony_id)
            recent = [ceremony_id, *[i for i in self.recent_ceremonies() if i != ceremony_id]]
            self.settings.setValue(RECENT_CEREMONIES_KEY, ",".join(map(str, recent[:RECENT_COUNT])))
        for view in self.screens():
            view.set_ceremony(ceremony_id)  # type: ignore[attr-defined]
        self.undo.set_ceremony(ceremony_id)
        self._update_title()

    def recent_ceremonies(self) -> list[int]:
        """The ceremonies opened last in this window, newest first (ids; may be stale)."""
        text = str(self.settings.value(RECENT_CEREMONIES_KEY) or "")
        return [int(p) for p in text.split(",") if p.strip().isdigit()]

    def screens(self) -> list[QWidget]:
        return [self.honourees, *self._built.values()]

    def _on_changed(self, what: str) -> None:
        if what == events.STORE:
            self.open_ceremony(self._first_ceremony(None))
        elif what == events.CEREMONIES:
            self._update_title()

    def _update_title(self) -> None:
        title = f"{APP_NAME} — {self.store.describe()}"
        status = self.tr("Chưa chọn buổi lễ")
        if self.ceremony_id is not None:
            row = next((c for c in ceremony_headings(self.store) if c.id == self.ceremony_id), None)
            if row is None:  # deleted meanwhile: show none
                self.ceremony_id = None
            else:
                title = f"{APP_NAME} — {row.title} — {self.store.describe()}"
                status = self.tr("Buổi lễ: %s (%s)") % (row.title, f"{row.held_on:%d/%m/%Y}")
        self.setWindowTitle(title)
        self.ceremony_label.setText(status)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.runner.busy() and not messages.ask(
            self, self.tr("Một việc đang chạy; đóng chương trình sẽ hủy việc đó. Vẫn đóng?")
        ):
            event.ignore()
            return
        self.runner.cancel_all()  # whatever was half done is rolled back by its job
        from kx_ceremony.ui.window_size import save_window

        save_window(self, self.settings)
        documents = self._built.get("documents")
        if documents is not None:
            documents.discard_previews()
        event.accept()
