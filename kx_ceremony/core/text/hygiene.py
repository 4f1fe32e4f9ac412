"""Characters that never enter the store, a workbook or the terminal: their one home.

Removed, never refused, wherever text comes in (import cells and every edit, through
``vietnamese.clean_text``) and wherever stored text goes out (``exporting``, the command
line's output streams), so rows stored before this rule are harmless too:

* C0 controls except tab and newline (ESC starts the terminal's escape sequences; a lone
  carriage return overwrites a line), DEL and the C1 controls (U+0080-U+009F, CSI among
  them); a carriage return before a newline is the newline;
* noncharacters (U+FDD0-U+FDEF and the last two code points of every plane, U+FFFE and
  U+FFFF among them: Excel refuses a workbook holding one) and lone surrogates;
* bidirectional formatting (U+202A-U+202E embeddings and overrides, U+2066-U+2069
  isolates, U+200E/U+200F/U+061C marks): they make a name read backwards.

Tab and newline stay here; single-line fields turn them into spaces in ``clean_text``.
Removal rather than refusal: the characters are invisible, nobody types them on purpose,
and a refusal would name a character the user cannot see.
"""

from __future__ import annotations

import re

_NONCHARACTERS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
UNSAFE_CHARACTERS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 without tab and newline, DEL, C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional formatting
    "\ufdd0-\ufdef\ud800-\udfff" + _NONCHARACTERS
)
_UNSAFE = re.compile(f"[{UNSAFE_CHARACTERS}]")


def strip_unsafe(text: str) -> str:
    """``text`` without the characters above (a CR before LF becomes that LF)."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub("", text.replace("\r\n", "\n"))


def scrub(value):  # type: ignore[no-untyped-def]
    """:func:`strip_unsafe` on every string inside lists, tuples and dicts (JSON fields)."""
    if isinstance(value, str):
        return strip_unsafe(value)
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [scrub(v) for v in value]
    return value


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


class SafeStream:
    """A text stream that writes everything through :func:`strip_unsafe`.

    The command line wraps stdout and stderr in it, so no stored name, file name or
    sheet name can put an escape sequence on the user's terminal.
    """

    def __init__(self, stream) -> None:  # type: ignore[no-untyped-def]
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(strip_unsafe(text))
        return len(text)

    def writelines(self, lines) -> None:  # type: ignore[no-untyped-def]
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._stream, name)
