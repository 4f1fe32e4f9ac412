"""Add or edit one honouree; each refusal is shown next to the field it concerns."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import Attendance
from kx_ceremony.core.services.honourees import (
    HonoureeInput,
    LikelyDuplicate,
    add_honouree,
    input_from_row,
    prepare,
    update_honouree,
)
from kx_ceremony.core.services.row_types import AwardFormRow, DecisionRow, HonoureeRow
from kx_ceremony.core.store import Store
from kx_ceremony.ui.form import FormDialog, choice, line, text_box
from kx_ceremony.ui.honouree_model import ATTENDANCE_TEXT, KIND_TEXT


class HonoureeDialog(FormDialog):
    def __init__(
        self,
        store: Store,
        ceremony_id: int,
        forms: list[AwardFormRow],
        decisions: list[DecisionRow],
        row: HonoureeRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Sửa thông tin người được khen") if row else self.tr("Thêm người được khen")
        super().__init__(title, parent)
        self.store, self.ceremony_id, self.row = store, ceremony_id, row
        self.decisions = decisions
        data = input_from_row(row) if row else None
        f = self.form
        self.kind = f.add(
            "kind",
            self.tr("Đối tượng"),
            choice(
                [(text, key) for key, text in KIND_TEXT.items()],
                data.kind if data else "individual",
            ),
        )
        self.name = f.add(
            "name",
            self.tr("Họ tên / tên tập thể"),
            line(data.name if data else "", self.tr("ví dụ: Nguyễn Văn An")),
        )
        self.gender = f.add(
            "gender",
            self.tr("Giới tính"),
            choice(
                [(self.tr("(không ghi)"), None), ("Nam", "male"), ("Nữ", "female")],
                data.gender if data else None,
            ),
        )
        self.birth_year = f.add(
            "birth_year",
            self.tr("Năm sinh"),
            line(str(data.birth_year) if data and data.birth_year else "", self.tr("ví dụ: 1975")),
        )
        self.posthumous = QCheckBox(self.tr("Truy tặng (đã mất; thân nhân nhận thay)"))
        self.posthumous.setChecked(bool(data and data.posthumous))
        f.add("posthumous", self.tr("Truy tặng"), self.posthumous)
        self.on_stage = f.add(
            "on_stage",
            self.tr("Lên sân khấu"),
            choice(
                [
                    (self.tr("theo hình thức khen thưởng"), None),
                    (self.tr("có, lên nhận trên sân khấu"), True),
                    (self.tr("không, nhận qua đơn vị"), False),
                ],
                data.on_stage if data else None,
            ),
        )
        self.position = f.add("position", self.tr("Chức vụ"), line(data.position if data else ""))
        self.unit = f.add("unit", self.tr("Đơn vị"), line(data.unit if data else ""))
        self.award = f.add(
            "award_form_id",
            self.tr("Hình thức khen thưởng"),
            choice(
                [(self.tr("(chọn hình thức khen thưởng)"), None)]
                + [(form.full_name, form.id) for form in forms],
                data.award_form_id if data else None,
            ),
        )
        self.decision = f.add("decision_id", self.tr("Quyết định"), QComboBox())
        self.achievement = f.add(
            "achievement",
            self.tr("Thành tích"),
            text_box(data.achievement if data else "", 60),
            self.tr("Để trống thì dùng câu thành tích chung của buổi lễ."),
        )
        self.register_number = f.add(
            "register_number", self.tr("Số sổ vàng"), line(data.register_number if data else "")
        )
        self.representative = f.add(
            "representative",
            self.tr("Người đại diện nhận"),
            line(data.representative if data else ""),
        )
        self.attendance = f.add(
            "attendance",
            self.tr("Có mặt"),
            choice(
                [(text, key) for key, text in ATTENDANCE_TEXT.items()],
                data.attendance if data else Attendance.PRESENT,
            ),
        )
        self.substitute = f.add(
            "substitute_name",
            self.tr("Người nhận thay"),
            line(data.substitute_name if data else ""),
        )
        self.note = f.add("note", self.tr("Ghi chú"), line(data.note if data else ""))
        self.award.currentIndexChanged.connect(self._fill_decisions)
        self.kind.currentIndexChanged.connect(self._show_rows_for_kind)
        self.attendance.currentIndexChanged.connect(self._show_rows_for_kind)
        self._fill_decisions(keep=data.decision_id if data else None)
        self._show_rows_for_kind()

    def _fill_decisions(self, *_args: object, keep: int | None = None) -> None:
        form_id = self.award.currentData()
        self.decision.clear()
        self.decision.addItem(self.tr("(chưa chọn)"), None)
        for d in self.decisions:
            if d.award_form_id == form_id:
                self.decision.addItem(f"{d.number} ngày {d.signed_on:%d/%m/%Y}", d.id)
        if keep is not None and (found := self.decision.findData(keep)) >= 0:
            self.decision.setCurrentIndex(found)

    def _show_rows_for_kind(self, *_args: object) -> None:
        person = self.kind.currentData() != "collective"
        self.form.set_row_visible("gender", person)
        self.form.set_row_visible("birth_year", person)
        self.form.set_row_visible("posthumous", self.kind.currentData() == "individual")
        self.form.set_row_visible("representative", not person)
        self.form.set_row_visible("substitute_name", self.attendance.currentData() == Attendance.SUBSTITUTE)

    def _birth_year(self) -> int | None:
        text = self.birth_year.text().strip()
        if not text:
            return None
        if not text.isdigit():
            raise UserError(
                f"Năm sinh «{text}» không phải một năm: hãy nhập 4 chữ số, ví dụ 1975.",
                field="birth_year",
            )
        return int(text)

    def collect(self) -> HonoureeInput:
        person = self.kind.currentData() != "collective"
        return HonoureeInput(
            name=self.name.text(),
            award_form_id=self.award.currentData() or 0,
            kind=self.kind.currentData(),
            gender=self.gender.currentData() if person else None,
            birth_year=self._birth_year() if person else None,
            position=self.position.text(),
            unit=self.unit.text(),
            achievement=self.achievement.toPlainText(),
            decision_id=self.decision.currentData(),
            register_number=self.register_number.text(),
            representative=self.representative.text() if not person else "",
            attendance=self.attendance.currentData(),
            substitute_name=self.substitute.text(),
            note=self.note.text(),
            posthumous=self.posthumous.isChecked() and self.kind.currentData() == "individual",
            on_stage=self.on_stage.currentData(),
        )

    def save(self) -> int:
        data = self.collect()
        if not data.award_form_id:
            prepare(data)  # the other fields' mistakes first, each next to its field
            raise UserError(
                "Chưa chọn hình thức khen thưởng: hãy chọn một hình thức.", field="award_form_id"
            )
        try:
            return self._store(data, confirm_likely=False)
        except LikelyDuplicate as likely:
            # Maybe the same person, maybe a namesake: the organiser knows, so ask.
            from kx_ceremony.ui import messages

            if not messages.ask(self, likely.window_text):
                raise UserError(likely.message, field="name") from None
            return self._store(data, confirm_likely=True)

    def _store(self, data: HonoureeInput, confirm_likely: bool) -> int:
        if self.row is None:
            return add_honouree(self.store, self.ceremony_id, data, confirm_likely=confirm_likely)
        return update_honouree(
            self.store, self.ceremony_id, self.row.id, data, confirm_likely=confirm_likely
        ).id
