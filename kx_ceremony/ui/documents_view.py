"""The «In ấn» screen: pick a document, set its options, preview it inside the window,
save it as PDF or open it in the system viewer. Printing runs off the GUI thread.

Each printable document is a ``DocumentKind``: a title, an options panel and a function
``make(store, ceremony_id, out, options, progress) -> Path`` from the core.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kx_ceremony.core.store import Store
from kx_ceremony.ui import events, messages
from kx_ceremony.ui.document_kind import DocumentKind, Maker
from kx_ceremony.ui.events import AppEvents
from kx_ceremony.ui.file_dialogs import choose_save_file
from kx_ceremony.ui.messages import guarded
from kx_ceremony.ui.tasks import ProgressFn, Runner

PDF_FILTER = "Tệp PDF (*.pdf)"
def _pledge_options() -> tuple[QWidget, Callable[[], dict[str, Any]]]:
    box = QWidget()
    form = QFormLayout(box)
    draft = QCheckBox(
        QCoreApplication.translate(
            "DocumentsView", "In bản nháp mẫu (không lưu), để trống ô ký cho điền tay"
        )
    )
    form.addRow(draft)
    return box, lambda: {"draft": draft.isChecked()}


def _pledge_maker(kind: str) -> Maker:
    def make(
        store: Store, ceremony_id: int, out: Path, options: dict[str, Any], progress: ProgressFn
    ) -> Path:
        from kx_ceremony.core.printing.pledge_documents import print_pledge_document

        progress(0, 1, "")
        path = print_pledge_document(
            store, ceremony_id, kind, out, draft=bool(options.get("draft"))
        )
        progress(1, 1, "")
        return path

    return make


def available_kinds() -> list[DocumentKind]:
    """What this build can print, in the order an organiser needs them."""
    from kx_ceremony.ui.office_kinds import office_kinds
    from kx_ceremony.ui.print_options import stage_kinds

    return [
        *stage_kinds(),
        *office_kinds(),
        DocumentKind(
            "covenant",
            "Bản giao ước thi đua",
            "giao-uoc-thi-dua",
            _pledge_maker("covenant"),
            _pledge_options,
            "Văn bản soạn ở thẻ «Giao ước, cam kết».",
        ),
        DocumentKind(
            "pledge",
            "Bản cam kết thi đua",
            "cam-ket-thi-dua",
            _pledge_maker("pledge"),
            _pledge_options,
            "Văn bản soạn ở thẻ «Giao ước, cam kết».",
        ),
    ]


def _watch_inputs(panel: QWidget, changed: Callable[..., None]) -> None:
    """Call ``changed`` whenever any input on an options panel changes."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

    for box in panel.findChildren(QComboBox):
        box.currentIndexChanged.connect(changed)
    for spin in panel.findChildren(QAbstractSpinBox):
        signal = getattr(spin, "valueChanged", None)
        if signal is not None:
            signal.connect(changed)
    for button in panel.findChildren(QAbstractButton):
        if button.isCheckable():
            button.toggled.connect(changed)
    for line in panel.findChildren(QLineEdit):
        if not isinstance(line.parent(), (QComboBox, QAbstractSpinBox)):
            line.textChanged.connect(changed)


