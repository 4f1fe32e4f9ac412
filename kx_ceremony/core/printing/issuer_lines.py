"""The issuing body's lines at the top left of a Decree 30 document, in full and upper case."""

from __future__ import annotations

from kx_ceremony.core.text.abbreviations import spell_out


def full_issuer(issuer: str) -> str:
    """The issuing body in full and upper case, on two lines where it names a committee.

    "UBND huyện Kiến Xương" → "ỦY BAN NHÂN DÂN\nHUYỆN KIẾN XƯƠNG" (Decree 30: no "UBND"
    at the top left); other bodies are spelled out and kept as typed (line breaks too).
    """
    lines = []
    for line in issuer.splitlines():
        line = " ".join(spell_out(line).split()).upper()
        for body in ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN"):
            if line.startswith(body + " "):
                lines += [body, line[len(body) + 1 :]]
                break
        else:
            if line:
                lines.append(line)
    return "\n".join(lines)


def parent_line(parent: str) -> str:
    """The body an issuer belongs to, in full and upper case on one line (it may wrap)."""
    return " ".join(spell_out(" ".join(parent.split())).split()).upper()
