"""Folded names for search and duplicate checks; a per-ceremony round size.

Revision ID: 0002
Revises: 0001

The ceremonies table is rebuilt (a CHECK constraint cannot be added in place on SQLite).
Every other table points at it with ON DELETE CASCADE, which is why migrations run with
foreign keys off: with them on, dropping the old table would delete every child row.
"""

import sqlalchemy as sa
from alembic import op

from kx_ceremony.core.text.vietnamese import fold_for_search

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _recreate() -> str:
    """SQLite must rebuild the table; PostgreSQL alters it in place (a rebuild there would
    drop the primary key the other tables' foreign keys depend on)."""
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    with op.batch_alter_table("ceremonies", recreate=_recreate()) as batch_op:
        batch_op.add_column(
            sa.Column("per_round", sa.Integer(), nullable=False, server_default="10")
        )
        batch_op.create_check_constraint("per_round_positive", "per_round > 0")

    with op.batch_alter_table("honourees") as batch_op:
        batch_op.add_column(
            sa.Column("name_fold", sa.String(length=300), nullable=False, server_default="")
        )
        batch_op.create_index(
            "ix_honourees_ceremony_fold", ["ceremony_id", "name_fold"], unique=False
        )

    conn = op.get_bind()
    honourees = sa.table(
        "honourees",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("name_fold", sa.String),
    )
    rows = conn.execute(sa.select(honourees.c.id, honourees.c.name)).fetchall()
    if rows:
        conn.execute(
            honourees.update().where(honourees.c.id == sa.bindparam("row_id")),
            [{"row_id": row_id, "name_fold": fold_for_search(name)} for row_id, name in rows],
        )


def downgrade() -> None:
    with op.batch_alter_table("honourees") as batch_op:
        batch_op.drop_index("ix_honourees_ceremony_fold")
        batch_op.drop_column("name_fold")
    with op.batch_alter_table("ceremonies", recreate=_recreate()) as batch_op:
        batch_op.drop_constraint("per_round_positive", type_="check")
        batch_op.drop_column("per_round")
