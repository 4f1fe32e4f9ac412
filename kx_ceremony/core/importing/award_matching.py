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

from kx_ceremony.core.services.row_types import AwardFormRow
from kx_ceremony.core.text.vietnamese import fold_for_search

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
# Classes of one order (hạng Nhất, Nhì, Ba): a text naming one needs a form naming it.
_GRADES = {"nhat", "nhi", "ba"}
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
        grades = words & _GRADES
        candidates: set[int] = set()
        for form, variants in self._names:
            for variant in variants:
                vwords = set(variant.split())
                if grades - vwords:
                    continue  # «Huân chương Lao động hạng Nhì» is not any Huân chương
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


# ---------------------------------------------------------------------------
# Award-like text, and the rank a new award form gets from its words

# (first words after normalise_award, rank): Huân chương > Cờ thi đua > Chiến sĩ thi đua >
# Bằng khen > Giấy khen > Lao động tiên tiến, between the default catalogue's ranks.
_RANK_WORDS: list[tuple[str, int, str]] = [
    ("huan chuong", 10, "HUÂN CHƯƠNG"),
    ("huy chuong", 12, "HUY CHƯƠNG"),
    ("anh hung", 5, "DANH HIỆU"),
    ("co thi dua", 20, "CỜ THI ĐUA"),
    ("chien si thi dua", 30, "CHIẾN SĨ THI ĐUA"),
    ("bang khen", 35, "BẰNG KHEN"),
    ("tap the lao dong xuat sac", 36, "TẬP THỂ LAO ĐỘNG XUẤT SẮC"),
    ("giay khen", 45, "GIẤY KHEN"),
    ("tap the lao dong tien tien", 50, "TẬP THỂ LAO ĐỘNG TIÊN TIẾN"),
    ("lao dong tien tien", 50, "LAO ĐỘNG TIÊN TIẾN"),
    ("chien si tien tien", 50, "CHIẾN SĨ TIÊN TIẾN"),
    ("don vi quyet thang", 21, "ĐƠN VỊ QUYẾT THẮNG"),
    ("don vi tien tien", 50, "ĐƠN VỊ TIÊN TIẾN"),
    ("ky niem chuong", 55, "KỶ NIỆM CHƯƠNG"),
    ("danh hieu", 50, "DANH HIỆU"),
    ("lao dong xuat sac", 36, "LAO ĐỘNG XUẤT SẮC"),
]
# Yearly grades, written where awards go (r10): kept, ranked after every award.
GRADE_STARTS = ("hoan thanh", "xuat sac", "tot", "kha", "dat", "khong hoan thanh")
GRADE_RANK = 90
_AWARD_STARTS = tuple(w for w, _, _ in _RANK_WORDS)


def looks_like_award(text: str) -> bool:
    return normalise_award(text).startswith(_AWARD_STARTS)


def is_grade(text: str) -> bool:
    """«Hoàn thành xuất sắc nhiệm vụ», «Hoàn thành tốt nhiệm vụ»: an evaluation, not an award."""
    key = normalise_award(text)
    return key.startswith(GRADE_STARTS) and not key.startswith(_AWARD_STARTS)


def proposed_rank(text: str) -> int:
    key = normalise_award(text)
    for words, rank, _ in _RANK_WORDS:
        if key.startswith(words):
            return rank
    return GRADE_RANK if is_grade(text) else 60


def proposed_printed_word(text: str) -> str:
    key = normalise_award(text)
    for words, _, printed in _RANK_WORDS:
        if key.startswith(words) and printed not in ("HUÂN CHƯƠNG", "HUY CHƯƠNG", "DANH HIỆU"):
            return printed
    return text.upper()
