"""Boxes for the certificate lines a layout file may not place: the issuer's second line
("CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" under "THỦ TƯỚNG") and "TRUY TẶNG"
above a posthumous recipient's name.

A layout that has a box of that name wins; otherwise the box is made from its neighbours
(the authority's box, split in two; a line just above the recipient's box), so every
layout an organiser already fitted to a blank prints these lines without a change.
"""

from __future__ import annotations

from dataclasses import replace

from kx_ceremony.core.printing.layouts import FieldBox, Layout

AUTHORITY_SUB = "authority_sub"
POSTHUMOUS = "posthumous"
_SUB_COLOUR = "#000000"  # the model: the issuer's title in red, its body in black


LABELS = {AUTHORITY_SUB: "Cơ quan tặng (dòng 2)", POSTHUMOUS: "TRUY TẶNG"}


def label_of(box: FieldBox) -> str:
    return LABELS.get(box.name, box.label)


def box_for(layout: Layout, name: str, two_line_authority: bool = False) -> FieldBox | None:
    """The box ``name`` prints in: the layout's own, or one made from its neighbours."""
    own = layout.field(name)
    if name == "authority" and two_line_authority and own is not None:
        if layout.field(AUTHORITY_SUB) is not None:
            return own
        # The upper part of the authority's area, moved up by half a line.
        return replace(own, y=max(0.0, own.y - own.height / 2), height=own.height * 0.85)
    if own is not None:
        return own
    if name == AUTHORITY_SUB:
        authority = layout.field("authority")
        if authority is None:
            return None
        return replace(
            authority,
            name=AUTHORITY_SUB,
            y=authority.y + authority.height * 0.35,
            height=authority.height * 0.7,
            size=round(authority.size * 0.8, 1),
            min_size=min(authority.min_size, round(authority.size * 0.8, 1)),
            colour=_SUB_COLOUR,
            max_lines=1,
        )
    if name == POSTHUMOUS:
        recipient = layout.field("recipient")
        if recipient is None:
            return None
        height = min(8.0, recipient.height * 0.4)
        size = max(10.0, round(recipient.size * 0.55, 1))
        return FieldBox(
            name=POSTHUMOUS,
            x=recipient.x,
            y=max(0.0, recipient.y - height),
            width=recipient.width,
            height=height,
            size=size,
            style="bold",
            align=recipient.align,
            colour=recipient.colour,
            min_size=size,
        )
    return None
