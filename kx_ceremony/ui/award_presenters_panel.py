"""«Người trao theo hình thức»: who presents each award form, one combo per form.

The first choice of every combo is the rule's presenter ("Mặc định: …": the host's
leaders for the host's own awards, seniority for the rest); picking someone stores the
organiser's choice and the form's rounds take it at once (services/award_presenters.py).
Several presenters in turn for one form are set from the command line
(`rounds --form-presenter`) and shown here as one choice.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kx_ceremony.core.services.award_presenters import list_form_presenters, set_form_presenters
from kx_ceremony.core.services.presenters import list_presenters
from kx_ceremony.core.store import Store
from kx_ceremony.ui import events, messages
from kx_ceremony.ui.events import AppEvents


class AwardPresentersPanel(QWidget):
    def __init__(self, store: Store, app_events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.events = store, app_events
        self.ceremony_id: int | None = None
        note = QLabel(
            self.tr(
                "Mặc định: lãnh đạo đơn vị tổ chức trao khen thưởng của đơn vị mình, khách mời cấp "
                "trên trao các hình thức khác, người cao nhất trao hình thức cao nhất. Chọn người "
                "khác cho một hình thức: các đợt của hình thức đó đổi theo ngay."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Hình thức khen thưởng"), self.tr("Người trao")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        self.combos: list[QComboBox] = []

    def set_ceremony(self, ceremony_id: int | None) -> None:
        self.ceremony_id = ceremony_id
        self.reload()

    def reload(self) -> None:
        self.table.setRowCount(0)
        self.combos = []
        if self.ceremony_id is None:
            return
        presenters = list_presenters(self.store, self.ceremony_id)
        forms = list_form_presenters(self.store, self.ceremony_id)
        self.table.setRowCount(len(forms))
        for row, form in enumerate(forms):
            label = form.award + (self.tr(" (của đơn vị tổ chức)") if form.host_form else "")
            item = QTableWidgetItem(label)
            item.setToolTip(label)
            self.table.setItem(row, 0, item)
            combo = QComboBox()
            default = form.default.name if form.default else self.tr("chưa có người trao")
            combo.addItem(self.tr("Mặc định: %s") % default, [])
            for p in presenters:
                combo.addItem(f"{p.name} ({p.seniority})", [p.id])
            chosen = [p.id for p in form.chosen]
            if len(chosen) > 1:
                names = ", ".join(p.name for p in form.chosen)
                combo.addItem(self.tr("Lần lượt: %s") % names, chosen)
            index = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(index, 0))
            combo.setProperty("award_form_id", form.award_form_id)
            combo.currentIndexChanged.connect(lambda _i, c=combo: self._chosen(c))
            self.table.setCellWidget(row, 1, combo)
            self.combos.append(combo)
        self.table.resizeRowsToContents()

    def _chosen(self, combo: QComboBox) -> None:
        if self.ceremony_id is None:
            return
        try:
            set_form_presenters(
                self.store,
                self.ceremony_id,
                int(combo.property("award_form_id")),
                list(combo.currentData() or []),
            )
        except Exception as exc:  # noqa: BLE001 - the window's error boundary
            messages.report(self, exc)
            self.reload()
            return
        self.events.changed.emit(events.STAGE)
