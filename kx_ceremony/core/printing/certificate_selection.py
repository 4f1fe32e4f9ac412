"""Which certificates a print covers (round, award form; in presentation order), and the
file name each one gets when a print is split into one file per person."""

from __future__ import annotations

import re
import unicodedata

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.services.awards import find_award_form
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.row_types import HonoureeRow
from kx_ceremony.core.store import Store


def select_honourees(
    store: Store, ceremony_id: int, round_number: int | None, award: str | None
) -> list[tuple[int, HonoureeRow]]:
    """(ordinal, honouree) in presentation order, filtered by round and award form."""
    rows = list(enumerate(list_honourees(store, ceremony_id), start=1))
    if not rows:
        raise UserError(
            "Buổi lễ chưa có ai được khen; hãy nhập danh sách (lệnh import) trước khi in."
        )
    if award:
        form = find_award_form(store, ceremony_id, award)
        rows = [(i, r) for i, r in rows if r.award_form_id == form.id]
        if not rows:
            raise UserError(f"Không có ai nhận «{form.full_name}» trong buổi lễ này.")
    if round_number is not None:
        rows = [(i, r) for i, r in rows if r.round == round_number]
        if not rows:
            raise UserError(
                f"Đợt {round_number} không có ai"
                + (" nhận hình thức đã chọn" if award else "")
                + ";",
                cli_hint="hãy xem lệnh «rounds» hoặc lập đợt bằng «rounds --plan».",
                window_hint="hãy xem các đợt ở thẻ «Sân khấu».",
            )
    return rows


_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')


def safe_filename(text: str, limit: int = 80) -> str:
    """A file name that Windows, macOS and Linux all accept, keeping Vietnamese letters."""
    text = unicodedata.normalize("NFC", text)
    text = " ".join(_UNSAFE.sub(" ", text).split())[:limit]
    return text.rstrip(" .") or "khong-ten"
