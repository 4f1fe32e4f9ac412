"""The ledger of blanks: every certificate printed, to a printer or a file.

Printing is planned first (``plan_prints``: the refusal of a second print onto a blank,
register numbers given from the award form's pattern), the output is written whole, and
only then is it recorded (``record_prints``, one transaction: the ledger rows and the
register numbers the certificates now carry). A job cut short records only the
certificates that came out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import AwardForm, Honouree, PrintMode, PrintRecord
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.services.register_numbers import format_register
from kx_ceremony.core.services.row_types import HonoureeRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.vietnamese import clean_text

TARGET_KINDS = ("printer", "file")
MODE_WORDS = {"blank": "lên phôi", "full": "đủ mẫu", "preview": "xem thử"}


@dataclass(frozen=True)
class PlannedPrint:
    """One certificate about to be printed, with the register number it will carry."""

    honouree_id: int
    honouree_name: str
    award_form_id: int
    award_name: str
    register_number: str
    register_year: int | None = None  # set when the number is newly given from the pattern
    register_seq: int | None = None
    reprint: bool = False


@dataclass(frozen=True)
class LedgerRow:
    id: int
    honouree_id: int | None
    honouree_name: str
    award_form_id: int | None
    award_name: str
    mode: str
    register_number: str
    target_kind: str
    target: str
    reprint: bool
    reason: str
    printed_at: dt.datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "honouree_id": self.honouree_id,
            "honouree": self.honouree_name,
            "award": self.award_name,
            "mode": self.mode,
            "register_number": self.register_number,
            "target_kind": self.target_kind,
            "target": self.target,
            "reprint": self.reprint,
            "reason": self.reason,
            "printed_at": self.printed_at.isoformat(timespec="seconds"),
        }


def _row(r: PrintRecord) -> LedgerRow:
    return LedgerRow(
        r.id,
        r.honouree_id,
        r.honouree_name,
        r.award_form_id,
        r.award_name,
        r.mode,
        r.register_number,
        r.target_kind,
        r.target,
        bool(r.reprint),
        r.reason,
        r.printed_at,
    )


def _check_mode(mode: str) -> None:
    if mode not in {m.value for m in PrintMode}:
        raise UserError(f"Kiểu in «{mode}» không hợp lệ: chọn blank, full hoặc preview.")


def plan_prints(
    store: Store,
    ceremony_id: int,
    honourees: Sequence[HonoureeRow],
    mode: str,
    *,
    reprint: bool = False,
    reason: str = "",
) -> list[PlannedPrint]:
    """Check that the job may run and give the register numbers it will print.

    Onto blanks, a certificate already printed on a blank is refused unless this is a
    reprint with a reason (a spoiled blank). Prints on plain paper and previews never are.
    Real prints (blank, full) give a number from the award form's pattern to whoever has
    none yet; previews show the number a certificate already has.
    """
    _check_mode(mode)
    if reprint and not clean_text(reason):
        raise UserError(
            "In lại lên phôi phải ghi lý do (ví dụ «phôi bị kẹt giấy»); hãy nhập lý do in lại.",
            field="reason",
        )
    ids = [h.id for h in honourees]
    with store.reading() as session:
        ceremony = load_ceremony(session, ceremony_id)
        year = ceremony.held_on.year
        on_blank: set[int] = set()
        if mode == PrintMode.BLANK and ids:
            on_blank = set(
                session.scalars(
                    select(PrintRecord.honouree_id).where(
                        PrintRecord.ceremony_id == ceremony_id,
                        PrintRecord.mode == PrintMode.BLANK.value,
                        PrintRecord.honouree_id.in_(ids),
                    )
                )
            )
        if on_blank and not reprint:
            first = next(h for h in honourees if h.id in on_blank)
            others = len(on_blank) - 1
            raise UserError(
                f"Bằng khen của «{first.name}» đã in lên phôi"
                + (f" (cùng {others} người khác)" if others else "")
                + "; muốn in lại trên phôi mới hãy chọn in lại và ghi lý do "
                '(dòng lệnh: --reprint --reason "lý do").'
            )
        forms = {
            f.id: f
            for f in session.scalars(select(AwardForm).where(AwardForm.ceremony_id == ceremony_id))
        }
        last_seq = dict(
            session.execute(
                select(PrintRecord.award_form_id, func.max(PrintRecord.register_seq))
                .where(
                    PrintRecord.ceremony_id == ceremony_id,
                    PrintRecord.register_year == year,
                    PrintRecord.register_seq.is_not(None),
                )
                .group_by(PrintRecord.award_form_id)
            ).all()
        )
    planned = []
    for h in honourees:
        form = forms[h.award_form_id]
        number, seq = h.register_number, None
        if not number and mode != PrintMode.PREVIEW and form.register_pattern:
            seq = (last_seq.get(form.id) or 0) + 1
            last_seq[form.id] = seq
            number = format_register(form.register_pattern, year, seq)
        planned.append(
            PlannedPrint(
                h.id,
                h.name,
                form.id,
                form.full_name,
                number,
                year if seq is not None else None,
                seq,
                reprint=h.id in on_blank,
            )
        )
    return planned


def record_prints(
    store: Store,
    ceremony_id: int,
    mode: str,
    printed: Iterable[PlannedPrint],
    target_kind: str,
    target: str,
    reason: str = "",
) -> int:
    """Record what came out, in one transaction; returns how many certificates."""
    _check_mode(mode)
    if target_kind not in TARGET_KINDS:
        raise ValueError(target_kind)
    now = dt.datetime.now().replace(microsecond=0)
    count = 0
    # What came out of the printer is no edit to undo: no journal kept for it.
    with store.transaction(journal_kept=False) as session:
        load_ceremony(session, ceremony_id)
        for p in printed:
            if p.register_seq is not None:
                honouree = session.get(Honouree, p.honouree_id)
                if honouree is not None and not honouree.register_number:
                    honouree.register_number = p.register_number
            session.add(
                PrintRecord(
                    ceremony_id=ceremony_id,
                    honouree_id=p.honouree_id,
                    honouree_name=p.honouree_name,
                    award_form_id=p.award_form_id,
                    award_name=p.award_name,
                    mode=mode,
                    register_number=p.register_number,
                    register_year=p.register_year,
                    register_seq=p.register_seq,
                    target_kind=target_kind,
                    target=target[:1000],
                    reprint=p.reprint,
                    reason=clean_text(reason) if p.reprint else "",
                    printed_at=now,
                )
            )
            count += 1
    return count


def list_ledger(store: Store, ceremony_id: int) -> list[LedgerRow]:
    """Every print of the ceremony, oldest first."""
    with store.reading() as session:
        load_ceremony(session, ceremony_id)
        records = session.scalars(
            select(PrintRecord)
            .where(PrintRecord.ceremony_id == ceremony_id)
            .order_by(PrintRecord.printed_at, PrintRecord.id)
        )
        return [_row(r) for r in records]


def is_real_print(mode: str) -> bool:
    """A certificate that came out (onto a blank or plain paper), not a preview."""
    return mode != PrintMode.PREVIEW.value


def printed_ids(ceremony_id: int) -> Select[tuple[int | None]]:
    """The ids of the ceremony's honourees with a real print, as a query (readiness)."""
    return select(PrintRecord.honouree_id).where(
        PrintRecord.ceremony_id == ceremony_id,
        PrintRecord.mode != PrintMode.PREVIEW.value,
        PrintRecord.honouree_id.is_not(None),
    )


def printed_honourees(store: Store, ceremony_id: int) -> dict[int, LedgerRow]:
    """Honouree id → the latest real print (blank or full, not a preview)."""
    latest: dict[int, LedgerRow] = {}
    for row in list_ledger(store, ceremony_id):
        if row.honouree_id is not None and is_real_print(row.mode):
            latest[row.honouree_id] = row
    return latest
