"""Presented on stage or not: per award form (on by default) and per honouree (None: as the
form says).

Revision ID: 0009
Revises: 0006

Only additions, so every existing row is kept; every existing form stays on stage, as
every form was before.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("award_forms") as batch_op:
        batch_op.add_column(
            sa.Column("on_stage", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    with op.batch_alter_table("honourees") as batch_op:
        batch_op.add_column(sa.Column("on_stage", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("honourees") as batch_op:
        batch_op.drop_column("on_stage")
    with op.batch_alter_table("award_forms") as batch_op:
        batch_op.drop_column("on_stage")
