"""Changes to many honourees at once from the window: undo of a delete, bulk award change."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kx_ceremony.core.errors import NotFound, UserError
from kx_ceremony.core.model import Decision, Honouree, Kind
from kx_ceremony.core.services.awards import load_award_form
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.services.honourees import KIND_LABELS, HonoureeInput, add_honourees
from kx_ceremony.core.store import Store


def readd_honourees(store: Store, ceremony_id: int, items: Sequence[HonoureeInput]) -> list[int]:
    """Put back what ``remove_honourees`` returned (Undo); all or nothing."""
    with store.transaction() as session:
        load_ceremony(session, ceremony_id)
        return add_honourees(session, ceremony_id, items)


def change_award(
    store: Store, ceremony_id: int, honouree_ids: Iterable[int], award_form_id: int
) -> int:
    """Give many honourees another award form; a decision for the old award is dropped.

    Refuses the whole change (nothing saved) when the form is not for someone's kind.
    Returns how many were changed.
    """
    count = 0
    with store.transaction() as session:
        form = load_award_form(session, ceremony_id, award_form_id)
        for honouree_id in honouree_ids:
            honouree = session.get(Honouree, honouree_id)
            if honouree is None or honouree.ceremony_id != ceremony_id:
                raise NotFound(f"Không có người/tập thể số {honouree_id} trong buổi lễ này.")
            if form.kinds and honouree.kind not in form.kinds:
                allowed = ", ".join(KIND_LABELS[Kind(k)] for k in form.kinds)
                raise UserError(
                    f"«{form.full_name}» chỉ dành cho {allowed}; «{honouree.name}» là "
                    f"{KIND_LABELS[Kind(honouree.kind)]}. Chưa đổi ai cả: hãy bỏ chọn những "
                    "dòng này rồi thử lại."
                )
            if honouree.decision_id is not None:
                decision = session.get(Decision, honouree.decision_id)
                if decision is None or decision.award_form_id != award_form_id:
                    honouree.decision_id = None
            honouree.award_form_id = award_form_id
            count += 1
    return count
