"""Changes to many honourees at once from the window: the bulk award change.

(Undo of a delete, as of every edit, is the history's: ``history.py``.)
"""

from __future__ import annotations

from collections.abc import Iterable

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import Decision, Honouree, kind_refusal
from kx_ceremony.core.services.awards import load_award_form
from kx_ceremony.core.services.loading import load_in_ceremony
from kx_ceremony.core.store import Store


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
            honouree = load_in_ceremony(session, Honouree, ceremony_id, honouree_id)
            refusal = kind_refusal(form.full_name, form.kinds, honouree.kind)
            if refusal:
                raise UserError(
                    f"{refusal} («{honouree.name}»). Chưa đổi ai cả: hãy bỏ chọn những dòng này "
                    "rồi thử lại."
                )
            if honouree.decision_id is not None:
                decision = session.get(Decision, honouree.decision_id)
                if decision is None or decision.award_form_id != award_form_id:
                    honouree.decision_id = None
            honouree.award_form_id = award_form_id
            count += 1
    return count
