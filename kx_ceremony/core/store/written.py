"""What a committed transaction wrote: tables, and for updated rows the columns.

Every write goes through ``Store.transaction()``; the session notes each flushed object
and each INSERT / UPDATE / DELETE statement it runs, and once the transaction commits
the store tells its listeners (the window's one dispatcher) what was written, so no
caller has to guess. A write that bypasses the session's statements (the import's fast
path straight to the driver) calls ``note_written`` itself. Rolled-back work is never
reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

_KEY = "kx_written"
EVERY_COLUMN = "*"  # a row added or removed, or an update not made through an object

# {table name: names of the columns written, or EVERY_COLUMN}
Written = dict[str, frozenset[str]]


def note_written(session: Session, table: str, columns: Iterable[str] = (EVERY_COLUMN,)) -> None:
    """Record that this transaction wrote ``table`` (``columns`` of its rows)."""
    session.info.setdefault(_KEY, {}).setdefault(table, set()).update(columns)


def take_written(session: Session) -> Written:
    """What the session's transaction wrote, and forget it."""
    found = session.info.pop(_KEY, {})
    return {table: frozenset(columns) for table, columns in found.items()}


def _table_of(obj: Any) -> str:
    return inspect(obj).mapper.local_table.name


def _after_flush(session: Session, _context: Any) -> None:
    for obj in (*session.new, *session.deleted):
        note_written(session, _table_of(obj))
    for obj in session.dirty:
        # The attributes set since the last flush (their old values are kept there): cheap
        # even for the thousands of rows a replanning touches.
        changed = inspect(obj).committed_state.keys()
        if changed:
            note_written(session, _table_of(obj), changed)


def _on_execute(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        if table is not None:
            note_written(state.session, table.name)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _on_execute)
