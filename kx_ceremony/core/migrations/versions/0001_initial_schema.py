"""Initial schema: ceremonies, award catalogue, decisions, honourees, stage, pledges.

Revision ID: 0001
Revises: (none)
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ceremonies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("venue", sa.String(length=300), nullable=False),
        sa.Column("organiser", sa.String(length=300), nullable=False),
        sa.Column("province", sa.String(length=200), nullable=False),
        sa.Column("achievement_year", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("is_sample", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ceremonies")),
    )
    op.create_table(
        "award_forms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ceremony_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("full_name", sa.String(length=300), nullable=False),
        sa.Column("short_name", sa.String(length=100), nullable=False),
        sa.Column("printed_word", sa.String(length=100), nullable=False),
        sa.Column("authority_line", sa.String(length=300), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("page_width_mm", sa.Double(), nullable=False),
        sa.Column("page_height_mm", sa.Double(), nullable=False),
        sa.Column("layout_name", sa.String(length=100), nullable=False),
        sa.Column("layout", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ceremony_id"],
            ["ceremonies.id"],
            name=op.f("fk_award_forms_ceremony_id_ceremonies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award_forms")),
    )
    with op.batch_alter_table("award_forms", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_award_forms_ceremony_id"), ["ceremony_id"], unique=False
        )

    op.create_table(
        "pledge_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ceremony_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('covenant', 'pledge')", name=op.f("ck_pledge_documents_kind_valid")
        ),
        sa.ForeignKeyConstraint(
            ["ceremony_id"],
            ["ceremonies.id"],
            name=op.f("fk_pledge_documents_ceremony_id_ceremonies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pledge_documents")),
    )
    with op.batch_alter_table("pledge_documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pledge_documents_ceremony_id"), ["ceremony_id"], unique=False
        )

    op.create_table(
        "presenters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ceremony_id", sa.Integer(), nullable=False),
        sa.Column("honorific", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("titles", sa.JSON(), nullable=False),
        sa.Column("seniority", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ceremony_id"],
            ["ceremonies.id"],
            name=op.f("fk_presenters_ceremony_id_ceremonies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_presenters")),
    )
    with op.batch_alter_table("presenters", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_presenters_ceremony_id"), ["ceremony_id"], unique=False
        )

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ceremony_id", sa.Integer(), nullable=False),
        sa.Column("award_form_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("authority", sa.String(length=300), nullable=False),
        sa.Column("signer_title", sa.String(length=200), nullable=False),
        sa.Column("signer_subtitle", sa.String(length=200), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["award_form_id"],
            ["award_forms.id"],
            name=op.f("fk_decisions_award_form_id_award_forms"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["ceremony_id"],
            ["ceremonies.id"],
            name=op.f("fk_decisions_ceremony_id_ceremonies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_decisions_award_form_id"), ["award_form_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_decisions_ceremony_id"), ["ceremony_id"], unique=False)

    op.create_table(
        "rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ceremony_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("presenter_id", sa.Integer(), nullable=True),
        sa.Column("award_form_id", sa.Integer(), nullable=True),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["award_form_id"],
            ["award_forms.id"],
            name=op.f("fk_rounds_award_form_id_award_forms"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["ceremony_id"],
            ["ceremonies.id"],
            name=op.f("fk_rounds_ceremony_id_ceremonies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["presenter_id"],
            ["presenters.id"],
            name=op.f("fk_rounds_presenter_id_presenters"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rounds")),
    )
    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rounds_award_form_id"), ["award_form_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_rounds_ceremony_id"), ["ceremony_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rounds_presenter_id"), ["presenter_id"], unique=False)

    op.create_table(
        "signatories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=300), nullable=False),
        sa.Column("signer_title", sa.String(length=200), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["pledge_documents.id"],
            name=op.f("fk_signatories_document_id_pledge_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatories")),
    )
    with op.batch_alter_table("signatories", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_signatories_document_id"), ["document_id"], unique=False
        )

    op.create_table(
        "honourees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ceremony_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("gender", sa.String(length=10), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("position", sa.String(length=300), nullable=False),
        sa.Column("unit", sa.String(length=500), nullable=False),
        sa.Column("achievement", sa.Text(), nullable=False),
        sa.Column("award_form_id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("register_number", sa.String(length=100), nullable=False),
        sa.Column("representative", sa.String(length=300), nullable=False),
        sa.Column("attendance", sa.String(length=20), nullable=False),
        sa.Column("substitute_name", sa.String(length=300), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=True),
        sa.Column("position_on_stage", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "attendance IN ('present', 'absent', 'substitute')",
            name=op.f("ck_honourees_attendance_valid"),
        ),
        sa.CheckConstraint(
            "kind IN ('collective', 'individual', 'household')",
            name=op.f("ck_honourees_kind_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["award_form_id"],
            ["award_forms.id"],
            name=op.f("fk_honourees_award_form_id_award_forms"),
        ),
        sa.ForeignKeyConstraint(
            ["ceremony_id"],
            ["ceremonies.id"],
            name=op.f("fk_honourees_ceremony_id_ceremonies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.id"],
            name=op.f("fk_honourees_decision_id_decisions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["rounds.id"],
            name=op.f("fk_honourees_round_id_rounds"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_honourees")),
    )
    with op.batch_alter_table("honourees", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_honourees_award_form_id"), ["award_form_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_honourees_ceremony_id"), ["ceremony_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_honourees_decision_id"), ["decision_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_honourees_round_id"), ["round_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("honourees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_honourees_round_id"))
        batch_op.drop_index(batch_op.f("ix_honourees_decision_id"))
        batch_op.drop_index(batch_op.f("ix_honourees_ceremony_id"))
        batch_op.drop_index(batch_op.f("ix_honourees_award_form_id"))

    op.drop_table("honourees")
    with op.batch_alter_table("signatories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signatories_document_id"))

    op.drop_table("signatories")
    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rounds_presenter_id"))
        batch_op.drop_index(batch_op.f("ix_rounds_ceremony_id"))
        batch_op.drop_index(batch_op.f("ix_rounds_award_form_id"))

    op.drop_table("rounds")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decisions_ceremony_id"))
        batch_op.drop_index(batch_op.f("ix_decisions_award_form_id"))

    op.drop_table("decisions")
    with op.batch_alter_table("presenters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_presenters_ceremony_id"))

    op.drop_table("presenters")
    with op.batch_alter_table("pledge_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pledge_documents_ceremony_id"))

    op.drop_table("pledge_documents")
    with op.batch_alter_table("award_forms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_award_forms_ceremony_id"))

    op.drop_table("award_forms")
    op.drop_table("ceremonies")
