"""Which certificates a print covers (round, award form; in presentation order), and the
file name each one gets when a print is split into one file per person."""

from __future__ import annotations

import re
import unicodedata

from kx_ceremony.core.award_types import FLAG
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.services.awards import find_award_form, list_award_forms
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.row_types import HonoureeRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.vietnamese import collation_key


def select_honourees(
    store: Store, ceremony_id: int, round_number: int | None, award: str | None
) -> list[tuple[int, HonoureeRow]]:
    """(ordinal, honouree) in presentation order, filtered by round and award form.

    Those presented on stage come first, in stage order; those who receive theirs through
    their unit come after, grouped by unit (Vietnamese order), so each unit's stack is one
    pile to hand over with its receipt list.
    """
    everyone = list_honourees(store, ceremony_id)
    on_stage = [r for r in everyone if r.goes_on_stage]
    by_unit = sorted(
        (r for r in everyone if not r.goes_on_stage), key=lambda r: collation_key(r.unit or "")
    )
    rows = list(enumerate([*on_stage, *by_unit], start=1))
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


def flags_note(count: int) -> str:
    """The one line said when flags were left out of a certificate print."""
    if not count:
        return ""
    return (
        f"Ghi chú: không in {count} cờ thi đua (cờ là hiện vật, không in bằng giấy); "
        "nhãn ghi trên cờ in bằng lệnh «print flags» hoặc mục «Nhãn cờ thi đua» ở thẻ In ấn."
    )


def without_flags(
    store: Store, ceremony_id: int, selected: list[tuple[int, HonoureeRow]]
) -> tuple[list[tuple[int, HonoureeRow]], int]:
    """The selection without its flags (a Cờ thi đua is no paper certificate), and how
    many were left out; refused when nothing else is left."""
    flags = {f.id for f in list_award_forms(store, ceremony_id) if f.award_type == FLAG}
    kept = [(i, r) for i, r in selected if r.award_form_id not in flags]
    if not kept:
        raise UserError(
            "Phần đã chọn chỉ có cờ thi đua: cờ là hiện vật, không in bằng khen giấy;",
            cli_hint="hãy in nhãn ghi trên cờ bằng lệnh «print flags --ceremony ID -o TỆP.pdf».",
            window_hint="hãy in nhãn ghi trên cờ ở mục «Nhãn cờ thi đua» của thẻ In ấn.",
        )
    return kept, len(selected) - len(kept)


_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')


def safe_filename(text: str, limit: int = 80) -> str:
    """A file name that Windows, macOS and Linux all accept, keeping Vietnamese letters."""
    text = unicodedata.normalize("NFC", text)
    text = " ".join(_UNSAFE.sub(" ", text).split())[:limit]
    return text.rstrip(" .") or "khong-ten"
