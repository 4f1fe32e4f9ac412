"""What an award form is: a certificate (Bằng khen, Giấy khen), an emulation title
(Chiến sĩ thi đua, Lao động tiên tiến…: printed "DANH HIỆU …") or a flag (Cờ thi đua: an
object with a ribbon, never a paper certificate).

The type is data on the award form (``AwardForm.award_type``), which the organiser may
change; ``type_from_name`` only proposes it for a new form from its name.
"""

from __future__ import annotations

from kx_ceremony.core.text.vietnamese import fold_for_search

CERTIFICATE, TITLE, FLAG = "certificate", "title", "flag"
AWARD_TYPES = (CERTIFICATE, TITLE, FLAG)
TYPE_LABELS = {
    CERTIFICATE: "Bằng khen, giấy khen",
    TITLE: "Danh hiệu thi đua",
    FLAG: "Cờ thi đua",
}
TITLE_WORD = "DANH HIỆU"

_FLAG_STARTS = ("co thi dua",)
_TITLE_STARTS = ("chien si thi dua", "lao dong tien tien", "tap the lao dong")


def type_from_name(full_name: str) -> str:
    """The type a form's name suggests ("Cờ thi đua của UBND tỉnh" → flag)."""
    folded = fold_for_search(full_name or "")
    if folded.startswith(_FLAG_STARTS):
        return FLAG
    if folded.startswith(_TITLE_STARTS):
        return TITLE
    return CERTIFICATE


def check_award_type(value: str) -> str:
    """``value`` when it is a known type; else a UserError naming the choices."""
    from kx_ceremony.core.errors import UserError

    value = (value or "").strip()
    if value not in AWARD_TYPES:
        choices = ", ".join(f"{t} ({TYPE_LABELS[t].lower()})" for t in AWARD_TYPES)
        raise UserError(
            f"Loại hình thức «{value}» không hợp lệ: chọn {choices}.", field="award_type"
        )
    return value
