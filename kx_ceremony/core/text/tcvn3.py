"""Legacy TCVN3 (ABC, TCVN 5712:1993) text typed with .VnTime fonts, read back as Unicode.

A spreadsheet typed with a .VnTime font stores single-byte codes that Excel shows as
Latin-1 letters: "NguyÔn V¨n An" is "Nguyễn Văn An". Upper-case text was typed with the
.VnTimeH font, which draws the lower-case codes as capitals, so a word whose plain letters
are all capitals ("HUYÖN") is converted to capitals ("HUYỆN").
"""

from __future__ import annotations

import re

# Lower-case letters and the seven capitals TCVN3 encodes, in alphabet order.
_TCVN3 = (
    "µ¸¶·¹"  # à á ả ã ạ
    "¨»¾¼½Æ"  # ă ằ ắ ẳ ẵ ặ
    "©ÇÊÈÉË"  # â ầ ấ ẩ ẫ ậ
    "®"  # đ
    "ÌÐÎÏÑ"  # è é ẻ ẽ ẹ
    "ªÒÕÓÔÖ"  # ê ề ế ể ễ ệ
    "×ÝØÜÞ"  # ì í ỉ ĩ ị
    "ßãáâä"  # ò ó ỏ õ ọ
    "«åèæçé"  # ô ồ ố ổ ỗ ộ
    "¬êíëìî"  # ơ ờ ớ ở ỡ ợ
    "ïóñòô"  # ù ú ủ ũ ụ
    "\u00adõøö÷ù"  # ư ừ ứ ử ữ ự
    "úýûüþ"  # ỳ ý ỷ ỹ ỵ
    "¡¢§£¤¥¦"  # Ă Â Đ Ê Ô Ơ Ư
)
_UNICODE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
assert len(_TCVN3) == len(_UNICODE) == 74
_TABLE = str.maketrans(_TCVN3, _UNICODE)
_CAPITAL_CODES = set("¡¢§£¤¥¦")

# Codes that never occur in Vietnamese Unicode text: a sure sign of TCVN3.
_TCVN3_ONLY = set(_TCVN3) - set(_UNICODE) - set("áâãèéêìíòóôõùúýÊÈÉÌÒÓÔÕÝ")
# Letters that only Unicode Vietnamese has (ă, đ, ơ, ư and the precomposed toned vowels).
_UNICODE_VIETNAMESE = re.compile("[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9]")
_WORD = re.compile(r"\S+")


def looks_like_tcvn3(text: str) -> bool:
    """True when the text carries TCVN3 codes and no Unicode-only Vietnamese letter."""
    if not text or _UNICODE_VIETNAMESE.search(text):
        return False
    return any(ch in _TCVN3_ONLY for ch in text)


def _plain_letters(text: str) -> list[str]:
    """The letters whose case is known: ASCII letters and the seven capital codes."""
    return [c for c in text if (c.isascii() and c.isalpha()) or c in _CAPITAL_CODES]


def _all_capitals(text: str) -> bool:
    plain = _plain_letters(text)
    # One capital alone ("Tù" = "Tự") says nothing: it may start a word in normal case.
    return len(plain) >= 2 and all(c.isupper() or c in _CAPITAL_CODES for c in plain)


def _convert_word(word: str) -> str:
    converted = word.translate(_TABLE)
    return converted.upper() if _all_capitals(word) else converted


def tcvn3_to_unicode(text: str) -> str:
    """Convert TCVN3 text to Unicode (NFC); text typed in capitals stays capitals."""
    if _all_capitals(text):
        return text.translate(_TABLE).upper()
    return _WORD.sub(lambda m: _convert_word(m.group(0)), text)
