"""The lists an office hands out, for the «In ấn» screen: the decision's appendix, the
receipt lists, the programme sheet, name and place cards, and the flags' labels.

Each is a ``DocumentKind`` whose print function calls the same core function as
``kx-ceremony print appendix|receipts|programme|namecards|flags``; ReportLab loads only
when one is printed.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from kx_ceremony.core.store import Store
from kx_ceremony.ui.document_kind import DocumentKind, Maker
from kx_ceremony.ui.tasks import ProgressFn

# key, title, file stem, core module, function, help
_OFFICE = (
    (
        "appendix",
        "Danh sách kèm theo quyết định",
        "danh-sach-kem-theo-quyet-dinh",
        "appendix",
        "print_appendix",
        "Mỗi hình thức một danh sách kèm theo quyết định: tập thể, cá nhân, hộ gia đình.",
    ),
    (
        "receipts",
        "Danh sách ký nhận",
        "danh-sach-ky-nhan",
        "receipts",
        "print_receipts",
        "Mỗi đơn vị một danh sách ký nhận bằng khen, giấy khen và tiền thưởng.",
    ),
    (
        "programme",
        "Chương trình hội nghị",
        "chuong-trinh-hoi-nghi",
        "programme",
        "print_programme",
        "Các phần của hội nghị theo thứ tự, người trao từng hình thức.",
    ),
    (
        "namecards",
        "Thẻ tên và thẻ chỗ ngồi",
        "the-ten-the-cho-ngoi",
        "namecards",
        "print_namecards",
        "Thẻ tên chủ tọa (gấp đôi) và thẻ chỗ ngồi của người nhận (8 thẻ một trang A4).",
    ),
    (
        "flags",
        "Nhãn cờ thi đua",
        "nhan-co-thi-dua",
        "flags",
        "print_flags",
        "Cờ thi đua không in bằng giấy: mỗi cờ một trang nội dung ghi trên cờ (cơ quan "
        "tặng, «Đơn vị dẫn đầu…», tên tập thể) và quyết định, vị trí trao.",
    ),
)


def _maker(module: str, function: str) -> Maker:
    def make(
        store: Store, ceremony_id: int, out: Path, options: dict[str, Any], progress: ProgressFn
    ) -> Path:
        printer = getattr(importlib.import_module(f"kx_ceremony.core.printing.{module}"), function)
        progress(0, 1, "")
        path = printer(store, ceremony_id, out)
        progress(1, 1, "")
        return path

    return make


def office_kinds() -> list[DocumentKind]:
    return [
        DocumentKind(key, title, stem, _maker(module, function), help=help_text)
        for key, title, stem, module, function, help_text in _OFFICE
    ]
