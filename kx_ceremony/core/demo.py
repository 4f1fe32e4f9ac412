"""The sample ceremony: Kiến Xương district's 2022 review conference of 5 January 2023.

The event, the place and the presenters follow the real conference; every honouree,
decision signer and number is invented and the ceremony is marked as sample data.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from kx_ceremony.core.model import Ceremony
from kx_ceremony.core.services.awards import DecisionInput, add_decision, list_award_forms
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony, delete_ceremony
from kx_ceremony.core.services.honourees import HonoureeInput, insert_honourees
from kx_ceremony.core.services.pledges.documents import DocumentInput, save_document
from kx_ceremony.core.services.presenters import PresenterInput, add_presenter
from kx_ceremony.core.services.row_types import SignatoryRow
from kx_ceremony.core.services.stage import plan_rounds
from kx_ceremony.core.store import Store

HELD_ON = dt.date(2023, 1, 5)
ACHIEVEMENT = "Đã có thành tích xuất sắc trong thực hiện phong trào thi đua yêu nước năm 2022"
ACHIEVEMENT_TTG = "Đã có thành tích xuất sắc trong công tác từ năm 2018 đến năm 2022, góp phần vào sự nghiệp xây dựng chủ nghĩa xã hội và bảo vệ Tổ quốc"

CEREMONY = CeremonyInput(
    title=(
        "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2022 và phát động phong trào "
        "thi đua yêu nước năm 2023"
    ),
    held_on=HELD_ON,
    place="Kiến Xương",
    venue="Hội trường UBND huyện Kiến Xương",
    organiser="UBND huyện Kiến Xương",
    province="Thái Bình",
    achievement_year=2022,
    notes="Dữ liệu mẫu: tên người nhận, số quyết định và người ký là hư cấu.",
    per_round=10,
    is_sample=True,
)

PRESENTERS = (
    PresenterInput(
        "Nguyễn Quang Hưng",
        ("Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch Thường trực UBND tỉnh"),
        seniority=1,
    ),
    PresenterInput("Vũ Ngọc Trì", ("Tỉnh ủy viên", "Phó Chủ tịch HĐND tỉnh"), seniority=2),
    # The host's leader presents the district's own Giấy khen (services/award_presenters.py).
    PresenterInput(
        "Đỗ Mạnh Cường", ("Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"), seniority=3, host=True
    ),
)

# code: (number, date, authority, signer title, subtitle, signer name, place)
DECISIONS = {
    "ttg": (
        "2156/QĐ-TTg",
        dt.date(2022, 12, 20),
        "THỦ TƯỚNG CHÍNH PHỦ",
        "KT. THỦ TƯỚNG",
        "PHÓ THỦ TƯỚNG",
        "Trần Minh Đức",
        "Hà Nội",
    ),
    "tinh": (
        "3050/QĐ-UBND",
        dt.date(2022, 12, 28),
        "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Lại Văn Hoàn",
        "Thái Bình",
    ),
    "huyen": (
        "1875/QĐ-UBND",
        dt.date(2022, 12, 30),
        "ỦY BAN NHÂN DÂN HUYỆN KIẾN XƯƠNG",
        "CHỦ TỊCH",
        "",
        "Đỗ Mạnh Cường",
        "Kiến Xương",
    ),
}

COL, IND, HH = "collective", "individual", "household"
# (award code, kind, name, gender, birth year, position, unit)
HONOUREES = (
    (
        "ttg",
        IND,
        "Phạm Thị Thu Hằng",
        "female",
        1975,
        "Hiệu trưởng",
        "Trường THCS Thị trấn Thanh Nê",
    ),
    ("ttg", IND, "Bùi Văn Khải", "male", 1968, "Chủ tịch UBND xã", "UBND xã Vũ Quý"),
    ("tinh", COL, "Phòng Giáo dục và Đào tạo huyện Kiến Xương", None, None, "", ""),
    ("tinh", COL, "UBND xã Quang Trung", None, None, "", ""),
    ("tinh", COL, "Trường Tiểu học Bình Minh", None, None, "", "Huyện Kiến Xương"),
    ("tinh", IND, "Nguyễn Văn Tâm", "male", 1972, "Trưởng phòng", "Phòng Nội vụ huyện Kiến Xương"),
    ("tinh", IND, "Lê Thị Hồng Nhung", "female", 1983, "Phó Chủ tịch UBND xã", "UBND xã Thanh Tân"),
    ("tinh", IND, "Trần Đức Anh", "male", 1979, "Bác sĩ", "Trung tâm Y tế huyện Kiến Xương"),
    ("tinh", IND, "Đỗ Thị Lan", "female", 1986, "Giáo viên", "Trường THPT Nguyễn Du"),
    ("tinh", IND, "Vũ Quốc Việt", "male", 1977, "Chỉ huy trưởng", "Ban Chỉ huy Quân sự huyện"),
    ("tinh", IND, "Hoàng Minh Châu", "female", 1990, "Chuyên viên", "Văn phòng HĐND và UBND huyện"),
    ("tinh", IND, "Đặng Văn Ước", "male", 1965, "Chủ nhiệm", "HTX Dịch vụ nông nghiệp Vũ Ninh"),
    ("huyen", COL, "Phòng Tài chính - Kế hoạch huyện", None, None, "", ""),
    ("huyen", COL, "UBND thị trấn Thanh Nê", None, None, "", ""),
    ("huyen", COL, "Hội Nông dân xã An Bồi", None, None, "", ""),
    ("huyen", COL, "Trường Mầm non Lê Lợi", None, None, "", ""),
    ("huyen", IND, "Ngô Thị Ánh", "female", 1992, "Kế toán", "UBND xã Hồng Tiến"),
    (
        "huyen",
        IND,
        "Lương Văn Bình",
        "male",
        1981,
        "Công chức Tư pháp - Hộ tịch",
        "UBND xã Nam Cao",
    ),
    ("huyen", IND, "Phan Thị Cúc", "female", 1988, "Giáo viên", "Trường Tiểu học Quang Trung"),
    ("huyen", IND, "Đinh Công Đạt", "male", 1985, "Trưởng Công an xã", "Công an xã Vũ Lễ"),
    (
        "huyen",
        IND,
        "Trịnh Thu Giang",
        "female",
        1994,
        "Chuyên viên",
        "Phòng Văn hóa và Thông tin huyện",
    ),
    ("huyen", IND, "Mai Xuân Hòa", "male", 1970, "Trưởng thôn", "Thôn Nam Trung, xã Nam Bình"),
    ("huyen", IND, "Cao Thị Hường", "female", 1976, "Điều dưỡng", "Trạm Y tế xã Bình Thanh"),
    (
        "huyen",
        IND,
        "Tạ Quang Khánh",
        "male",
        1991,
        "Bí thư Đoàn xã",
        "Đoàn Thanh niên xã Quốc Tuấn",
    ),
    ("huyen", IND, "Dương Thị Loan", "female", 1980, "Phó Hiệu trưởng", "Trường THCS Lê Quý Đôn"),
    ("huyen", IND, "Lý Văn Minh", "male", 1973, "Trưởng ban", "Ban Quản lý dự án huyện"),
    ("huyen", HH, "Gia đình ông Lê Văn Hải", None, None, "", "Thôn Đông, xã Thanh Tân"),
    ("huyen", HH, "Gia đình bà Nguyễn Thị Mận", None, None, "", "Thôn Tây, xã Bình Nguyên"),
)

REPRESENTATIVES = {
    "Phòng Giáo dục và Đào tạo huyện Kiến Xương": "Trưởng phòng Phạm Văn Toàn",
    "UBND xã Quang Trung": "Chủ tịch UBND xã Nguyễn Văn Lực",
}

COVENANT_UNITS = (
    ("Phòng Nội vụ huyện Kiến Xương", "TRƯỞNG PHÒNG", "Nguyễn Văn Tâm"),
    ("Phòng Tài chính - Kế hoạch huyện", "TRƯỞNG PHÒNG", "Vũ Thị Hạnh"),
    ("Phòng Giáo dục và Đào tạo huyện", "TRƯỞNG PHÒNG", "Phạm Văn Toàn"),
    ("Phòng Văn hóa và Thông tin huyện", "TRƯỞNG PHÒNG", "Bùi Thị Thoa"),
    ("Phòng Nông nghiệp và PTNT huyện", "TRƯỞNG PHÒNG", "Đoàn Văn Sơn"),
    ("Phòng Tài nguyên và Môi trường huyện", "TRƯỞNG PHÒNG", "Lê Quang Vinh"),
    ("UBND thị trấn Thanh Nê", "CHỦ TỊCH", "Trần Văn Thịnh"),
    ("UBND xã Vũ Quý", "CHỦ TỊCH", "Bùi Văn Khải"),
)

COVENANT_SECTIONS = (
    {
        "heading": "I. CĂN CỨ GIAO ƯỚC",
        "body": "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003, được sửa đổi, bổ sung "
        "năm 2005 và năm 2013; căn cứ Kế hoạch phát động phong trào thi đua "
        "yêu nước năm 2023 của UBND huyện Kiến Xương, các đơn vị cùng thống nhất ký kết giao ước "
        "thi đua năm 2023 với những nội dung sau.",
    },
    {
        "heading": "II. CHỈ TIÊU CHUNG",
        "body": "1. 100% đơn vị hoàn thành xuất sắc nhiệm vụ được giao.\n"
        "2. 100% cán bộ, công chức hoàn thành nhiệm vụ; ít nhất 20% hoàn thành xuất sắc nhiệm vụ.\n"
        "3. 100% hồ sơ thủ tục hành chính được giải quyết đúng hạn.",
    },
    {
        "heading": "III. NỘI DUNG THI ĐUA",
        "body": "1. Thực hiện tốt nhiệm vụ chuyên môn, hoàn thành các chỉ tiêu kinh tế - xã hội năm 2023.\n"
        "2. Đẩy mạnh cải cách hành chính, chuyển đổi số, nâng cao chỉ số hài lòng của người dân.\n"
        "3. Xây dựng tổ chức Đảng, đoàn thể trong sạch, vững mạnh.\n"
        '4. Hưởng ứng các phong trào "Chung sức xây dựng nông thôn mới", "Cả nước chung tay vì người nghèo".',
    },
    {
        "heading": "IV. CHẤM ĐIỂM VÀ BÁO CÁO",
        "body": "Các đơn vị tự chấm điểm theo thang điểm của Hội đồng Thi đua - Khen thưởng huyện, báo cáo "
        "sơ kết 6 tháng trước ngày 15/6/2023 và tổng kết năm trước ngày 15/11/2023. Đơn vị trưởng "
        "cụm tổng hợp, đề nghị khen thưởng.",
    },
)

PLEDGE_TARGETS = (
    ("Tốc độ tăng giá trị sản xuất", "%", "8,5"),
    ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "320"),
    ("Số xã đạt chuẩn nông thôn mới nâng cao", "xã", "6"),
    ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "%", "100"),
    ("Tỷ lệ hộ nghèo", "%", "dưới 1,5"),
)


def create_demo(store: Store) -> int:
    """Create the sample ceremony with everything in it; returns its id."""
    ceremony_id = create_ceremony(store, CEREMONY)
    try:
        _fill(store, ceremony_id)
    except BaseException:
        delete_ceremony(store, ceremony_id)  # never leave half a sample behind
        raise
    return ceremony_id


def _fill(store: Store, ceremony_id: int) -> None:
    forms = {f.code: f for f in list_award_forms(store, ceremony_id)}
    decision_ids = {
        code: add_decision(
            store,
            ceremony_id,
            DecisionInput(forms[code].id, number, day, authority, title, subtitle, name, place),
        )
        for code, (number, day, authority, title, subtitle, name, place) in DECISIONS.items()
    }
    for presenter in PRESENTERS:
        add_presenter(store, ceremony_id, presenter)
    with store.transaction() as session:
        insert_honourees(
            session,
            ceremony_id,
            (
                HonoureeInput(
                    name=name,
                    award_form_id=forms[code].id,
                    kind=kind,
                    gender=gender,
                    birth_year=year,
                    position=position,
                    unit=unit,
                    achievement=ACHIEVEMENT_TTG if code == "ttg" else ACHIEVEMENT,
                    decision_id=decision_ids[code],
                    register_number=f"{code.upper()}-{i:03d}",
                    representative=REPRESENTATIVES.get(name, ""),
                )
                for i, (code, kind, name, gender, year, position, unit) in enumerate(
                    HONOUREES, start=1
                )
            ),
        )
    _add_documents(store, ceremony_id)
    plan_rounds(store, ceremony_id)


def _add_documents(store: Store, ceremony_id: int) -> None:
    save_document(
        store,
        ceremony_id,
        DocumentInput(
            kind="covenant",
            title="BẢN GIAO ƯỚC THI ĐUA NĂM 2023",
            sections=COVENANT_SECTIONS,
            signatories=[SignatoryRow(i, *u) for i, u in enumerate(COVENANT_UNITS, start=1)],
            extra={
                "parties_intro": "Các đơn vị thuộc khối các cơ quan chuyên môn và UBND các xã, thị trấn huyện Kiến Xương"
            },
            place="Kiến Xương",
            signed_on=HELD_ON,
        ),
    )
    save_document(
        store,
        ceremony_id,
        DocumentInput(
            kind="pledge",
            title="BẢN CAM KẾT THI ĐUA NĂM 2023",
            sections=(
                {
                    "heading": "",
                    "body": "Thực hiện phong trào thi đua yêu nước năm 2023, UBND huyện Kiến Xương cam kết "
                    "với UBND tỉnh Thái Bình phấn đấu hoàn thành các chỉ tiêu sau:",
                },
            ),
            signatories=[
                SignatoryRow(
                    1,
                    "UBND tỉnh Thái Bình",
                    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
                    "Nguyễn Quang Hưng",
                ),
                SignatoryRow(
                    2, "UBND huyện Kiến Xương", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "Đỗ Mạnh Cường"
                ),
            ],
            extra={
                "pledging_party": "UBND huyện Kiến Xương",
                "superior": "UBND tỉnh Thái Bình",
                "targets": [
                    {"target": t, "measure": m, "planned": p} for t, m, p in PLEDGE_TARGETS
                ],
            },
            place="Kiến Xương",
            signed_on=HELD_ON,
        ),
    )


def sample_ceremony_ids(store: Store) -> list[int]:
    with store.reading() as session:
        return list(session.scalars(select(Ceremony.id).where(Ceremony.is_sample)))
