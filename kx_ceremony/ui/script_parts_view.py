"""«Lời dẫn chương trình»: the conference's parts in order, each with the MC's words.

A list of the parts (ticked: held) and, for the one picked, its heading, who is invited
to carry it out and the words; «Lưu» stores them, «Khôi phục lời mặc định» brings back
the words made from the ceremony's data (services/conference_parts.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kx_ceremony.core.services.conference_parts import (
    PartRow,
    edit_part,
    list_parts,
    reset_part,
)
from kx_ceremony.core.store import Store
from kx_ceremony.ui import events
from kx_ceremony.ui.events import AppEvents
from kx_ceremony.ui.messages import guarded


class ScriptPartsView(QWidget):
    def __init__(self, store: Store, app_events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.events = store, app_events
        self.ceremony_id: int | None = None
        self.parts: list[PartRow] = []
        # Typed but not saved, per (ceremony, part): (title, speaker, text). Kept when
        # another part is shown or the screen reloads for a change made elsewhere.
        self.drafts: dict[tuple[int, str], tuple[str, str, str]] = {}
        self._shown: PartRow | None = None  # the part the boxes were filled from

        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemChanged.connect(self._ticked)
        self.title = QLineEdit()
        self.speaker = QLineEdit()
        self.speaker.setPlaceholderText(self.tr("đồng chí …, chức vụ (người được mời lên)"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setStyleSheet("color: #555;")
        self.save_button = QPushButton(self.tr("Lưu lời dẫn"))
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton(self.tr("Khôi phục lời mặc định"))
        self.reset_button.clicked.connect(self.reset)

        right = QWidget()
        form = QFormLayout()
        form.addRow(self.tr("Tên phần"), self.title)
        form.addRow(self.tr("Người thực hiện"), self.speaker)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        hint = QLabel(
            self.tr(
                "Mỗi dòng một đoạn; dòng trong ngoặc đơn là ghi chú (in nghiêng, không đọc). "
                "Chữ viết tắt (UBND, HĐND…) được in thành chữ đầy đủ."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        column.addWidget(self.text, 1)
        column.addWidget(hint)
        column.addWidget(self.state)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(QLabel(self.tr("<b>Chương trình hội nghị</b> (bỏ dấu: không có)")))
        left_column.addWidget(self.list, 1)
        splitter = QSplitter()
        splitter.setObjectName("script_parts")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([300, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def set_ceremony(self, ceremony_id: int | None) -> None:
        self._stash()  # under the ceremony it was typed for
        self._shown = None
        self.ceremony_id = ceremony_id
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        self._stash()
        self._shown = None
        current = keep or self.current_key()
        self.list.blockSignals(True)
        self.list.clear()
        self.parts = list_parts(self.store, self.ceremony_id) if self.ceremony_id else []
        for part in self.parts:
            item = QListWidgetItem(self._item_text(part))
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if not part.available:
                flags &= ~Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if part.held else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        keys = [p.key for p in self.parts]
        row = keys.index(current) if current in keys else 0
        if self.parts:
            self.list.setCurrentRow(row)
            self._show(row)
        self._enable(bool(self.parts))

    def _enable(self, on: bool) -> None:
        for widget in (self.title, self.text, self.save_button, self.reset_button):
            widget.setEnabled(on)
        if not on:
            self.speaker.setEnabled(False)

    def current_key(self) -> str | None:
        row = self.list.currentRow()
        return self.parts[row].key if 0 <= row < len(self.parts) else None

    def _item_text(self, part: PartRow) -> str:
        unsaved = (self.ceremony_id or 0, part.key) in self.drafts
        return f"{part.position}. {part.title}" + (self.tr(" (chưa lưu)") if unsaved else "")

    def _stash(self) -> None:
        """Keep what was typed into the part on show, unless it is what the store holds."""
        part = self._shown
        if part is None or self.ceremony_id is None:
            return
        typed = (self.title.text(), self.speaker.text(), self.text.toPlainText())
        key = (self.ceremony_id, part.key)
        if typed != (part.title, part.speaker, part.text):
            self.drafts[key] = typed
        else:
            self.drafts.pop(key, None)
        row = next((i for i, p in enumerate(self.parts) if p.key == part.key), None)
        if row is not None and self.list.item(row) is not None:
            self.list.item(row).setText(self._item_text(part))

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.parts):
            return
        self._stash()
        part = self.parts[row]
        draft = self.drafts.get((self.ceremony_id or 0, part.key))
        title, speaker, text = draft or (part.title, part.speaker, part.text)
        self.title.setText(title)
        self.speaker.setText(speaker)
        self.speaker.setEnabled(part.takes_speaker)
        self.text.setPlainText(text)
        self._shown = part
        if draft is not None:
            state = self.tr("Đang sửa, chưa lưu: bấm «Lưu lời dẫn» để giữ.")
        elif not part.available:
            state = self.tr(
                "Buổi lễ chưa có văn bản này (thẻ «Giao ước, cam kết»): phần này không in."
            )
        elif not part.enabled:
            state = self.tr("Phần này đang bỏ khỏi chương trình: đánh dấu trong danh sách để giữ.")
        elif part.edited:
            state = self.tr("Lời dẫn đã sửa.")
        else:
            state = self.tr("Lời dẫn mặc định, lấy theo dữ liệu của buổi lễ.")
        self.state.setText(state)

    @guarded
    def _ticked(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if self.ceremony_id is None or not 0 <= row < len(self.parts):
            return
        part = self.parts[row]
        edit_part(
            self.store,
            self.ceremony_id,
            part.key,
            enabled=item.checkState() == Qt.CheckState.Checked,
        )
        self.reload(part.key)
        self.events.changed.emit(events.STAGE)

    def _forget_draft(self, key: str) -> None:
        """Saved or set back: the boxes are to show the store's words again."""
        self.drafts.pop((self.ceremony_id or 0, key), None)
        self._shown = None

    @guarded
    def save(self, *_args: object) -> None:
        key = self.current_key()
        if self.ceremony_id is None or key is None:
            return
        part = self.parts[self.list.currentRow()]
        edit_part(
            self.store,
            self.ceremony_id,
            key,
            title=self.title.text(),
            text=self.text.toPlainText(),
            speaker=self.speaker.text() if part.takes_speaker else None,
        )
        self._forget_draft(key)
        self.reload(key)
        self.events.changed.emit(events.STAGE)

    @guarded
    def reset(self, *_args: object) -> None:
        key = self.current_key()
        if self.ceremony_id is None or key is None:
            return
        reset_part(self.store, self.ceremony_id, key)
        self._forget_draft(key)
        self.reload(key)
        self.events.changed.emit(events.STAGE)
