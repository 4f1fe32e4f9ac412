"""Undo and redo of the organiser's edits, ceremony by ceremony, from the store's journals.

Every committed edit of honourees, presenters, rounds, the award catalogue, decisions or
the ceremony's settings becomes one step (``record``), whichever screen or service made
it: nothing has to remember to register itself; an import is one step («nhập 25 dòng từ
«…»»). Printing and the pledge documents are not steps (the ledger of blanks and the
register numbers are what came out of the printer, not edits); a step is refused, never forced, when a row it would put back has
changed since (on another PC, by a print run): the history of that ceremony is then
dropped, as it no longer describes the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import Base
from kx_ceremony.core.services.history_labels import label_of
from kx_ceremony.core.services.honouree_duplicates import duplicate_of
from kx_ceremony.core.store import Store
from kx_ceremony.core.store.journal import Journal, JournalConflict, RowChange, apply

# The tables an organiser edits by hand; a write to any other is not an undoable step.
EDITED_TABLES = frozenset(
    {
        "honourees",
        "presenters",
        "rounds",
        "award_forms",
        "decisions",
        "award_presenters",
        "ceremonies",
        "conference_parts",
    }
)
LIMIT = 100  # steps kept per ceremony
KEPT_ROWS = 100_000  # rows kept per ceremony, over all its steps (a few imports of big lists)


@dataclass(frozen=True)
class Step:
    ceremony_id: int
    label: str
    changes: tuple[RowChange, ...]


class History:
    """The undo and redo stacks of each ceremony. Not thread-safe: the window calls it on
    its own thread (journals of background writes are handed over by a queued signal)."""

    def __init__(self, limit: int = LIMIT, kept_rows: int = KEPT_ROWS) -> None:
        self.limit = limit
        self.kept_rows = kept_rows
        self._done: dict[int, list[Step]] = {}
        self._undone: dict[int, list[Step]] = {}

    # -- recording ---------------------------------------------------------------------
    def record(self, kept: Journal) -> Step | None:
        """Make the journal of a committed write a step, when it is an edit."""
        asked = [c for c in kept.changes if not c.cascade]
        owners = {c.ceremony_id for c in asked}
        if len(owners) != 1 or None in owners:
            return None
        (ceremony_id,) = owners
        assert ceremony_id is not None
        if any(c.table == "ceremonies" and c.kind != "changed" for c in asked):
            self.forget(ceremony_id)  # a ceremony made or removed: nothing before it holds
            return None
        if not kept.complete or any(c.table not in EDITED_TABLES for c in asked):
            return None
        step = Step(ceremony_id, kept.label or label_of(kept.changes), tuple(kept.changes))
        done = self._done.setdefault(ceremony_id, [])
        done.append(step)
        del done[: -self.limit]
        while len(done) > 1 and sum(len(s.changes) for s in done) > self.kept_rows:
            del done[0]  # the oldest steps go first; the newest is always kept
        self._undone.pop(ceremony_id, None)
        return step

    def forget(self, ceremony_id: int | None = None) -> None:
        """Drop one ceremony's history, or every one (a store restored or reopened)."""
        if ceremony_id is None:
            self._done.clear()
            self._undone.clear()
        else:
            self._done.pop(ceremony_id, None)
            self._undone.pop(ceremony_id, None)

    # -- asking ------------------------------------------------------------------------
    def undo_label(self, ceremony_id: int | None) -> str | None:
        steps = self._done.get(ceremony_id or 0)
        return steps[-1].label if steps else None

    def redo_label(self, ceremony_id: int | None) -> str | None:
        steps = self._undone.get(ceremony_id or 0)
        return steps[-1].label if steps else None

    # -- undoing -----------------------------------------------------------------------
    def undo(self, store: Store, ceremony_id: int) -> Step:
        """Take back the ceremony's last edit, in one transaction."""
        step = self._play(store, ceremony_id, self._done, backwards=True)
        self._undone.setdefault(ceremony_id, []).append(step)
        return step

    def redo(self, store: Store, ceremony_id: int) -> Step:
        """Make again the edit last taken back, in one transaction."""
        step = self._play(store, ceremony_id, self._undone, backwards=False)
        self._done.setdefault(ceremony_id, []).append(step)
        return step

    def _play(
        self, store: Store, ceremony_id: int, stack: dict[int, list[Step]], *, backwards: bool
    ) -> Step:
        steps = stack.get(ceremony_id)
        if not steps:
            raise UserError(
                "Không còn thao tác nào để hoàn tác."
                if backwards
                else "Không còn thao tác nào để làm lại."
            )
        step = steps[-1]
        try:
            with store.transaction(journal_kept=False) as session:
                apply(session, step.changes, Base.metadata, backwards=backwards)
                _refuse_doubles(session, ceremony_id, step, backwards=backwards)
        except JournalConflict:
            self.forget(ceremony_id)
            verb = "hoàn tác" if backwards else "làm lại"
            raise UserError(
                f"Không {verb} được «{step.label}»: dữ liệu này đã được sửa sau đó "
                "(ở máy khác hoặc khi in). Không có gì bị thay đổi; lịch sử hoàn tác của "
                "buổi lễ đã được xóa, hãy sửa trực tiếp nếu cần."
            ) from None
        steps.pop()
        return step


def _refuse_doubles(session: Session, ceremony_id: int, step: Step, *, backwards: bool) -> None:
    """A person put back must not be in the list twice (typed in again meanwhile on
    another PC, or imported): the same rule as adding them by hand."""
    for change in step.changes:
        back = change.before if backwards else change.after
        gone = change.after if backwards else change.before
        if change.table != "honourees" or gone is not None or back is None:
            continue
        found = duplicate_of(
            session,
            ceremony_id,
            back["name"],
            back["unit"],
            exclude_id=change.key,
            birth_year=back["birth_year"],
        )
        if found is not None:  # the same, or likely (nobody is there to be asked)
            where = f" ({back['unit']})" if back["unit"] else ""
            raise UserError(
                f"Không đưa lại được «{back['name']}»{where}: người này đã có lại trong danh "
                "sách (được thêm hoặc nhập sau đó). Không có gì bị thay đổi."
            )
