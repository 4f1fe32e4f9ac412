"""Honourees keep the title written before their name; import profiles per sending unit.

Revision ID: 0003
Revises: 0002

Adds honourees.title (empty for every existing row: no row is touched otherwise) and the
import_profiles table, which remembers how a list with a given header was imported.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("honourees") as batch_op:
        batch_op.add_column(
            sa.Column("title", sa.String(length=100), nullable=False, server_default="")
        )
    op.create_table(
        "import_profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("headers", sa.JSON(), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("choices", sa.JSON(), nullable=False),
        sa.Column("award_names", sa.JSON(), nullable=False),
        sa.Column("used_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_profiles")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_import_profiles_fingerprint")),
    )


def downgrade() -> None:
    op.drop_table("import_profiles")
    with op.batch_alter_table("honourees") as batch_op:
        batch_op.drop_column("title")
