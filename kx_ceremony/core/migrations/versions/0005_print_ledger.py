"""The ledger of printed certificates; a register-number pattern per award form.

Revision ID: 0005
Revises: 0002

Only additions: a new table and a column with a server default, so every existing row is
kept as it is.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("award_forms") as batch_op:
        batch_op.add_column(
            sa.Column("register_pattern", sa.String(length=100), nullable=False, server_default="")
        )
    op.create_table(
        "print_ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ceremony_id", sa.Integer(), nullable=False),
        sa.Column("honouree_id", sa.Integer(), nullable=True),
        sa.Column("honouree_name", sa.String(length=300), nullable=False),
        sa.Column("award_form_id", sa.Integer(), nullable=True),
        sa.Column("award_name", sa.String(length=300), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("register_number", sa.String(length=100), nullable=False),
        sa.Column("register_year", sa.Integer(), nullable=True),
        sa.Column("register_seq", sa.Integer(), nullable=True),
        sa.Column("target_kind", sa.String(length=10), nullable=False),
        sa.Column("target", sa.String(length=1000), nullable=False),
        sa.Column("reprint", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "mode IN ('blank', 'full', 'preview')", name=op.f("ck_print_ledger_mode_valid")
        ),
        sa.CheckConstraint(
            "target_kind IN ('printer', 'file')", name=op.f("ck_print_ledger_target_kind_valid")
        ),
        sa.ForeignKeyConstraint(
            ["award_form_id"],
            ["award_forms.id"],
            name=op.f("fk_print_ledger_award_form_id_award_forms"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["ceremony_id"],
            ["ceremonies.id"],
            name=op.f("fk_print_ledger_ceremony_id_ceremonies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["honouree_id"],
            ["honourees.id"],
            name=op.f("fk_print_ledger_honouree_id_honourees"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_ledger")),
    )
    for column in ("ceremony_id", "honouree_id", "award_form_id"):
        op.create_index(op.f(f"ix_print_ledger_{column}"), "print_ledger", [column])


def downgrade() -> None:
    for column in ("ceremony_id", "honouree_id", "award_form_id"):
        op.drop_index(op.f(f"ix_print_ledger_{column}"), table_name="print_ledger")
    op.drop_table("print_ledger")
    with op.batch_alter_table("award_forms") as batch_op:
        batch_op.drop_column("register_pattern")
