"""Option panels and print functions for certificates, calibration, MC script, line-up.

Each ``*_kind()`` returns a ``DocumentKind`` for the «In ấn» screen; the core printing
modules (ReportLab) are imported only inside the print functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from kx_ceremony.core.store import Store
from kx_ceremony.ui import messages
from kx_ceremony.ui.document_kind import DocumentKind
from kx_ceremony.ui.tasks import ProgressFn


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintOptions", text)


class CertificateOptions(QWidget):
    """Mode, round / award filter, and the printer's x/y offset for pre-printed blanks."""

    def __init__(self, calibration: bool = False) -> None:
        super().__init__()
        self.calibration = calibration
        form = QFormLayout(self)
        self.mode = QComboBox()
        self.mode.addItem(_tr("In lên phôi in sẵn (chỉ phần chữ)"), "blank")
        self.mode.addItem(_tr("In đủ mẫu lên giấy trắng"), "full")
        self.round = QSpinBox()
        self.round.setRange(0, 9999)
        self.round.setSpecialValueText(_tr("mọi đợt"))
        self.award = QComboBox()
        self.reprint = QCheckBox(_tr("In lại lên phôi mới (phôi hỏng)"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_tr("Lý do in lại, ví dụ: phôi bị kẹt giấy"))
        self.reason.setEnabled(False)
        self.reprint.toggled.connect(self.reason.setEnabled)
        self.draft = QCheckBox(
            _tr("Bản in thử (in cả khi quyết định chưa đủ; đóng dấu BẢN IN THỬ)")
        )
        if not calibration:
            form.addRow(_tr("Kiểu in"), self.mode)
            form.addRow(_tr("Chỉ in đợt"), self.round)
            form.addRow(self.draft)
            form.addRow("", self.reprint)
            form.addRow(_tr("Lý do in lại"), self.reason)
        form.addRow(_tr("Hình thức") if not calibration else _tr("Mẫu của"), self.award)
        self.offset_x = QDoubleSpinBox()
        self.offset_y = QDoubleSpinBox()
        for box in (self.offset_x, self.offset_y):
            box.setRange(-50, 50)
            box.setDecimals(1)
            box.setSingleStep(0.5)
            box.setSuffix(" mm")
        offsets = QHBoxLayout()
        offsets.addWidget(self.offset_x)
        offsets.addWidget(self.offset_y)
        self.save_offset_button = QPushButton(_tr("Lưu độ lệch máy in"))
        self.save_offset_button.clicked.connect(self.save_offset)
        form.addRow(_tr("Độ lệch ngang / dọc"), offsets)
        form.addRow("", self.save_offset_button)
        self._load_offset()

    def _load_offset(self) -> None:
        from kx_ceremony.core.printing.printer_offset import load_offset

        try:
            offset = load_offset()
        except Exception as exc:  # noqa: BLE001 - a damaged settings file: say so, keep 0
            messages.report(self, exc)
            return
        self.offset_x.setValue(offset.x_mm)
        self.offset_y.setValue(offset.y_mm)

    @messages.guarded
    def save_offset(self, *_args: object) -> None:
        from kx_ceremony.core.printing.printer_offset import PrinterOffset, save_offset

        path = save_offset(PrinterOffset(self.offset_x.value(), self.offset_y.value()))
        messages.inform(self, _tr("Đã lưu độ lệch máy in vào %s.") % path)

    def set_ceremony(self, store: Store, ceremony_id: int | None) -> None:
        from kx_ceremony.core.services.awards import list_award_forms

        self.award.clear()
        if not self.calibration:
            self.award.addItem(_tr("mọi hình thức"), None)
        if ceremony_id is not None:
            for form in list_award_forms(store, ceremony_id):
                self.award.addItem(form.full_name, form.full_name)

    def values(self) -> dict[str, Any]:
        return {
            "mode": self.mode.currentData(),
            "round": self.round.value() or None,
            "award": self.award.currentData(),
            "offset": (self.offset_x.value(), self.offset_y.value()),
            "reprint": self.reprint.isChecked(),
            "reason": self.reason.text() if self.reprint.isChecked() else "",
            "draft": self.draft.isChecked(),
        }


def _print_certificates(
    store: Store, ceremony_id: int, out: Path, options: dict[str, Any], progress: ProgressFn
) -> Path:
    from kx_ceremony.core.printing.certificates import print_certificates

    return print_certificates(
        store,
        ceremony_id,
        out,
        mode=options["mode"],
        round_number=options["round"],
        award=options["award"],
        preview=options.get("preview", False),
        reprint=options.get("reprint", False),
        reason=options.get("reason", ""),
        draft=bool(options.get("draft")),
        progress=lambda done, total: progress(done, total, _tr("Đang in bằng khen, giấy khen…")),
    ).path


def _print_calibration(
    store: Store, ceremony_id: int, out: Path, options: dict[str, Any], progress: ProgressFn
) -> Path:
    from kx_ceremony.core.printing.calibration import write_calibration
    from kx_ceremony.core.printing.layout_choice import calibration_layout
    from kx_ceremony.core.printing.printer_offset import PrinterOffset

    layout = calibration_layout(store, options["award"], ceremony_id)
    offset = PrinterOffset(*options["offset"])
    return write_calibration(out, layout, offset)


def _print_script(
    store: Store, ceremony_id: int, out: Path, options: dict[str, Any], progress: ProgressFn
) -> Path:
    from kx_ceremony.core.printing.script import make_script

    return make_script(store, ceremony_id, out)


def _print_lineup(
    store: Store, ceremony_id: int, out: Path, options: dict[str, Any], progress: ProgressFn
) -> Path:
    from kx_ceremony.core.printing.lineup import make_lineup

    return make_lineup(store, ceremony_id, out)


def _panel(calibration: bool) -> Any:
    def build() -> tuple[QWidget, Any]:
        panel = CertificateOptions(calibration)
        return panel, panel.values

    return build


def stage_kinds() -> list[DocumentKind]:
    return [
        DocumentKind(
            "certificates",
            "Bằng khen, giấy khen",
            "bang-khen-giay-khen",
            _print_certificates,
            _panel(False),
            "In theo đúng thứ tự trao trên sân khấu (đợt, vị trí).",
        ),
        DocumentKind(
            "calibration",
            "Trang canh chỉnh phôi",
            "trang-canh-chinh",
            _print_calibration,
            _panel(True),
            "In lên giấy trắng, đặt chồng lên phôi và soi đèn: chỉnh độ lệch cho khớp rồi lưu.",
        ),
        DocumentKind(
            "script",
            "Kịch bản dẫn chương trình",
            "kich-ban-dan-chuong-trinh",
            _print_script,
            help="Lời mời từng đợt và danh sách tên theo thứ tự đứng trên sân khấu.",
        ),
        DocumentKind(
            "lineup",
            "Sơ đồ sân khấu và khay bằng",
            "so-do-san-khau",
            _print_lineup,
            help="Mỗi đợt một trang: vị trí đứng và thứ tự xếp bằng trong khay.",
        ),
    ]
