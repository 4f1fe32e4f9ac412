"""Complete first drafts of the covenant and the pledge, filled from the ceremony.

An organiser rarely writes these from nothing: last year's text with this year's
figures is the norm. The draft gives them that text with the ceremony's year, place,
organiser and member units already in, so they only edit. Every sentence here is a
starting point stored in the document, never a constant the printer relies on.
"""

from __future__ import annotations

from collections.abc import Sequence

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.services.ceremonies import get_ceremony
from kx_ceremony.core.services.pledges.documents import DocumentInput, save_document
from kx_ceremony.core.services.pledges.editing import KIND_LABELS, find_document
from kx_ceremony.core.services.row_types import CeremonyRow, SignatoryRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.vietnamese import clean_text, fold

# The usual head of a unit, guessed from how the unit's name starts (folded, no marks).
_HEAD_TITLES = (
    (("ubnd", "uy ban nhan dan", "hoi dong nhan dan", "hdnd"), "CHỦ TỊCH"),
    (("phong ",), "TRƯỞNG PHÒNG"),
    (("truong ",), "HIỆU TRƯỞNG"),
    (("trung tam", "benh vien", "so "), "GIÁM ĐỐC"),
    (("ban ",), "TRƯỞNG BAN"),
    (("cong an",), "TRƯỞNG CÔNG AN"),
    (("van phong",), "CHÁNH VĂN PHÒNG"),
    (("thanh tra",), "CHÁNH THANH TRA"),
    (("hoi ", "mat tran", "uy ban mat tran"), "CHỦ TỊCH"),
    (("doan ",), "BÍ THƯ"),
    (("dang uy", "huyen uy", "tinh uy"), "BÍ THƯ"),
    (("chi cuc", "cuc "), "CHI CỤC TRƯỞNG"),
    (("htx", "hop tac xa"), "GIÁM ĐỐC"),
)
DEFAULT_HEAD_TITLE = "THỦ TRƯỞNG ĐƠN VỊ"
DRAFT_UNIT_COUNT = 6  # blank blocks in a draft printed before any unit is known

UnitSpec = str | SignatoryRow | Sequence[str]


def head_title_for(unit: str) -> str:
    """The head's title an organiser would most likely write under this unit's name."""
    folded = fold(unit)
    for starts, title in _HEAD_TITLES:
        if folded.startswith(starts):
            return title
    return DEFAULT_HEAD_TITLE


def _signatories(units: Sequence[UnitSpec]) -> list[SignatoryRow]:
    rows = []
    for i, spec in enumerate(units, start=1):
        if isinstance(spec, SignatoryRow):
            unit, title, name = spec.unit, spec.signer_title, spec.signer_name
        elif isinstance(spec, str):
            unit, title, name = spec, "", ""
        else:
            unit, title, name = (list(spec) + ["", ""])[:3]
        unit = clean_text(unit)
        rows.append(SignatoryRow(i, unit, clean_text(title) or head_title_for(unit), name))
    return rows


def covenant_year(ceremony: CeremonyRow) -> int:
    """The year the units emulate in: the one after the year the ceremony reviews."""
    if ceremony.achievement_year:
        return ceremony.achievement_year + 1
    return ceremony.held_on.year


def covenant_draft(ceremony: CeremonyRow, units: Sequence[UnitSpec] = ()) -> DocumentInput:
    year = covenant_year(ceremony)
    organiser = ceremony.organiser or "cấp trên"
    scope = f" {ceremony.place}" if ceremony.place else ""
    sections = (
        {
            "heading": "I. CĂN CỨ GIAO ƯỚC",
            "body": f"Căn cứ Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành; "
            f"căn cứ Kế hoạch phát động phong trào thi đua yêu nước năm {year} của {organiser}, "
            f"các đơn vị cùng thống nhất ký kết giao ước thi đua năm {year} với những nội dung sau.",
        },
        {
            "heading": "II. CHỈ TIÊU CHUNG",
            "body": "1. 100% đơn vị hoàn thành xuất sắc nhiệm vụ được giao.\n"
            "2. 100% cán bộ, công chức, viên chức hoàn thành nhiệm vụ; ít nhất 20% hoàn thành "
            "xuất sắc nhiệm vụ.\n"
            "3. 100% hồ sơ thủ tục hành chính được giải quyết đúng hạn.\n"
            "4. Không có cán bộ, công chức, viên chức vi phạm kỷ luật.",
        },
        {
            "heading": "III. NỘI DUNG THI ĐUA",
            "body": f"1. Thi đua thực hiện tốt nhiệm vụ chuyên môn, hoàn thành toàn diện các chỉ tiêu "
            f"kinh tế - xã hội năm {year}.\n"
            "2. Thi đua đẩy mạnh cải cách hành chính, chuyển đổi số, nâng cao chỉ số hài lòng "
            "của người dân và doanh nghiệp.\n"
            "3. Thi đua xây dựng tổ chức Đảng, chính quyền, đoàn thể trong sạch, vững mạnh.\n"
            "4. Hưởng ứng các phong trào thi đua do cấp trên phát động; phát hiện, bồi dưỡng và "
            "nhân rộng điển hình tiên tiến.",
        },
        {
            "heading": "IV. CHẤM ĐIỂM VÀ BÁO CÁO",
            "body": "Các đơn vị tự chấm điểm theo thang điểm của Hội đồng Thi đua - Khen thưởng"
            f"{scope}; báo cáo sơ kết 6 tháng trước ngày 15/6/{year} và tổng kết năm trước ngày "
            f"15/11/{year}. Đơn vị trưởng cụm tổng hợp kết quả, bình xét và đề nghị khen thưởng.",
        },
        {
            "heading": "V. TỔ CHỨC THỰC HIỆN",
            "body": "Bản giao ước này được gửi đến từng đơn vị để thực hiện. Thủ trưởng các đơn vị "
            "ký giao ước có trách nhiệm phổ biến đến toàn thể cán bộ, công chức, viên chức "
            "và tổ chức thực hiện.",
        },
    )
    intro = (
        f"Các đơn vị ký giao ước thi đua năm {year} gồm ({len(units)} đơn vị):"
        if units
        else f"Các đơn vị ký giao ước thi đua năm {year} gồm:"
    )
    return DocumentInput(
        kind="covenant",
        title=f"BẢN GIAO ƯỚC THI ĐUA NĂM {year}",
        sections=sections,
        signatories=_signatories(units),
        extra={"parties_intro": intro},
        place=ceremony.place,
        signed_on=ceremony.held_on,
    )


