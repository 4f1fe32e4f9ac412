"""Matching the award text of a row to the ceremony's catalogue, tolerantly.

Spreadsheets write "BK TTg", "Bằng khen Thủ tướng CP", "Giấy khen huyện", "GK"…: we fold
marks and case, expand the usual abbreviations, drop filler words, and compare with each
form's full name, short name, code and aliases. An exact match wins; otherwise the forms
whose words contain the text's words (or the reverse) are candidates, and the match holds
only when there is exactly one. Otherwise the row lists the options, because guessing the
wrong award would put a certificate in the wrong hands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kx_ceremony.core.services.rows import AwardFormRow
from kx_ceremony.core.vietnamese import fold_for_search

_ABBREVIATIONS = {
    "bk": "bang khen",
    "gk": "giay khen",
    "ttg": "thu tuong chinh phu",
    "ttcp": "thu tuong chinh phu",
    "cp": "chinh phu",
    "ubnd": "uy ban nhan dan",
    "ct": "chu tich",
    "cstd": "chien si thi dua",
    "cstdcs": "chien si thi dua co so",
    "ldtt": "lao dong tien tien",
    "ldxs": "lao dong xuat sac",
    "ttldxs": "tap the lao dong xuat sac",
    "ttldtt": "tap the lao dong tien tien",
    "hcld": "huan chuong lao dong",
    "tw": "trung uong",
}
# Words that carry no meaning for telling forms apart.
_FILLER = {"cua", "cap", "va", "hang"}
_PHRASES = [
    # After expansion, these say the same thing: keep one spelling.
    ("chu tich uy ban nhan dan", "uy ban nhan dan"),
    ("thu tuong chinh phu", "thu tuong"),
]
_WORD = re.compile(r"[a-z0-9]+")


def normalise_award(text: str) -> str:
    words = _WORD.findall(fold_for_search(text))
    expanded = " ".join(_ABBREVIATIONS.get(w, w) for w in words)
    for long, short in _PHRASES:
        expanded = expanded.replace(long, short)
    return " ".join(w for w in expanded.split() if w not in _FILLER)


@dataclass(frozen=True)
class AwardMatch:
    form: AwardFormRow | None
    candidates: tuple[AwardFormRow, ...]  # the options to list when form is None


class AwardMatcher:
    """Matches award texts against one ceremony's catalogue; remembers each distinct text."""

    def __init__(self, forms: list[AwardFormRow]) -> None:
        self.forms = forms
        self._names: list[tuple[AwardFormRow, set[str]]] = []
        self._exact: dict[str, set[int]] = {}
        for form in forms:
            variants = {
                normalise_award(n)
                for n in (form.full_name, form.short_name, form.code, *form.aliases)
                if n
            }
            variants.discard("")
            self._names.append((form, variants))
            for v in variants:
                self._exact.setdefault(v, set()).add(form.id)
        self._cache: dict[str, AwardMatch] = {}

    def match(self, text: str) -> AwardMatch:
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._match(text)
        return cached

    def _by_ids(self, ids: set[int]) -> tuple[AwardFormRow, ...]:
        return tuple(f for f in self.forms if f.id in ids)

    def _match(self, text: str) -> AwardMatch:
        key = normalise_award(text)
        if not key:
            return AwardMatch(None, tuple(self.forms))
        exact = self._exact.get(key)
        if exact:
            found = self._by_ids(exact)
            return AwardMatch(found[0] if len(found) == 1 else None, found)
        words = set(key.split())
        candidates: set[int] = set()
        for form, variants in self._names:
            for variant in variants:
                vwords = set(variant.split())
                if words <= vwords or (len(vwords) >= 2 and vwords <= words):
                    candidates.add(form.id)
                    break
        found = self._by_ids(candidates)
        if len(found) == 1:
            return AwardMatch(found[0], found)
        return AwardMatch(None, found or tuple(self.forms))


def options_text(forms: tuple[AwardFormRow, ...], limit: int = 30) -> str:
    names = [f"«{f.full_name}»" for f in forms[:limit]]
    if len(forms) > limit:
        names.append(f"và {len(forms) - limit} hình thức khác")
    return ", ".join(names)
