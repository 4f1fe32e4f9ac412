"""The window's fast honouree listing agrees exactly with the services' slow one."""

from __future__ import annotations

import datetime as dt
import random

from kx_ceremony.core.services.awards import list_award_forms
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
from kx_ceremony.core.services.honouree_table import fold_many, honouree_rows
from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree, list_honourees
from kx_ceremony.core.text.vietnamese import fold_for_search

TRICKY = [
    "Nguyễn Văn An",
    "Nguyễn Văn Ân",
    "Nguyễn  Văn Án",
    "Lê Thị Ánh",
    "Đỗ Đức Anh",
    "Gia đình ông Lê Văn Hải",
    "Hộ bà Trần Thị Ổn",
    "Phòng Nội vụ huyện Kiến Xương",
    "Trường THCS số 2",
    "Ê-đê Y Moan",
    "Anh",
]


def test_fast_rows_equal_the_service_rows(store, demo_id):
    assert honouree_rows(store, demo_id) == list_honourees(store, demo_id)


def test_fast_order_equals_presentation_order(store):
    ceremony_id = create_ceremony(store, CeremonyInput("Lễ thử", dt.date(2024, 1, 5)))
    forms = list_award_forms(store, ceremony_id)
    rng = random.Random(8)
    for n, name in enumerate(TRICKY * 3):
        kind = "collective" if name.startswith(("Phòng", "Trường")) else "individual"
        if name.startswith(("Gia đình", "Hộ")):
            kind = "household"
        usable = [f for f in forms if kind in f.kinds]
        add_honouree(
            store,
            ceremony_id,
            HonoureeInput(
                name=name, kind=kind, unit=f"Đơn vị {n}", award_form_id=rng.choice(usable).id
            ),
        )
    rows = list_honourees(store, ceremony_id)
    assert honouree_rows(store, ceremony_id) == rows


def test_clean_text_shortcut_for_clean_text_changes_nothing():
    """clean_text returns already clean text as is; everything else takes the full path."""
    import re
    import unicodedata

    from kx_ceremony.core.text.vietnamese import clean_text

    def slow(text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        text = re.sub("[\u200b\u200c\u200d\u2060\ufeff]", "", text).replace("\u00a0", " ")
        return re.sub(r"\s+", " ", text).strip()

    texts = [*TRICKY, " An", "An ", "A  B", "A\tB", "A\u00a0B", "A\u200bB", "A\u3000B", "A\nB", ""]
    texts.append(unicodedata.normalize("NFD", "Nguyễn Thị Ánh"))
    assert [clean_text(t) for t in texts] == [slow(t) for t in texts]


def test_fold_many_equals_fold_for_search():
    texts = [*TRICKY, "  HOÀ  BÌNH\t", "Đường 3/2 — Quận 10", "", "a\u0301b", "Thủy\u00a0Nguyên"]
    assert fold_many(texts) == [fold_for_search(t) for t in texts]
