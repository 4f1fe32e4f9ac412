"""Make a store with one ceremony of N honourees, quickly, for window benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from sqlalchemy import insert

from kx_ceremony.core.model import Honouree, Kind
from kx_ceremony.core.services.awards import list_award_forms
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
from kx_ceremony.core.store import open_store
from kx_ceremony.core.text.vietnamese import fold_for_search

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Thanh"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hải",
    "Hằng",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phương",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vân",
    "Yến",
    "Ánh",
    "Ổn",
]
UNITS = [
    "Phòng Nội vụ",
    "Trường THCS Bình Minh",
    "UBND xã Vũ Ninh",
    "Trạm Y tế xã Quang Trung",
    "Phòng Tài chính - Kế hoạch",
    "Công an huyện",
    "Trường Tiểu học Lê Lợi",
]


def make_store(path: Path, count: int, seed: int = 8) -> int:
    """A store at ``path`` with a ceremony of ``count`` honourees; returns its id."""
    rng = random.Random(seed)
    store = open_store(str(path))
    try:
        ceremony_id = create_ceremony(
            store,
            CeremonyInput(
                title="Hội nghị tổng kết 10.000 người",
                held_on=dt.date(2023, 1, 5),
                place="Kiến Xương",
                province="Thái Bình",
            ),
        )
        forms = [f for f in list_award_forms(store, ceremony_id) if "individual" in f.kinds]
        rows = []
        for i in range(count):
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            rows.append(
                {
                    "ceremony_id": ceremony_id,
                    "kind": Kind.INDIVIDUAL.value,
                    "name": name,
                    "name_fold": fold_for_search(name),
                    "gender": rng.choice(["male", "female"]),
                    "birth_year": rng.randint(1960, 2000),
                    "position": "Chuyên viên",
                    "unit": f"{rng.choice(UNITS)} {i % 97}",
                    "achievement": "",
                    "award_form_id": rng.choice(forms).id,
                }
            )
        with store.transaction() as session:
            session.execute(insert(Honouree), rows)
        return ceremony_id
    finally:
        store.close()
