"""Official abbreviations and their words in full, for papers read aloud or printed.

Certificates, the MC's script and the issuing body of a document never use "UBND",
"HĐND", "THCS"…: they are spelled out here. Only whole words are replaced, never a part
of a decision number ("123/QĐ-UBND" stays as it is).
"""

from __future__ import annotations

import re

# Longer keys first where one is the start of another (handled by the regex's order).
ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "THCS": "Trung học cơ sở",
    "THPT": "Trung học phổ thông",
    "HTX": "Hợp tác xã",
    "PTNT": "Phát triển nông thôn",
    "TNCS": "Thanh niên Cộng sản",
    "LĐLĐ": "Liên đoàn Lao động",
    "BCH": "Ban Chấp hành",
    "CHQS": "Chỉ huy Quân sự",
    "TTg": "Thủ tướng",
    "TTCP": "Thủ tướng Chính phủ",
    "CSTĐ": "Chiến sĩ thi đua",
    "TĐKT": "Thi đua - Khen thưởng",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "GDĐT": "Giáo dục và Đào tạo",
    "VH-TT": "Văn hóa - Thông tin",
    "TN&MT": "Tài nguyên và Môi trường",
    "TNMT": "Tài nguyên và Môi trường",
    "LĐTB&XH": "Lao động - Thương binh và Xã hội",
    "LĐTBXH": "Lao động - Thương binh và Xã hội",
}

_PATTERN = re.compile(
    r"(?<![\w/&-])("
    + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w/&-])"
)


def spell_out(text: str, keep: tuple[str, ...] = ()) -> str:
    """``text`` with every known abbreviation written in full (except those in ``keep``).

    An abbreviation in an upper-case text ("UBND HUYỆN") becomes upper case too.
    """

    def replace(match: re.Match[str]) -> str:
        word = match[1]
        if word in keep:
            return word
        full = ABBREVIATIONS[word]
        return full.upper() if _upper_context(text) else full

    return _PATTERN.sub(replace, text)


def _upper_context(text: str) -> bool:
    letters = [c for c in _PATTERN.sub("", text) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
