"""Add or edit a presenting official (Party post first, then state post)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from kx_ceremony.core.services.presenters import PresenterInput, add_presenter, update_presenter
from kx_ceremony.core.services.row_types import PresenterRow
from kx_ceremony.core.store import Store
from kx_ceremony.ui.form import FormDialog, line, spin, text_box


class PresenterDialog(FormDialog):
    def __init__(
        self,
        store: Store,
        ceremony_id: int,
        row: PresenterRow | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Sửa người trao") if row else self.tr("Thêm người trao"), parent)
        self.store, self.ceremony_id, self.row = store, ceremony_id, row
        f = self.form
        self.honorific = f.add(
            "honorific", self.tr("Danh xưng"), line(row.honorific if row else "đồng chí")
        )
        self.name = f.add("name", self.tr("Họ tên"), line(row.name if row else ""))
        self.titles = f.add(
            "titles",
            self.tr("Chức vụ"),
            text_box("\n".join(row.titles) if row else "", 70),
            self.tr("Mỗi dòng một chức vụ: chức vụ Đảng trước, chức vụ chính quyền sau."),
        )
        self.seniority = f.add(
            "seniority",
            self.tr("Thứ tự cấp bậc"),
            spin(row.seniority if row else 1, 1, 99),
            self.tr("1 là cao nhất: người cao nhất trao hình thức cao nhất."),
        )
        host = QCheckBox(self.tr("Lãnh đạo của đơn vị tổ chức (không phải khách mời cấp trên)"))
        host.setChecked(bool(row and row.host))
        self.host = f.add(
            "host",
            self.tr("Thuộc đơn vị tổ chức"),
            host,
            self.tr("Khen thưởng của chính đơn vị tổ chức do lãnh đạo đơn vị trao."),
        )

    def save(self) -> int:
        data = PresenterInput(
            name=self.name.text(),
            titles=[t for t in self.titles.toPlainText().splitlines() if t.strip()],
            honorific=self.honorific.text(),
            seniority=self.seniority.value(),
            host=self.host.isChecked(),
        )
        if self.row is None:
            return add_presenter(self.store, self.ceremony_id, data)
        return update_presenter(self.store, self.ceremony_id, self.row.id, data).id
