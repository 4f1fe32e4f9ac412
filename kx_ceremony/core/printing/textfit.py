"""Fit one field's text into its box: shrink, then wrap, never overflow or vanish.

Only the long text shrinks: a field keeps its layout size when the text fits. Otherwise it
shrinks on one line down to the field's minimum size; below that it wraps (up to the
field's line limit) at the largest size that fits; if even that is below the minimum,
it keeps shrinking, because a smaller name beats a name cut off.
Widths come from the font's metrics (``stringWidth``), so no drawing is needed to measure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

LEADING = 1.18  # line height as a multiple of the font size
MM = 72.0 / 25.4  # points per millimetre

Measure = Callable[[str, float], float]  # (text, size) -> width in points


@dataclass(frozen=True)
class FittedText:
    size: float
    lines: tuple[str, ...]
    widths: tuple[float, ...] = ()  # of each line at ``size``, in points


def wrap(words: list[str], width_at_1pt: Measure, limit: float) -> list[str]:
    """Greedy wrap of ``words`` into lines no wider than ``limit`` (measured at 1 pt)."""
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if current and width_at_1pt(candidate, 1.0) > limit:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _fits_lines(words: list[str], measure: Measure, size: float, width: float, n: int) -> bool:
    lines = wrap(words, measure, width / size)
    return len(lines) <= n and all(measure(line, 1.0) * size <= width for line in lines)


def fit_text(
    text: str,
    measure: Measure,
    size: float,
    min_size: float,
    width: float,
    height: float,
    max_lines: int = 1,
) -> FittedText:
    """The size and lines for ``text`` in a box ``width`` × ``height`` (points)."""
    text = " ".join(text.split())
    if not text:
        return FittedText(size, (), ())
    one_line_width = measure(text, 1.0)
    # One line: as large as the width and the height allow, at most the layout size.
    single = min(size, width / one_line_width if one_line_width else size, height / LEADING)
    single = _round_down(single) if single < size else size
    if single >= min_size or max_lines == 1 or " " not in text:
        return FittedText(single, (text,), (one_line_width * single,))
    words = text.split(" ")
    best_size, best_lines = single, (text,)
    for n in range(2, max_lines + 1):
        ceiling = min(size, height / (n * LEADING))
        if ceiling <= best_size:
            continue
        # Binary search the largest size at which the words wrap into n lines.
        low, high = best_size, ceiling
        if _fits_lines(words, measure, high, width, n):
            low = high
        else:
            for _ in range(18):
                mid = (low + high) / 2
                if _fits_lines(words, measure, mid, width, n):
                    low = mid
                else:
                    high = mid
        low = _round_down(low)
        if low > best_size and _fits_lines(words, measure, low, width, n):
            best_size = low
            best_lines = tuple(wrap(words, measure, width / low))
        if best_size >= min_size:
            break
    widths = tuple(measure(line, 1.0) * best_size for line in best_lines)
    return FittedText(best_size, best_lines, widths)


def _round_down(size: float) -> float:
    return int(size * 10) / 10.0
