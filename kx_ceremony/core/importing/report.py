"""Problems grouped by cause: one line per cause, with its row count and first rows.

A list of 2,000 rows with one wrong award name gives one line ("2000 dòng (dòng 4, 5, 6,
7, 8 …), cột F «Hình thức khen thưởng»: «Giấy khen HT» chưa có trong danh mục …"), not
2,000; the whole report fits one screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from kx_ceremony.core.importing.results import RowProblem

FIRST_ROWS = 5
FIRST_VALUES = 3
MAX_GROUPS = 12


@dataclass(frozen=True)
class ProblemGroup:
    column: str
    message: str
    rows: tuple[int, ...]  # every row, in order
    values: tuple[str, ...]  # the distinct values found, in order

    def describe(self) -> str:
        shown = ", ".join(str(r) for r in self.rows[:FIRST_ROWS])
        more = " …" if len(self.rows) > FIRST_ROWS else ""
        line = f"{len(self.rows)} dòng (dòng {shown}{more})"
        if self.column:
            line += f", cột {self.column}"
        found = ", ".join(f"«{v}»" for v in self.values[:FIRST_VALUES])
        if len(self.values) > FIRST_VALUES:
            found += f" và {len(self.values) - FIRST_VALUES} giá trị khác"
        return f"{line}: {found + ' ' if found else ''}{self.message}"


def group_problems(problems: tuple[RowProblem, ...] | list[RowProblem]) -> list[ProblemGroup]:
    """Problems with the same column and message (the values aside) form one group; the
    groups come most rows first."""
    groups: dict[tuple[str, str], tuple[list[int], list[str]]] = {}
    for p in problems:
        rows, values = groups.setdefault((p.column, p.message), ([], []))
        if not rows or rows[-1] != p.row:
            rows.append(p.row)
        if p.found and p.found not in values:
            values.append(p.found)
    out = [ProblemGroup(c, m, tuple(r), tuple(v)) for (c, m), (r, v) in groups.items()]
    return sorted(out, key=lambda g: (-len(g.rows), g.rows[0]))


def problem_lines(problems: tuple[RowProblem, ...], limit: int = MAX_GROUPS) -> list[str]:
    groups = group_problems(problems)
    lines = [g.describe() for g in groups[:limit]]
    if len(groups) > limit:
        rest = sum(len(g.rows) for g in groups[limit:])
        lines.append(f"… và {len(groups) - limit} nguyên nhân khác ({rest} dòng).")
    return lines
