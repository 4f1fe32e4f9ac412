"""Loading one row by its id, only from the ceremony being worked on: its one home.

An id typed on the command line or kept by a window may belong to another ceremony in
the same store; such a row is "not found" here, never changed by mistake.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from kx_ceremony.core.errors import NotFound
from kx_ceremony.core.model import AwardForm, Decision, Honouree, PledgeDocument, Presenter

T = TypeVar("T", AwardForm, Decision, Honouree, PledgeDocument, Presenter)

# What each kind of row is called in the sentence "Không có … số N trong buổi lễ này."
_WHAT = {
    AwardForm: "hình thức khen thưởng",
    Decision: "quyết định",
    Honouree: "người/tập thể",
    PledgeDocument: "văn bản",
    Presenter: "người trao",
}


def load_in_ceremony(session: Session, model: type[T], ceremony_id: int, row_id: int) -> T:
    """The row ``row_id`` of ``model`` if it belongs to ``ceremony_id``; else ``NotFound``."""
    row = session.get(model, row_id)
    if row is None or row.ceremony_id != ceremony_id:
        raise NotFound(f"Không có {_WHAT[model]} số {row_id} trong buổi lễ này.")
    return row
