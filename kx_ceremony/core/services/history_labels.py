"""What an undo step is called in the window ("Hoàn tác: xóa 3 người nhận")."""

from __future__ import annotations

from collections.abc import Sequence

from kx_ceremony.core.store.journal import RowChange

# Columns of an honouree that only say where and whether they go on stage.
_PLACE = frozenset({"round_id", "position_on_stage"})
_ATTENDANCE = frozenset({"attendance", "substitute_name"})

_VERB = {"added": "thêm", "removed": "xóa", "changed": "sửa"}


def _one_kind(rows: Sequence[RowChange]) -> str:
    kinds = {r.kind for r in rows}
    return kinds.pop() if len(kinds) == 1 else "changed"


def _named(verb: str, what: str, rows: Sequence[RowChange], many: str) -> str:
    if len(rows) == 1 and rows[0].name:
        return f"{verb} {what}«{rows[0].name}»"
    return f"{verb} {len(rows)} {many}"


def _honourees(rows: Sequence[RowChange], rounds_too: bool) -> str:
    kind = _one_kind(rows)
    if kind != "changed":
        return _named(_VERB[kind], "", rows, "người nhận")
    # Those whose own fields changed; the others only moved up or down a place for them.
    edited = [r for r in rows if not set(r.before or {}) <= _PLACE]
    columns = frozenset(c for r in edited for c in (r.before or {})) - _PLACE
    if not edited or rounds_too and columns <= {"on_stage"}:
        return "sắp xếp thứ tự trao"
    if columns <= _ATTENDANCE:
        return _named("điểm danh", "", edited, "người")
    if columns <= {"on_stage"}:
        return _named("đổi việc lên sân khấu của", "", edited, "người")
    if columns <= {"award_form_id"}:
        return _named("đổi hình thức khen thưởng của", "", edited, "người")
    return _named("sửa", "", edited, "người nhận")


def label_of(changes: Sequence[RowChange]) -> str:
    """A short Vietnamese name for the edit, starting in lower case."""
    asked = [c for c in changes if not c.cascade]
    by_table: dict[str, list[RowChange]] = {}
    for change in asked:
        by_table.setdefault(change.table, []).append(change)
    if "honourees" in by_table:
        return _honourees(by_table["honourees"], "rounds" in by_table)
    if "presenters" in by_table:
        rows = by_table["presenters"]
        return _named(_VERB[_one_kind(rows)], "người trao ", rows, "người trao")
    if "award_presenters" in by_table:
        return "phân công người trao theo hình thức"
    if "rounds" in by_table:
        return "sắp xếp các đợt trao"
    if "award_forms" in by_table:
        rows = by_table["award_forms"]
        return _named(_VERB[_one_kind(rows)], "hình thức ", rows, "hình thức khen thưởng")
    if "decisions" in by_table:
        rows = by_table["decisions"]
        return _named(_VERB[_one_kind(rows)], "quyết định ", rows, "quyết định")
    if "conference_parts" in by_table:
        return "sửa lời dẫn chương trình"
    return "sửa thông tin buổi lễ"
