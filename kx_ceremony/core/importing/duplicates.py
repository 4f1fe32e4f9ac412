"""The duplicate rule inside one list and against the ceremony (services.honouree_duplicates).

The same person is the same name with its marks (case, spacing, NFC and the hòa/hoà
placement aside: vietnamese.identity_key), the same unit, and the same birth year where
both rows have one. A list may give one person two different awards (or the same award
in two different years): those rows are different entries, not duplicates.
Both birth years known and equal: an error (the row would be stored twice). Exactly one
missing: a warning the organiser confirms; the row still imports. Neither known: against
the ceremony an error (the same list imported again, from this PC or another), inside one
list a warning (a list may repeat a line; the organiser confirms).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kx_ceremony.core.services.honouree_duplicates import LIKELY, SAME, same_person

# (identity key of the name, folded unit)
PersonKey = tuple[str, str]


@dataclass(slots=True)
class Entry:
    row: int  # as the sheet numbers it
    birth_year: int | None
    award: int | str  # the award form id or award text, whatever tells two awards apart
    year: str


@dataclass
class DuplicateIndex:
    """Who is already in the ceremony, and who came earlier in this list."""

    existing: dict[PersonKey, list[Entry]] = field(default_factory=dict)
    seen: dict[PersonKey, list[Entry]] = field(default_factory=dict)

    def check(self, key: PersonKey, entry: Entry) -> tuple[str | None, str | None]:
        """(verdict against this list, verdict against the ceremony): SAME, LIKELY or None,
        each with the sheet row of the earlier entry folded into the message by the caller."""
        earlier = self.seen.get(key)
        if earlier is None:  # the usual case: a name not seen before in this list
            self.seen[key] = [entry]
            in_list = None
        else:
            in_list = _verdict(earlier, entry, neither_known=LIKELY)
            earlier.append(entry)
        existing = self.existing.get(key)
        in_store = _verdict(existing, entry, neither_known=SAME) if existing else None
        return in_list, in_store

    def earlier_row(self, key: PersonKey, entry: Entry) -> int:
        for other in self.seen.get(key, ()):
            if other is not entry and _same_entry(other, entry, LIKELY) is not None:
                return other.row
        return 0


def _same_entry(a: Entry, b: Entry, neither_known: str) -> str | None:
    if a.award and b.award and a.award != b.award:
        return None
    if a.year and b.year and a.year != b.year:
        return None
    return same_person(a.birth_year, b.birth_year, neither_known=neither_known)


def _verdict(entries, entry: Entry, *, neither_known: str) -> str | None:  # type: ignore[no-untyped-def]
    verdict = None
    for other in entries:
        if other is entry:
            continue
        found = _same_entry(other, entry, neither_known)
        if found == SAME:
            return SAME
        if found == LIKELY:
            verdict = LIKELY
    return verdict
