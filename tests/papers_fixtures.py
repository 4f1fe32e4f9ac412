"""A ceremony with a flag, an emulation title and a posthumous award, for the tests of
certificate wording, flag labels and office lists."""

from __future__ import annotations

import datetime as dt

from kx_ceremony.core.services.awards import DecisionInput, add_decision, find_award_form
from kx_ceremony.core.services.honourees import HonoureeInput, insert_honourees


def add_special_awards(store, cid: int) -> dict[str, int]:
    """Two flags (Cờ thi đua of the province), a Chiến sĩ thi đua cơ sở and a posthumous
    Bằng khen of the province, each with a complete decision; returns form ids by code."""
    flag = find_award_form(store, cid, "Cờ thi đua của UBND tỉnh")
    title = find_award_form(store, cid, "Chiến sĩ thi đua cơ sở")
    tinh = find_award_form(store, cid, "Bằng khen của Chủ tịch UBND tỉnh")
    add_decision(
        store,
        cid,
        DecisionInput(
            flag.id,
            "45/QĐ-UBND",
            dt.date(2022, 12, 28),
            "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH",
            "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH",
            "",
            "Nguyễn Khắc Thận",
            "Thái Bình",
        ),
    )
    add_decision(
        store,
        cid,
        DecisionInput(
            title.id,
            "12/QĐ-UBND",
            dt.date(2022, 12, 30),
            "UBND huyện Kiến Xương",
            "CHỦ TỊCH",
            "",
            "Nguyễn Văn Hải",
            "Kiến Xương",
        ),
    )
    with store.transaction() as session:
        insert_honourees(
            session,
            cid,
            [
                HonoureeInput(
                    name="Phòng Nội vụ huyện Kiến Xương", award_form_id=flag.id, kind="collective"
                ),
                HonoureeInput(name="UBND xã Vũ Lễ", award_form_id=flag.id, kind="collective"),
                HonoureeInput(
                    name="Nguyễn Văn Dũng",
                    award_form_id=title.id,
                    gender="male",
                    position="Chủ tịch UBND xã",
                    unit="UBND xã Vũ Hòa",
                ),
                HonoureeInput(
                    name="Lê Văn Kiên",
                    award_form_id=tinh.id,
                    gender="male",
                    position="Phó Chỉ huy trưởng",
                    unit="Ban CHQS huyện Kiến Xương",
                    posthumous=True,
                ),
            ],
        )
    return {"flag": flag.id, "title": title.id, "tinh": tinh.id}