def pledge_draft(
    ceremony: CeremonyRow,
    pledging_party: str = "",
    superior: str = "",
    pledging_signer: Sequence[str] = ("", ""),
    superior_signer: Sequence[str] = ("", ""),
) -> DocumentInput:
    year = covenant_year(ceremony)
    party = clean_text(pledging_party) or ceremony.organiser
    if not clean_text(superior) and ceremony.province:
        superior = f"UBND tỉnh {ceremony.province}"
    superior = clean_text(superior)
    targets = (
        ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "%", "100"),
        ("Tỷ lệ cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên", "%", "≥ 90"),
        ("Tỷ lệ văn bản điện tử trao đổi giữa các cơ quan", "%", "≥ 95"),
        ("Số điển hình tiên tiến được biểu dương, khen thưởng", "tập thể, cá nhân", ""),
    )
    sig = [
        (superior or "Bên nhận cam kết", *superior_signer),
        (party or "Bên cam kết", *pledging_signer),
    ]
    return DocumentInput(
        kind="pledge",
        title=f"BẢN CAM KẾT THI ĐUA NĂM {year}",
        sections=(
            {
                "heading": "",
                "body": f"Thực hiện phong trào thi đua yêu nước năm {year}, {party or '...'} "
                f"cam kết với {superior or '...'} phấn đấu hoàn thành các chỉ tiêu sau:",
            },
        ),
        signatories=_signatories(sig),
        extra={
            "pledging_party": party,
            "superior": superior,
            "targets": [{"target": t, "measure": m, "planned": p} for t, m, p in targets],
            "closing": f"{party or 'Đơn vị'} cam kết tổ chức thực hiện nghiêm túc, phấn đấu hoàn "
            f"thành và hoàn thành vượt mức các chỉ tiêu trên.",
        },
        place=ceremony.place,
        signed_on=ceremony.held_on,
    )


def _store_draft(store: Store, ceremony_id: int, data: DocumentInput, replace: bool) -> int:
    existing = find_document(store, ceremony_id, data.kind)
    if existing is not None and not replace:
        raise UserError(
            f"Buổi lễ số {ceremony_id} đã có {KIND_LABELS[data.kind]} (văn bản số {existing.id}): "
            "hãy sửa văn bản đó, hoặc chọn soạn lại để thay bằng bản nháp mới."
        )
    return save_document(store, ceremony_id, data, existing.id if existing else None)


def draft_covenant(
    store: Store, ceremony_id: int, units: Sequence[UnitSpec] = (), replace: bool = False
) -> int:
    """Store a complete covenant draft for the ceremony; ``units`` in signing order
    (cluster head first), each a name, (name, title, signer) or a SignatoryRow."""
    return _store_draft(
        store, ceremony_id, covenant_draft(get_ceremony(store, ceremony_id), units), replace
    )


def draft_pledge(
    store: Store,
    ceremony_id: int,
    pledging_party: str = "",
    superior: str = "",
    pledging_signer: Sequence[str] = ("", ""),
    superior_signer: Sequence[str] = ("", ""),
    replace: bool = False,
) -> int:
    """Store a complete pledge draft: the organiser pledges to the province by default."""
    data = pledge_draft(
        get_ceremony(store, ceremony_id), pledging_party, superior, pledging_signer, superior_signer
    )
    return _store_draft(store, ceremony_id, data, replace)


def unsaved_draft(store: Store, ceremony_id: int, kind: str) -> DocumentInput:
    """A draft to print before anything is stored: blank signature blocks to fill by hand."""
    ceremony = get_ceremony(store, ceremony_id)
    if kind == "covenant":
        return covenant_draft(ceremony)
    return pledge_draft(ceremony)