class DocumentsView(QWidget):
    def __init__(
        self, store: Store, app_events: AppEvents, runner: Runner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.events, self.runner = store, app_events, runner
        self.ceremony_id: int | None = None
        self.kinds = available_kinds()
        self.preview_dir = Path(tempfile.mkdtemp(prefix="kx-ceremony-preview-"))
        self.last_output: Path | None = None

        self.list = QListWidget()
        for kind in self.kinds:
            self.list.addItem(kind.title)
        self.options = QStackedWidget()
        self.readers: list[Callable[[], dict[str, Any]]] = []
        self.option_widgets: list[QWidget] = []
        self._stale = True
        for kind in self.kinds:
            widget, reader = kind.options()
            self.option_widgets.append(widget)
            panel = QWidget()
            panel_layout = QVBoxLayout(panel)
            panel_layout.setContentsMargins(0, 0, 0, 0)
            if kind.help:
                note = QLabel(kind.help)
                note.setWordWrap(True)
                panel_layout.addWidget(note)
            panel_layout.addWidget(widget)
            panel_layout.addStretch(1)
            self.options.addWidget(panel)
            self.readers.append(reader)
        self.list.currentRowChanged.connect(self.options.setCurrentIndex)
        self.list.currentRowChanged.connect(self.outdate_preview)
        for widget in self.option_widgets:
            _watch_inputs(widget, self.outdate_preview)

        self.preview_button = QPushButton(self.tr("Xem trước"))
        self.save_button = QPushButton(self.tr("Lưu thành tệp PDF…"))
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save_pdf)
        self.printer_button = QPushButton(self.tr("In ra máy in…"))
        self.printer_button.clicked.connect(self.print_to_printer)
        self.design_button = QPushButton(self.tr("Thiết kế mẫu in…"))
        self.design_button.setToolTip(
            self.tr("Đặt từng ô chữ của bằng khen, giấy khen lên ảnh quét phôi, bằng chuột.")
        )
        self.design_button.clicked.connect(self.design_layout)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("<b>Văn bản cần in</b>")))
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.options, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.printer_button)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.design_button)

        self.preview_area = QStackedWidget()
        self.placeholder = QLabel(self.tr("Bấm «Xem trước» để xem văn bản ngay tại đây."))
        self.preview_area.addWidget(self.placeholder)
        self._pdf: Any = None  # built on first use: QtPdf loads only when needed

        splitter = QSplitter()
        splitter.setObjectName("documents")
        splitter.addWidget(left)
        splitter.addWidget(self.preview_area)
        splitter.setSizes([360, 900])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self.list.setCurrentRow(0)
        self.events.changed.connect(self._on_changed)

    def _on_changed(self, what: str) -> None:
        self.outdate_preview()  # whatever changed may be on the page shown
        if what in (events.AWARDS, events.STORE, events.CEREMONIES):
            self.set_ceremony(self.ceremony_id)

    def outdate_preview(self, *_args: object) -> None:
        """A preview made before the document, its options or the data changed is never
        left on screen as if it were current."""
        if self.preview_area.currentWidget() is self.placeholder:
            return
        self.placeholder.setText(
            self.tr(
                "Bản xem trước trước đó đã cũ vì lựa chọn hoặc dữ liệu vừa thay đổi. "
                "Bấm «Xem trước» để xem bản mới."
            )
        )
        self.preview_area.setCurrentWidget(self.placeholder)

    @property
    def pdf(self) -> Any:
        if self._pdf is None:
            from kx_ceremony.ui.pdf_preview import PdfPreview

            self._pdf = PdfPreview()
            self.preview_area.addWidget(self._pdf)
        return self._pdf

    def set_ceremony(self, ceremony_id: int | None) -> None:
        if ceremony_id != self.ceremony_id:
            self.outdate_preview()
        self.ceremony_id = ceremony_id
        self._stale = True
        if self.isVisible():
            self._refresh_options()

    def _refresh_options(self) -> None:
        self._stale = False
        for widget in self.option_widgets:
            if hasattr(widget, "set_ceremony"):
                widget.set_ceremony(self.store, self.ceremony_id)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            try:
                self._refresh_options()
            except Exception as exc:  # noqa: BLE001 - a refresh must not crash the window
                messages.report(self, exc)

    def current_kind(self) -> DocumentKind:
        return self.kinds[max(self.list.currentRow(), 0)]

    def select(self, key: str) -> None:
        for n, kind in enumerate(self.kinds):
            if kind.key == key:
                self.list.setCurrentRow(n)

    def _run(
        self,
        out: Path,
        then: Callable[[Path], None],
        extra: dict[str, Any] | None = None,
        preview: bool = False,
    ) -> None:
        if self.ceremony_id is None:
            messages.inform(self, self.tr("Hãy chọn một buổi lễ trước."))
            return
        kind = self.current_kind()
        # A preview is recorded in the ledger of blanks as a preview: never a used blank.
        options = {**self.readers[self.list.currentRow()](), **(extra or {}), "preview": preview}
        ceremony_id, store = self.ceremony_id, self.store

        def done(path: Path) -> None:
            then(path)

        self.runner.run(
            self,
            self.tr("Đang in %s…") % kind.title.lower(),
            lambda progress: kind.make(store, ceremony_id, out, options, progress),
            done,
            on_error=lambda exc: self._failed(exc, out, then, preview),
        )

    def _failed(
        self, exc: BaseException, out: Path, then: Callable[[Path], None], preview: bool
    ) -> None:
        """A covenant or pledge not written yet: offer the two ways on, as buttons."""
        from kx_ceremony.core.printing.pledge_documents import NoDocumentYet

        if not isinstance(exc, NoDocumentYet):
            messages.report(self, exc)
            return
        answer = messages.choose(
            self,
            exc.window_text,
            [
                ("draft", self.tr("In bản nháp mẫu để điền tay")),
                ("compose", self.tr("Soạn ở thẻ «Giao ước, cam kết»")),
            ],
        )
        if answer == "draft":
            self._run(out, then, {"draft": True}, preview)
        elif answer == "compose":
            self.events.navigate.emit("pledges")

    @guarded
    def preview(self, *_args: object) -> None:
        kind = self.current_kind()
        out = self.preview_dir / f"{kind.file_stem}.pdf"
        self._run(out, lambda path: self._show(Path(path), kind.title), preview=True)

    @guarded
    def save_pdf(self, *_args: object) -> None:
        kind = self.current_kind()
        target = choose_save_file(
            self,
            self.tr("Lưu %s") % kind.title.lower(),
            str(Path.home() / f"{kind.file_stem}.pdf"),
            PDF_FILTER,
        )
        if target is None:
            return

        def saved(path: Path) -> None:
            self._show(Path(path), kind.title)
            messages.inform(self, self.tr("Đã lưu %s") % path)

        self._run(target, saved)

    def discard_previews(self) -> None:
        """Remove the preview PDFs (the window is closing); saved PDFs are elsewhere."""
        import shutil

        if self.last_output is not None and self.last_output.parent == self.preview_dir:
            self.pdf.release()
        shutil.rmtree(self.preview_dir, ignore_errors=True)

    @guarded
    def print_to_printer(self, *_args: object) -> None:
        """Print the chosen document at 100 % on a printer the user picks."""
        if self.ceremony_id is None:
            messages.inform(self, self.tr("Hãy chọn một buổi lễ trước."))
            return
        from kx_ceremony.ui.printer_dialog import ask_printer

        choice = ask_printer(self)
        if choice is None:
            return
        kind = self.current_kind()
        options = {**self.readers[self.list.currentRow()](), "preview": False}
        ceremony_id, store = self.ceremony_id, self.store
        text = self.tr("Đang in %s…") % kind.title.lower()

        def task(progress: Any) -> str:
            from kx_ceremony.ui.printing_tasks import print_on_printer

            return print_on_printer(store, ceremony_id, kind, options, choice, progress, text)

        def done(summary: str) -> None:
            messages.inform(self, summary)

        self.runner.run(self, text, task, done)

    @guarded
    def design_layout(self, *_args: object) -> None:
        """The visual designer of the award form chosen in the options (asked if none)."""
        if self.ceremony_id is None:
            messages.inform(self, self.tr("Hãy chọn một buổi lễ trước."))
            return
        from kx_ceremony.ui.designer import choose_award_form, open_designer

        award = getattr(self.option_widgets[self.list.currentRow()], "award", None)
        chosen = award.currentData() if award is not None else None
        form_id = choose_award_form(self, self.store, self.ceremony_id, chosen)
        if form_id is not None:
            open_designer(self, self.store, self.events, self.runner, self.ceremony_id, form_id)

    def _show(self, path: Path, title: str) -> None:
        self.last_output = path
        self.pdf.show_file(path, title)
        self.preview_area.setCurrentWidget(self.pdf)
