"""«Thiết kế mẫu in»: one award form's certificate layout over a scan of its blank.

The designer edits a working copy (``layout_data`` shape) plus the background's path;
every change goes through the undo stack; «Lưu» saves both in one transaction
(``layout_store.save_layout``). Export, import and «In thử» live in ``actions``.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontDatabase,
    QKeySequence,
    QShortcut,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.printing.drawing import Typesetter
from kx_ceremony.core.printing.layout_files import check_layout_data
from kx_ceremony.core.printing.layout_store import (
    Background,
    background_of,
    designer_data,
    file_data,
    save_layout,
)
from kx_ceremony.core.printing.layouts import FIELD_LABELS, Layout
from kx_ceremony.core.services.awards import list_award_forms
from kx_ceremony.core.services.layout_samples import layout_samples
from kx_ceremony.core.store import Store
from kx_ceremony.ui import events, messages
from kx_ceremony.ui.designer.background import BackgroundItem, load_background
from kx_ceremony.ui.designer.items import MIN_BOX_MM, FieldItem, SheetItem, snap
from kx_ceremony.ui.designer.panel import FieldPanel
from kx_ceremony.ui.designer.view import DesignerView, StateChange
from kx_ceremony.ui.events import AppEvents
from kx_ceremony.ui.messages import guarded

_families: dict[str, str] = {}


def qt_family(typesetter: Typesetter) -> str:
    """The font files the PDF uses, loaded into Qt once, so the boxes show the printed shapes."""
    label = typesetter.fonts.label
    if label not in _families:
        family = label
        for path in typesetter.fonts.files.values():
            found = QFontDatabase.applicationFontFamilies(
                QFontDatabase.addApplicationFont(str(path))
            )
            family = found[0] if found else family
        _families[label] = family
    return _families[label]


class DesignerWindow(QDialog):
    def __init__(
        self,
        store: Store,
        app_events: AppEvents | None,
        runner: Any,
        ceremony_id: int,
        award_form_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("layout_designer")
        self.store, self.events, self.runner = store, app_events, runner
        self.ceremony_id, self.award_form_id = ceremony_id, award_form_id
        self.form = next(f for f in list_award_forms(store, ceremony_id) if f.id == award_form_id)
        self.samples = layout_samples(store, ceremony_id, award_form_id)
        self.typesetter = Typesetter()
        self.family = qt_family(self.typesetter)
        self.setWindowTitle(self.tr("Thiết kế mẫu in — %s") % self.form.full_name)
        self.data: dict[str, Any] = designer_data(self.form)
        self.background: Background | None = background_of(self.form)
        self._image_key: tuple[str, int] | None = ("", -1)  # nothing loaded yet
        self._image: Any = None
        self._background_problem = ""
        self.selected = ""
        self.undo_stack = QUndoStack(self)

        self.scene = QGraphicsScene(self)
        self.sheet = SheetItem()
        self.backdrop = BackgroundItem()
        self.scene.addItem(self.sheet)
        self.scene.addItem(self.backdrop)
        self.items: dict[str, FieldItem] = {}
        self.scene.selectionChanged.connect(self._selection_changed)
        self.view = DesignerView(self.scene, self.nudge, self)
        self.panel = FieldPanel(
            self.pick, self.set_value, self.set_page, self.typesetter.fonts.label
        )
        self.status = QLabel()
        self.status.setWordWrap(True)

        from kx_ceremony.ui.designer import actions

        self.actions = actions.DesignerActions(self)
        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("save", self.tr("Lưu"), self.save),
            ("undo", self.tr("Hoàn tác"), self.undo_stack.undo),
            ("redo", self.tr("Làm lại"), self.undo_stack.redo),
            ("reset", self.tr("Đặt lại về mẫu gốc"), self.reset_to_file),
            ("background", self.tr("Ảnh phôi…"), self.actions.choose_background),
            ("no_background", self.tr("Bỏ ảnh"), self.clear_background),
            ("export", self.tr("Xuất mẫu…"), self.actions.export_layout),
            ("import", self.tr("Nhập mẫu…"), self.actions.import_layout),
            ("test_pdf", self.tr("In thử (xem)"), self.actions.test_print_preview),
            ("test_printer", self.tr("In thử ra máy in…"), self.actions.test_print_printer),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, s=slot: s())
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        for text, slot in (
            ("−", lambda: self.view.set_zoom(self.view.zoom / 1.25)),
            ("+", lambda: self.view.set_zoom(self.view.zoom * 1.25)),
            (self.tr("Vừa khung"), self.view.fit_sheet),
            (self.tr("Cỡ thật"), self.view.real_size),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, s=slot: s())
            bar.addWidget(button)
        self.undo_stack.canUndoChanged.connect(self.buttons["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(self.buttons["redo"].setEnabled)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.buttons["undo"].setEnabled(False)
        self.buttons["redo"].setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_stack.undo)
        QShortcut(QKeySequence("Ctrl+Y"), self, self.undo_stack.redo)
        if QKeySequence(QKeySequence.StandardKey.Redo) != QKeySequence("Ctrl+Y"):
            QShortcut(QKeySequence.StandardKey.Redo, self, self.undo_stack.redo)  # Ctrl+Shift+Z
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        splitter = QSplitter()
        splitter.addWidget(self.view)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.panel)
        side_layout.addWidget(self.status)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([860, 320])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.resize(1200, 700)
        self._apply(self._state())
        self._samples_note()
        self._fitted = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._fitted:  # the view has its size only once shown
            self._fitted = True
            QTimer.singleShot(0, self.view.fit_sheet)

    # -- the working copy ----------------------------------------------------------------
    def _state(self) -> dict[str, Any]:
        return {"data": self.data, "background": self.background, "selected": self.selected}

    def _apply(self, state: dict[str, Any]) -> None:
        """Show ``state`` (from the undo stack or a fresh change) everywhere."""
        self.data, self.background = state["data"], state["background"]
        self.selected = state.get("selected", self.selected)
        layout = self.layout_now()
        width, height = layout.page_width, layout.page_height
        self.scene.setSceneRect(QRectF(-10, -10, width + 20, height + 20))
        self.sheet.setRect(0, 0, width, height)
        self._show_background((width, height))
        for name in list(self.items):
            if layout.field(name) is None:
                self.scene.removeItem(self.items.pop(name))
        for box in layout.fields:
            item = self.items.get(box.name)
            if item is None:
                item = self.items[box.name] = FieldItem(box.name, self.box_dragged)
                self.scene.addItem(item)
            lines, size = self._lines(box)
            font = QFont(self.family)
            font.setBold("bold" in box.style)
            font.setItalic("italic" in box.style)
            font.setPointSizeF(size)
            item.show_box(box, lines, font, (width, height), box.label)
        self.scene.blockSignals(True)
        for name, item in self.items.items():
            item.setSelected(name == self.selected)
        self.scene.blockSignals(False)
        self.panel.show_state(self.data, self.selected)

    def layout_now(self) -> Layout:
        return check_layout_data(self.data)

    def _lines(self, box: Any) -> tuple[list[tuple[str, float, float]], float]:
        text = self.samples.texts.get(box.name, "")
        try:
            text = self.typesetter.prepare(text, box.label, box.style)
        except UserError:
            text = " ".join(text.split())
        if not text:
            return [], box.size
        fitted = self.typesetter.fit(box, text)
        return self.typesetter.lines_in_mm(box, fitted), fitted.size

    def _show_background(self, page: tuple[float, float]) -> None:
        key = (self.background.path, self.background.page) if self.background else None
        if key != self._image_key:
            self._image_key = key
            self._image = None
            self._background_problem = ""
            if self.background is not None:
                try:
                    self._image = load_background(Path(self.background.path), self.background.page)
                except UserError as exc:
                    self._background_problem = exc.window_text
        off = self.backdrop.show_image(self._image, page)
        note = self._background_problem
        if self._image is not None:
            note = (
                self.tr("Ảnh phôi: %s (chỉ để canh chỉnh, không bao giờ in ra).")
                % Path(
                    self.background.path  # type: ignore[union-attr]
                ).name
            )
            if off > 0.03:
                note += " " + self.tr(
                    "Ảnh khác tỉ lệ khổ phôi %d %%: đã kéo cho vừa; hãy kiểm tra khổ phôi."
                ) % round(off * 100)
        elif not note:
            note = self.tr("Chưa có ảnh phôi: bấm «Ảnh phôi…» để chọn bản quét hoặc ảnh chụp.")
        self.panel.background_note.setText(note)

    def change(
        self,
        text: str,
        data: dict[str, Any] | None = None,
        background: Any = ...,
        merge_key: tuple[str, str] | None = None,
    ) -> None:
        """Make one undoable change; refused (one line) when the result would not print."""
        after = {
            "data": data if data is not None else self.data,
            "background": self.background if background is ... else background,
            "selected": self.selected,
        }
        check_layout_data(after["data"])
        self.undo_stack.push(StateChange(self._apply, self._state(), after, text, merge_key))

    def _field_changed(
        self, name: str, values: dict[str, Any], text: str, merge: Any = None
    ) -> None:
        data = copy.deepcopy(self.data)
        field = data["fields"][name]
        field.update(values)
        field["min_size"] = min(field.get("min_size", field["size"]), field["size"])
        page_w, page_h = data["page"]["width"], data["page"]["height"]
        field["width"] = min(max(field["width"], MIN_BOX_MM), page_w)
        field["height"] = min(max(field["height"], MIN_BOX_MM), page_h)
        field["x"] = snap(min(max(field["x"], 0.0), page_w - field["width"]))
        field["y"] = snap(min(max(field["y"], 0.0), page_h - field["height"]))
        self.selected = name
        self.change(text % FIELD_LABELS.get(name, name), data, merge_key=merge)

    # -- edits -----------------------------------------------------------------------------
    @guarded
    def box_dragged(self, name: str, x: float, y: float, width: float, height: float) -> None:
        self._field_changed(
            name, {"x": x, "y": y, "width": width, "height": height}, self.tr("Kéo ô «%s»")
        )

    def nudge(self, dx: float, dy: float) -> bool:
        if not self.selected:
            return False
        field = self.data["fields"][self.selected]
        self._field_changed(
            self.selected,
            {"x": field["x"] + dx, "y": field["y"] + dy},
            self.tr("Dịch ô «%s»"),
        )
        return True

    @guarded
    def set_value(self, name: str, key: str, value: Any) -> None:
        self._field_changed(name, {key: value}, self.tr("Sửa ô «%s»"), (name, key))

    @guarded
    def set_page(self, key: str, value: float) -> None:
        data = copy.deepcopy(self.data)
        data["page"][key] = value
        page_w, page_h = data["page"]["width"], data["page"]["height"]
        for field in data["fields"].values():  # boxes stay on the sheet
            field["width"] = min(field["width"], page_w)
            field["height"] = min(field["height"], page_h)
            field["x"] = min(field["x"], page_w - field["width"])
            field["y"] = min(field["y"], page_h - field["height"])
        if data.get("border"):
            data["border"]["inset"] = min(data["border"]["inset"], min(page_w, page_h) / 3)
        self.change(self.tr("Đổi khổ phôi"), data, merge_key=("page", key))

    def pick(self, name: str) -> None:
        self.selected = name
        self._apply(self._state())
        item = self.items.get(name)
        if item is not None:
            self.view.ensureVisible(item)

    def _selection_changed(self) -> None:
        chosen = [n for n, item in self.items.items() if item.isSelected()]
        self.selected = chosen[0] if chosen else ""
        self.panel.show_state(self.data, self.selected)

    @guarded
    def reset_to_file(self) -> None:
        self.change(self.tr("Đặt lại về mẫu gốc"), file_data(self.form))

    def set_background(self, background: Background | None) -> None:
        self.change(self.tr("Đổi ảnh phôi"), background=background)

    def clear_background(self) -> None:
        if self.background is not None:
            self.set_background(None)

    # -- save and close ----------------------------------------------------------------------
    @guarded
    def save(self) -> None:
        save_layout(self.store, self.ceremony_id, self.award_form_id, self.data, self.background)
        self.undo_stack.setClean()
        self.form = next(
            f for f in list_award_forms(self.store, self.ceremony_id) if f.id == self.award_form_id
        )
        self.status.setText(self.tr("Đã lưu mẫu in của «%s».") % self.form.full_name)
        if self.events is not None:
            self.events.changed.emit(events.AWARDS)

    def _clean_changed(self, clean: bool) -> None:
        title = self.tr("Thiết kế mẫu in — %s") % self.form.full_name
        self.setWindowTitle(title if clean else title + " *")

    def _samples_note(self) -> None:
        if self.samples.honouree_count:
            text = self.tr(
                "Chữ trong các ô là chữ dài nhất của %d người/tập thể nhận «%s» (tên, đơn vị, "
                "thành tích), đúng cỡ sẽ in."
            ) % (self.samples.honouree_count, self.samples.award_name)
        else:
            text = self.tr("Chưa có ai nhận hình thức này: các ô hiện chữ mẫu.")
        self.status.setText(text)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.undo_stack.isClean() and not messages.ask(
            self, self.tr("Mẫu in có thay đổi chưa lưu. Đóng mà không lưu?")
        ):
            event.ignore()
            return
        self.actions.discard()
        super().closeEvent(event)
