"""Dialogs for a ceremony's details, an award form, and a decision."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from kx_ceremony.core.award_types import AWARD_TYPES, TYPE_LABELS
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.services.awards import (
    DecisionInput,
    add_award_form,
    add_decision,
    update_award_form,
    update_decision,
)
from kx_ceremony.core.services.ceremonies import (
    CeremonyInput,
    create_ceremony,
    update_ceremony,
)
from kx_ceremony.core.services.row_types import AwardFormRow, CeremonyRow, DecisionRow
from kx_ceremony.core.store import Store
from kx_ceremony.ui.date_field import DateField
from kx_ceremony.ui.form import FormDialog, choice, line, spin, text_box
from kx_ceremony.ui.honouree_model import KIND_TEXT


def date_edit(value: dt.date | None) -> DateField:
    return DateField(value)


def date_of(edit: DateField, field: str | None = None) -> dt.date:
    return edit.date(field)


class CeremonyDialog(FormDialog):
    def __init__(self, store: Store, row: CeremonyRow | None, parent: QWidget | None = None):
        super().__init__(
            self.tr("Sửa thông tin buổi lễ") if row else self.tr("Tạo buổi lễ mới"), parent
        )
        self.store, self.row = store, row
        f = self.form
        self.title = f.add(
            "title",
            self.tr("Tên buổi lễ"),
            line(
                row.title if row else "",
                self.tr("ví dụ: Hội nghị tổng kết công tác thi đua năm 2024"),
            ),
        )
        self.held_on = f.add(
            "held_on", self.tr("Ngày tổ chức"), date_edit(row.held_on if row else None)
        )
        self.place = f.add(
            "place",
            self.tr("Địa danh (dòng ngày tháng)"),
            line(row.place if row else "", "Kiến Xương"),
        )
        self.province = f.add(
            "province", self.tr("Tỉnh"), line(row.province if row else "", "Thái Bình")
        )
        self.venue = f.add("venue", self.tr("Địa điểm"), line(row.venue if row else ""))
        self.organiser = f.add(
            "organiser", self.tr("Cơ quan tổ chức"), line(row.organiser if row else "")
        )
        self.year = f.add(
            "achievement_year",
            self.tr("Năm thành tích"),
            spin(row.achievement_year or 0 if row else 0, 0, 2100),
            self.tr("Để 0 thì tự chọn: lễ trong quý I khen thành tích năm trước."),
        )
        self.per_round = f.add(
            "per_round", self.tr("Số người mỗi đợt"), spin(row.per_round if row else 10, 1, 60)
        )
        self.notes = f.add("notes", self.tr("Ghi chú"), text_box(row.notes if row else ""))

    def save(self) -> int:
        data = CeremonyInput(
            title=self.title.text(),
            held_on=date_of(self.held_on, "held_on"),
            place=self.place.text(),
            venue=self.venue.text(),
            organiser=self.organiser.text(),
            province=self.province.text(),
            achievement_year=self.year.value() or None,
            notes=self.notes.toPlainText(),
            per_round=self.per_round.value(),
            is_sample=self.row.is_sample if self.row else False,
        )
        if self.row is None:
            return create_ceremony(self.store, data)
        return update_ceremony(self.store, self.row.id, data).id


class AwardFormDialog(FormDialog):
    def __init__(
        self,
        store: Store,
        ceremony_id: int,
        row: AwardFormRow | None,
        parent: QWidget | None = None,
    ):
        super().__init__(
            self.tr("Sửa hình thức khen thưởng") if row else self.tr("Thêm hình thức khen thưởng"),
            parent,
        )
        self.store, self.ceremony_id, self.row = store, ceremony_id, row
        f = self.form
        self.full_name = f.add(
            "full_name", self.tr("Tên đầy đủ"), line(row.full_name if row else "")
        )
        self.short_name = f.add(
            "short_name", self.tr("Tên ngắn"), line(row.short_name if row else "")
        )
        self.rank = f.add(
            "rank",
            self.tr("Thứ bậc"),
            spin(row.rank if row else 10, 1, 999),
            self.tr("Số nhỏ trao trước (cao hơn)."),
        )
        kinds_box = QWidget()
        kinds_layout = QHBoxLayout(kinds_box)
        kinds_layout.setContentsMargins(0, 0, 0, 0)
        self.kind_checks: dict[str, QCheckBox] = {}
        for key, text in KIND_TEXT.items():
            check = QCheckBox(text)
            check.setChecked(row is None or key in row.kinds)
            kinds_layout.addWidget(check)
            self.kind_checks[key] = check
        f.add("kinds", self.tr("Dành cho"), kinds_box)
        self.printed_word = f.add(
            "printed_word", self.tr("Chữ in lớn"), line(row.printed_word if row else "GIẤY KHEN")
        )
        self.authority = f.add(
            "authority_line",
            self.tr("Dòng cơ quan tặng"),
            line(row.authority_line if row else ""),
            self.tr("Hai dòng (đỏ / đen) cách nhau dấu «/», ví dụ THỦ TƯỚNG / CHÍNH PHỦ NƯỚC …"),
        )
        self.award_type = f.add(
            "award_type",
            self.tr("Loại"),
            choice(
                [(TYPE_LABELS[t], t) for t in AWARD_TYPES],
                row.award_type if row else None,
            ),
            self.tr("Danh hiệu in «DANH HIỆU …»; cờ thi đua không in bằng giấy mà in nhãn cờ."),
        )
        self.keep_abbreviations = QCheckBox(
            self.tr("In chữ viết tắt như đã nhập (UBND, THCS…), không viết đầy đủ")
        )
        self.keep_abbreviations.setChecked(bool(row and row.keep_abbreviations))
        f.add("keep_abbreviations", self.tr("Viết tắt"), self.keep_abbreviations)
        self.on_stage = QCheckBox(
            self.tr("Trao trên sân khấu (bỏ chọn: đơn vị nhận về trao, in theo đơn vị)")
        )
        self.on_stage.setChecked(row.on_stage if row else True)
        f.add("on_stage", self.tr("Sân khấu"), self.on_stage)
        self.aliases = f.add(
            "aliases",
            self.tr("Tên gọi khác"),
            line("; ".join(row.aliases) if row else ""),
            self.tr(
                "Cách ghi trong bảng tính, cách nhau bằng dấu chấm phẩy (ví dụ: BK TTg; Bằng khen Thủ tướng)."
            ),
        )

    def save(self) -> int:
        values = {
            "short_name": self.short_name.text(),
            "kinds": [k for k, check in self.kind_checks.items() if check.isChecked()],
            "printed_word": self.printed_word.text(),
            "authority_line": self.authority.text(),
            "aliases": [a for a in self.aliases.text().split(";")],
            "keep_abbreviations": self.keep_abbreviations.isChecked(),
        }
        if self.row is not None or self.award_type.currentIndex() > 0:
            # A new form left at the first choice takes the type its name suggests.
            values["award_type"] = self.award_type.currentData()
        if self.row is None:
            form_id = add_award_form(
                self.store, self.ceremony_id, self.full_name.text(), self.rank.value(), **values
            )
        else:
            form_id = update_award_form(
                self.store,
                self.ceremony_id,
                self.row.id,
                full_name=self.full_name.text(),
                rank=self.rank.value(),
                **values,
            ).id
        if self.on_stage.isChecked() != (self.row.on_stage if self.row else True):
            from kx_ceremony.core.services.stage_edits import set_form_on_stage

            set_form_on_stage(self.store, self.ceremony_id, form_id, self.on_stage.isChecked())
        return form_id


class DecisionDialog(FormDialog):
    def __init__(
        self,
        store: Store,
        ceremony_id: int,
        forms: list[AwardFormRow],
        row: DecisionRow | None,
        parent: QWidget | None = None,
    ):
        super().__init__(self.tr("Sửa quyết định") if row else self.tr("Thêm quyết định"), parent)
        self.store, self.ceremony_id, self.row = store, ceremony_id, row
        f = self.form
        self.award = f.add(
            "award_form_id",
            self.tr("Tặng hình thức"),
            choice([(x.full_name, x.id) for x in forms], row.award_form_id if row else None),
        )
        self.number = f.add(
            "number", self.tr("Số quyết định"), line(row.number if row else "", "123/QĐ-UBND")
        )
        self.signed_on = f.add(
            "signed_on", self.tr("Ngày ký"), date_edit(row.signed_on if row else None)
        )
        self.authority = f.add(
            "authority", self.tr("Cơ quan ban hành"), line(row.authority if row else "")
        )
        self.signer_title = f.add(
            "signer_title",
            self.tr("Chức danh người ký"),
            line(row.signer_title if row else "", "CHỦ TỊCH hoặc KT. CHỦ TỊCH"),
        )
        self.signer_subtitle = f.add(
            "signer_subtitle",
            self.tr("Dòng chức danh thứ hai"),
            line(row.signer_subtitle if row else "", "PHÓ CHỦ TỊCH (khi cấp phó ký thay)"),
        )
        self.signer_name = f.add(
            "signer_name", self.tr("Họ tên người ký"), line(row.signer_name if row else "")
        )
        self.place = f.add("place", self.tr("Địa danh"), line(row.place if row else ""))

    def save(self) -> int:
        if self.award.currentData() is None:
            raise UserError(
                "Hãy chọn hình thức khen thưởng mà quyết định này tặng.", field="award_form_id"
            )
        data = DecisionInput(
            award_form_id=self.award.currentData(),
            number=self.number.text(),
            signed_on=date_of(self.signed_on, "signed_on"),
            authority=self.authority.text(),
            signer_title=self.signer_title.text(),
            signer_subtitle=self.signer_subtitle.text(),
            signer_name=self.signer_name.text(),
            place=self.place.text(),
        )
        if self.row is None:
            return add_decision(self.store, self.ceremony_id, data)
        return update_decision(self.store, self.ceremony_id, self.row.id, data).id
