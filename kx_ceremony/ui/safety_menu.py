"""The «An toàn dữ liệu» menu: backup, restore and check of the store file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QMenu, QWidget

from kx_ceremony.core.store import Store
from kx_ceremony.ui import events, messages
from kx_ceremony.ui.events import AppEvents
from kx_ceremony.ui.file_dialogs import choose_open_file, choose_save_file
from kx_ceremony.ui.tasks import Runner

BACKUP_FILTER = "Kho KX Ceremony (*.sqlite *.db);;Mọi tệp (*)"


class SafetyMenu(QMenu):
    def __init__(
        self, store: Store, app_events: AppEvents, runner: Runner, parent: QWidget
    ) -> None:
        super().__init__(parent.tr("&An toàn dữ liệu"), parent)
        self.store, self.events, self.runner, self.window_ = store, app_events, runner, parent
        self.addAction(self.tr("Sao lưu kho dữ liệu…"), self.backup)
        self.addAction(self.tr("Khôi phục từ bản sao lưu…"), self.restore)
        self.addAction(self.tr("Khôi phục bản sao lưu tự động gần nhất"), self.restore_latest)
        self.addSeparator()
        self.addAction(self.tr("Kiểm tra kho dữ liệu"), self.check)

    @property
    def db(self) -> str:
        return self.store.describe()

    @messages.guarded
    def backup(self) -> None:
        from kx_ceremony.core.store.maintenance import backup_store

        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        suggested = str(Path.home() / f"kx-ceremony-sao-luu-{stamp}.sqlite")
        target = choose_save_file(
            self.window_, self.tr("Lưu bản sao lưu"), suggested, BACKUP_FILTER
        )
        if target is None:
            return
        self.runner.run(
            self.window_,
            self.tr("Đang sao lưu…"),
            lambda progress: backup_store(self.db, target),
            lambda path: messages.inform(
                self.window_, self.tr("Đã sao lưu và kiểm tra xong: %s") % path
            ),
        )

    @messages.guarded
    def restore(self) -> None:
        source = choose_open_file(self.window_, self.tr("Chọn bản sao lưu"), BACKUP_FILTER)
        if source is not None:
            self._restore_from(source)

    @messages.guarded
    def restore_latest(self) -> None:
        from kx_ceremony.core.errors import UserError
        from kx_ceremony.core.store.copies import latest_backup

        path = self.store.path
        source = latest_backup(path) if path is not None else None
        if source is None:
            raise UserError(
                "Chưa có bản sao lưu tự động nào còn tốt; hãy chọn «Khôi phục từ bản sao lưu…»."
            )
        self._restore_from(source)

    def _restore_from(self, source: Path) -> None:
        from kx_ceremony.core.store.maintenance import restore_store

        question = (
            self.tr(
                "Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu %s? Dữ liệu hiện tại sẽ được cất "
                "riêng một bản trước khi thay."
            )
            % source
        )
        if not messages.ask(self.window_, question):
            return
        self.store.engine.dispose()  # no open connection may hold the file being replaced
        kept = restore_store(self.db, source)
        self.store.engine.dispose()
        self.events.changed.emit(events.STORE)
        note = self.tr(" Bản cũ được cất ở %s.") % kept if kept else ""
        messages.inform(self.window_, self.tr("Đã khôi phục từ %s.") % source + note)

    @messages.guarded
    def check(self) -> None:
        from kx_ceremony.core.store.maintenance import check_store

        def done(result: object) -> None:
            from kx_ceremony.core.store.maintenance import CheckResult

            assert isinstance(result, CheckResult)
            if result.ok:
                messages.inform(
                    self.window_,
                    self.tr("Kho dữ liệu tốt: %s buổi lễ, %s người/tập thể.")
                    % (result.ceremonies, result.honourees),
                )
            else:
                messages.show_error(
                    self.window_,
                    self.tr("Kho dữ liệu có lỗi: %s. Hãy khôi phục từ bản sao lưu gần nhất.")
                    % "; ".join(result.problems[:5]),
                )

        self.runner.run(
            self.window_, self.tr("Đang kiểm tra…"), lambda progress: check_store(self.db), done
        )
