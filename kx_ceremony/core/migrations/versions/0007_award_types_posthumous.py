"""Award forms know what they are (certificate, emulation title, flag) and may keep their
short forms; honourees may be awarded posthumously.

Revision ID: 0007
Revises: 0005

Only additions with server defaults, so every existing row is kept. Existing award forms
get their type from their code or name (a "Cờ thi đua" is a flag; "Chiến sĩ thi đua",
"Lao động tiên tiến", "Tập thể lao động …" are emulation titles); every other form stays a
certificate. The Prime Minister's (and the President's) authority line is split as the model has it
("THỦ TƯỚNG" in red over "CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in black).
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen copy of core/award_types.py's rule as it was at this revision.
_FLAG_STARTS = ("co thi dua",)
_TITLE_STARTS = ("chien si thi dua", "lao dong tien tien", "tap the lao dong")
_PM_OLD = "THỦ TƯỚNG CHÍNH PHỦ"
_PM_NEW = "THỦ TƯỚNG / CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_PRESIDENT_OLD = "CHỦ TỊCH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_PRESIDENT_NEW = "CHỦ TỊCH / NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def upgrade() -> None:
    with op.batch_alter_table("award_forms") as batch_op:
        batch_op.add_column(
            sa.Column(
                "award_type", sa.String(length=20), nullable=False, server_default="certificate"
            )
        )
        batch_op.add_column(
            sa.Column("keep_abbreviations", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("honourees") as batch_op:
        batch_op.add_column(
            sa.Column("posthumous", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    conn = op.get_bind()
    forms = sa.table(
        "award_forms",
        sa.column("id", sa.Integer),
        sa.column("code", sa.String),
        sa.column("full_name", sa.String),
        sa.column("authority_line", sa.String),
        sa.column("award_type", sa.String),
    )
    for form_id, code, full_name, authority in conn.execute(
        sa.select(forms.c.id, forms.c.code, forms.c.full_name, forms.c.authority_line)
    ).all():
        kind = _type_from_name(full_name)
        values = {}
        if kind != "certificate":
            values["award_type"] = kind
        if code in ("ttg", "cstd-toan-quoc") and authority == _PM_OLD:
            values["authority_line"] = _PM_NEW
        elif authority == _PRESIDENT_OLD:
            values["authority_line"] = _PRESIDENT_NEW
        if values:
            conn.execute(forms.update().where(forms.c.id == form_id).values(**values))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.lower().split())


def _type_from_name(full_name: str) -> str:
    folded = _fold(full_name or "")
    if folded.startswith(_FLAG_STARTS):
        return "flag"
    if folded.startswith(_TITLE_STARTS):
        return "title"
    return "certificate"


def downgrade() -> None:
    with op.batch_alter_table("honourees") as batch_op:
        batch_op.drop_column("posthumous")
    with op.batch_alter_table("award_forms") as batch_op:
        batch_op.drop_column("keep_abbreviations")
        batch_op.drop_column("award_type")
