"""What each distinct award value of a list becomes: a catalogue form, a form the organiser
chose for it, the whole list's award, or a new form to add.

The preview lists every distinct value once with its row count (``AwardValue``), so an
organiser maps 386 rows of «Giấy khen Hiệu trưởng» with one choice, not 386 corrections.
A mapping is remembered as an alias of the chosen form, so the next list matches by itself.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from kx_ceremony.core.importing.award_matching import (
    AwardMatcher,
    is_grade,
    normalise_award,
    options_text,
    proposed_rank,
)
from kx_ceremony.core.services.row_types import AwardFormRow

MATCHED = "matched"
MAPPED = "mapped"
NARROWED = "narrowed"
AMBIGUOUS = "ambiguous"
UNKNOWN = "unknown"
NEW = "new"


@dataclass(frozen=True)
class AwardValue:
    """One distinct award text of the list, its row count and how it matched."""

    text: str
    rows: int
    status: str  # MATCHED, MAPPED, NARROWED, AMBIGUOUS, UNKNOWN or NEW
    form: AwardFormRow | None
    candidates: tuple[AwardFormRow, ...]
    proposed_rank: int
    grade: bool  # «Hoàn thành xuất sắc nhiệm vụ»: an evaluation written where awards go

    @property
    def resolved(self) -> bool:
        return self.status in (MATCHED, MAPPED, NARROWED, NEW)

    def describe(self) -> str:
        head = f"«{self.text}» ({self.rows} dòng)"
        if self.status == MATCHED and self.form is not None:
            return f"{head} → «{self.form.full_name}»"
        if self.status == MAPPED and self.form is not None:
            return f"{head} → «{self.form.full_name}» (đã chọn; ghi nhớ cho lần sau)"
        if self.status == NARROWED and self.form is not None:
            return f"{head} → «{self.form.full_name}» (theo hình thức chung của danh sách)"
        if self.status == NEW:
            extra = "; là kết quả đánh giá, không phải hình thức khen thưởng" if self.grade else ""
            return f"{head} → thêm hình thức mới (thứ hạng {self.proposed_rank}){extra}"
        if self.status == AMBIGUOUS:
            return f"{head}: khớp nhiều hình thức: {options_text(self.candidates, 5)}"
        extra = " (là kết quả đánh giá, không phải hình thức khen thưởng)" if self.grade else ""
        return f"{head}: chưa có trong danh mục của buổi lễ{extra}"


class AwardResolver:
    """Resolves award texts: the organiser's mapping first, then the catalogue, then the
    whole list's award among several candidates, then (``add_awards``) a new form.

    ``add_awards`` is True (every text the catalogue lacks becomes a new form, as
    --add-awards) or the texts the organiser chose to add, one by one (the window): those
    become new forms whatever they match."""

    def __init__(
        self,
        matcher: AwardMatcher,
        award_map: dict[str, int] | None = None,
        list_award: str = "",
        add_awards: bool | Collection[str] = False,
    ) -> None:
        self.matcher = matcher
        by_id = {f.id: f for f in matcher.forms}
        self._map = {
            normalise_award(text): by_id[form_id]
            for text, form_id in (award_map or {}).items()
            if form_id in by_id
        }
        self.add_awards = add_awards is True
        self._new = (
            set() if isinstance(add_awards, bool) else {normalise_award(t) for t in add_awards}
        )
        match = matcher.match(list_award) if list_award else None
        self.list_form = self._map.get(normalise_award(list_award)) if list_award else None
        if self.list_form is None and match is not None:
            self.list_form = match.form
        self._cache: dict[str, AwardValue] = {}
        self.counts: dict[str, int] = {}

    def adds(self, text: str) -> bool:
        """Whether ``text`` becomes a new form when the catalogue lacks it."""
        return self.add_awards or normalise_award(text) in self._new

    def resolve(self, text: str) -> AwardValue:
        self.counts[text] = self.counts.get(text, 0) + 1
        value = self._cache.get(text)
        if value is None:
            value = self._cache[text] = self._resolve(text)
        return value

    def _resolve(self, text: str) -> AwardValue:
        def value(status: str, form: AwardFormRow | None, candidates=()) -> AwardValue:  # type: ignore[no-untyped-def]
            return AwardValue(
                text, 0, status, form, tuple(candidates), proposed_rank(text), is_grade(text)
            )

        mapped = self._map.get(normalise_award(text))
        if mapped is not None:
            return value(MAPPED, mapped)
        if normalise_award(text) in self._new:
            return value(NEW, None)
        match = self.matcher.match(text)
        if match.form is not None:
            return value(MATCHED, match.form)
        everything = len(match.candidates) == len(self.matcher.forms)
        if self.list_form is not None and not everything and self.list_form in match.candidates:
            return value(NARROWED, self.list_form)
        if self.add_awards and (everything or not match.candidates):
            return value(NEW, None)
        if everything or not match.candidates:
            return value(UNKNOWN, None, match.candidates)
        return value(AMBIGUOUS, None, match.candidates)

    def values(self) -> tuple[AwardValue, ...]:
        """Every distinct text with its row count, most rows first."""
        out = [
            AwardValue(
                v.text, self.counts[t], v.status, v.form, v.candidates, v.proposed_rank, v.grade
            )
            for t, v in self._cache.items()
        ]
        return tuple(sorted(out, key=lambda a: (-a.rows, a.text)))
