"""The conference programme's edited parts; presenters chosen per award form; host leaders.

Revision ID: 0006
Revises: 0007

Only additions: two new tables and a column with a server default (every existing presenter
is a guest, as planning treated them before), so every existing row is kept as it is.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("presenters") as batch_op:
        batch_op.add_column(
            sa.Column("host", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "award_presenters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ceremony_id", sa.Integer(), nullable=False),
        sa.Column("award_form_id", sa.Integer(), nullable=False),
        sa.Column("presenter_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ceremony_id"],
            ["ceremonies.id"],
            name=op.f("fk_award_presenters_ceremony_id_ceremonies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["award_form_id"],
            ["award_forms.id"],
            name=op.f("fk_award_presenters_award_form_id_award_forms"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["presenter_id"],
            ["presenters.id"],
            name=op.f("fk_award_presenters_presenter_id_presenters"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award_presenters")),
        sa.UniqueConstraint(
            "award_form_id", "presenter_id", name=op.f("uq_award_presenters_award_form_id")
        ),
    )
    for column in ("ceremony_id", "award_form_id", "presenter_id"):
        op.create_index(op.f(f"ix_award_presenters_{column}"), "award_presenters", [column])
    op.create_table(
        "conference_parts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ceremony_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=30), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("speaker", sa.String(length=500), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.ForeignKeyConstraint(
            ["ceremony_id"],
            ["ceremonies.id"],
            name=op.f("fk_conference_parts_ceremony_id_ceremonies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conference_parts")),
        sa.UniqueConstraint("ceremony_id", "key", name=op.f("uq_conference_parts_ceremony_id")),
    )
    op.create_index(op.f("ix_conference_parts_ceremony_id"), "conference_parts", ["ceremony_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_conference_parts_ceremony_id"), table_name="conference_parts")
    op.drop_table("conference_parts")
    for column in ("ceremony_id", "award_form_id", "presenter_id"):
        op.drop_index(op.f(f"ix_award_presenters_{column}"), table_name="award_presenters")
    op.drop_table("award_presenters")
    with op.batch_alter_table("presenters") as batch_op:
        batch_op.drop_column("host")
