"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "fairs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=False),
        sa.Column("edition", sa.Integer(), nullable=True),
        sa.Column("venue", sa.String(length=300), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("opening_time", sa.Time(), nullable=False),
        sa.Column("closing_time", sa.Time(), nullable=False),
        sa.Column("day_hours", sa.JSON(), nullable=False),
        sa.Column("halls", sa.JSON(), nullable=False),
        sa.Column("rules", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fairs")),
        sa.UniqueConstraint("code", name=op.f("uq_fairs_code")),
    )
    op.create_table(
        "ip_rights",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ip_type", sa.String(length=30), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("holder", sa.String(length=500), nullable=False),
        sa.Column("jurisdiction", sa.String(length=10), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("status_checked_at", sa.DateTime(), nullable=True),
        sa.Column("licence_type", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ip_rights")),
        sa.UniqueConstraint("ip_type", "number", "jurisdiction", name="uq_ip_rights_type_number"),
    )
    with op.batch_alter_table("ip_rights", schema=None) as batch_op:
        batch_op.create_index("ix_ip_rights_number", ["number"], unique=False)

    op.create_table(
        "parties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("name_en", sa.String(length=500), nullable=False),
        sa.Column("name_key", sa.String(length=600), nullable=False),
        sa.Column("id_doc_type", sa.String(length=50), nullable=False),
        sa.Column("id_doc_no", sa.String(length=100), nullable=False),
        sa.Column("country", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parties")),
    )
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_parties_name_key"), ["name_key"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("fair_id", sa.Integer(), nullable=True),
        sa.Column("complaint_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_audit_events_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_events_hash")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_case", ["case_id", "id"], unique=False)
        batch_op.create_index("ix_audit_events_complaint", ["complaint_id", "id"], unique=False)

    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fair_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=30), nullable=False),
        sa.Column("complainant_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("power_of_attorney", sa.Boolean(), nullable=False),
        sa.Column("commitment_signed", sa.Boolean(), nullable=False),
        sa.Column("materials", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("dispute_type", sa.String(length=30), nullable=False),
        sa.Column("reject_reason", sa.String(length=40), nullable=False),
        sa.Column("authority", sa.String(length=200), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.Column("transferred_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["parties.id"], name=op.f("fk_complaints_agent_id_parties")
        ),
        sa.ForeignKeyConstraint(
            ["complainant_id"], ["parties.id"], name=op.f("fk_complaints_complainant_id_parties")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_complaints_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["fair_id"], ["fairs.id"], name=op.f("fk_complaints_fair_id_fairs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
        sa.UniqueConstraint("number", name=op.f("uq_complaints_number")),
    )
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaints_complainant_id"), ["complainant_id"], unique=False
        )
        batch_op.create_index("ix_complaints_fair_state", ["fair_id", "state"], unique=False)

    op.create_table(
        "consultations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fair_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("topic", sa.String(length=100), nullable=False),
        sa.Column("nationality", sa.String(length=100), nullable=False),
        sa.Column("language", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["fair_id"], ["fairs.id"], name=op.f("fk_consultations_fair_id_fairs")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_consultations_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultations")),
    )
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultations_fair_id"), ["fair_id"], unique=False)

    op.create_table(
        "counters",
        sa.Column("fair_id", sa.Integer(), nullable=False),
        sa.Column("series", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["fair_id"], ["fairs.id"], name=op.f("fk_counters_fair_id_fairs")),
        sa.PrimaryKeyConstraint("fair_id", "series", name=op.f("pk_counters")),
    )
    op.create_table(
        "evidence_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("original_name", sa.String(length=300), nullable=False),
        sa.Column("captured_at", sa.DateTime(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("captured_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["captured_by"], ["users.id"], name=op.f("fk_evidence_files_captured_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_files")),
        sa.UniqueConstraint("sha256", name=op.f("uq_evidence_files_sha256")),
    )
    op.create_table(
        "exhibitors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fair_id", sa.Integer(), nullable=False),
        sa.Column("identity", sa.String(length=600), nullable=False),
        sa.Column("name_key", sa.String(length=600), nullable=False),
        sa.Column("name_zh", sa.String(length=500), nullable=False),
        sa.Column("name_en", sa.String(length=500), nullable=False),
        sa.Column("credit_code", sa.String(length=64), nullable=False),
        sa.Column("country", sa.String(length=100), nullable=False),
        sa.Column("country_en", sa.String(length=100), nullable=False),
        sa.Column("area", sa.String(length=200), nullable=False),
        sa.Column("area_en", sa.String(length=200), nullable=False),
        sa.Column("delegation", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("ip_commitment_signed", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["fair_id"], ["fairs.id"], name=op.f("fk_exhibitors_fair_id_fairs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exhibitors")),
        sa.UniqueConstraint("fair_id", "identity", name="uq_exhibitors_fair_identity"),
    )
    with op.batch_alter_table("exhibitors", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exhibitors_credit_code"), ["credit_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_exhibitors_fair_id"), ["fair_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exhibitors_name_key"), ["name_key"], unique=False)

    op.create_table(
        "patrol_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("fair_id", sa.Integer(), nullable=False),
        sa.Column("hall", sa.String(length=20), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["fair_id"], ["fairs.id"], name=op.f("fk_patrol_rounds_fair_id_fairs")
        ),
        sa.ForeignKeyConstraint(
            ["inspector_id"], ["users.id"], name=op.f("fk_patrol_rounds_inspector_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_rounds")),
        sa.UniqueConstraint("uid", name=op.f("uq_patrol_rounds_uid")),
    )
    with op.batch_alter_table("patrol_rounds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_patrol_rounds_fair_id"), ["fair_id"], unique=False)

    op.create_table(
        "booths",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exhibitor_id", sa.Integer(), nullable=False),
        sa.Column("fair_id", sa.Integer(), nullable=False),
        sa.Column("hall", sa.String(length=20), nullable=False),
        sa.Column("booth_no", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["exhibitor_id"],
            ["exhibitors.id"],
            name=op.f("fk_booths_exhibitor_id_exhibitors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["fair_id"], ["fairs.id"], name=op.f("fk_booths_fair_id_fairs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booths")),
        sa.UniqueConstraint("exhibitor_id", "booth_no", name="uq_booths_exhibitor_booth"),
    )
    with op.batch_alter_table("booths", schema=None) as batch_op:
        batch_op.create_index("ix_booths_fair_booth", ["fair_id", "booth_no"], unique=False)

    op.create_table(
        "complaint_rights",
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("right_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_rights_complaint_id_complaints"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["right_id"], ["ip_rights.id"], name=op.f("fk_complaint_rights_right_id_ip_rights")
        ),
        sa.PrimaryKeyConstraint("complaint_id", "right_id", name=op.f("pk_complaint_rights")),
    )
    with op.batch_alter_table("complaint_rights", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaint_rights_right_id"), ["right_id"], unique=False
        )

    op.create_table(
        "evidence_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("owner_type", sa.String(length=30), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("caption", sa.String(length=300), nullable=False),
        sa.Column("purpose", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence_files.id"],
            name=op.f("fk_evidence_links_evidence_id_evidence_files"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_links")),
    )
    with op.batch_alter_table("evidence_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evidence_links_evidence_id"), ["evidence_id"], unique=False
        )
        batch_op.create_index("ix_evidence_links_owner", ["owner_type", "owner_id"], unique=False)

    op.create_table(
        "respondent_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("fair_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=48), nullable=False),
        sa.Column("exhibitor_id", sa.Integer(), nullable=False),
        sa.Column("booth_no", sa.String(length=40), nullable=False),
        sa.Column("hall", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=30), nullable=False),
        sa.Column("defence_summary", sa.Text(), nullable=False),
        sa.Column("decision_trigger", sa.String(length=40), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("authority", sa.String(length=200), nullable=False),
        sa.Column("notified_at", sa.DateTime(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_respondent_cases_complaint_id_complaints"),
        ),
        sa.ForeignKeyConstraint(
            ["exhibitor_id"],
            ["exhibitors.id"],
            name=op.f("fk_respondent_cases_exhibitor_id_exhibitors"),
        ),
        sa.ForeignKeyConstraint(
            ["fair_id"], ["fairs.id"], name=op.f("fk_respondent_cases_fair_id_fairs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_respondent_cases")),
        sa.UniqueConstraint("complaint_id", "seq", name="uq_respondent_cases_complaint_seq"),
        sa.UniqueConstraint("number", name=op.f("uq_respondent_cases_number")),
    )
    with op.batch_alter_table("respondent_cases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_respondent_cases_complaint_id"), ["complaint_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_respondent_cases_exhibitor_id"), ["exhibitor_id"], unique=False
        )
        batch_op.create_index(
            "ix_respondent_cases_fair_booth", ["fair_id", "booth_no"], unique=False
        )
        batch_op.create_index("ix_respondent_cases_fair_state", ["fair_id", "state"], unique=False)

    op.create_table(
        "accused_exhibits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["respondent_cases.id"],
            name=op.f("fk_accused_exhibits_case_id_respondent_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accused_exhibits")),
    )
    with op.batch_alter_table("accused_exhibits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_accused_exhibits_case_id"), ["case_id"], unique=False)

    op.create_table(
        "booth_visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("fair_id", sa.Integer(), nullable=False),
        sa.Column("booth_no", sa.String(length=40), nullable=False),
        sa.Column("exhibitor_id", sa.Integer(), nullable=True),
        sa.Column("finding", sa.String(length=30), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("visited_at", sa.DateTime(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["respondent_cases.id"],
            name=op.f("fk_booth_visits_case_id_respondent_cases"),
        ),
        sa.ForeignKeyConstraint(
            ["exhibitor_id"],
            ["exhibitors.id"],
            name=op.f("fk_booth_visits_exhibitor_id_exhibitors"),
        ),
        sa.ForeignKeyConstraint(
            ["fair_id"], ["fairs.id"], name=op.f("fk_booth_visits_fair_id_fairs")
        ),
        sa.ForeignKeyConstraint(
            ["round_id"], ["patrol_rounds.id"], name=op.f("fk_booth_visits_round_id_patrol_rounds")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booth_visits")),
        sa.UniqueConstraint("uid", name=op.f("uq_booth_visits_uid")),
    )
    with op.batch_alter_table("booth_visits", schema=None) as batch_op:
        batch_op.create_index("ix_booth_visits_fair_booth", ["fair_id", "booth_no"], unique=False)
        batch_op.create_index(batch_op.f("ix_booth_visits_round_id"), ["round_id"], unique=False)

    op.create_table(
        "clock_due",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fair_id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("capped_at_close", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["respondent_cases.id"], name=op.f("fk_clock_due_case_id_respondent_cases")
        ),
        sa.ForeignKeyConstraint(
            ["complaint_id"], ["complaints.id"], name=op.f("fk_clock_due_complaint_id_complaints")
        ),
        sa.ForeignKeyConstraint(["fair_id"], ["fairs.id"], name=op.f("fk_clock_due_fair_id_fairs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clock_due")),
    )
    with op.batch_alter_table("clock_due", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clock_due_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_clock_due_complaint_id"), ["complaint_id"], unique=False
        )
        batch_op.create_index(
            "ix_clock_due_fair_due", ["fair_id", "status", "due_at"], unique=False
        )

    op.create_table(
        "clock_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fair_id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["respondent_cases.id"],
            name=op.f("fk_clock_events_case_id_respondent_cases"),
        ),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_clock_events_complaint_id_complaints"),
        ),
        sa.ForeignKeyConstraint(
            ["fair_id"], ["fairs.id"], name=op.f("fk_clock_events_fair_id_fairs")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_clock_events_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clock_events")),
    )
    with op.batch_alter_table("clock_events", schema=None) as batch_op:
        batch_op.create_index("ix_clock_events_case", ["case_id", "kind"], unique=False)
        batch_op.create_index("ix_clock_events_complaint", ["complaint_id", "kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_clock_events_fair_id"), ["fair_id"], unique=False)

    op.create_table(
        "issued_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fair_id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("number", sa.String(length=48), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.String(length=200), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["respondent_cases.id"],
            name=op.f("fk_issued_documents_case_id_respondent_cases"),
        ),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_issued_documents_complaint_id_complaints"),
        ),
        sa.ForeignKeyConstraint(
            ["fair_id"], ["fairs.id"], name=op.f("fk_issued_documents_fair_id_fairs")
        ),
        sa.ForeignKeyConstraint(
            ["issued_by"], ["users.id"], name=op.f("fk_issued_documents_issued_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"],
            ["issued_documents.id"],
            name=op.f("fk_issued_documents_superseded_by_issued_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_documents")),
        sa.UniqueConstraint("number", name=op.f("uq_issued_documents_number")),
    )
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_issued_documents_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_issued_documents_complaint_id"), ["complaint_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_issued_documents_fair_id"), ["fair_id"], unique=False)

    op.create_table(
        "measures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("measure_type", sa.String(length=30), nullable=False),
        sa.Column("ordered_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("undertaking_signed", sa.Boolean(), nullable=False),
        sa.Column("storage_place", sa.String(length=200), nullable=False),
        sa.Column("returned_at", sa.DateTime(), nullable=True),
        sa.Column("recheck_result", sa.String(length=20), nullable=False),
        sa.Column("rechecked_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["respondent_cases.id"],
            name=op.f("fk_measures_case_id_respondent_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measures")),
    )
    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_measures_case_id"), ["case_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measures_case_id"))

    op.drop_table("measures")
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_issued_documents_fair_id"))
        batch_op.drop_index(batch_op.f("ix_issued_documents_complaint_id"))
        batch_op.drop_index(batch_op.f("ix_issued_documents_case_id"))

    op.drop_table("issued_documents")
    with op.batch_alter_table("clock_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clock_events_fair_id"))
        batch_op.drop_index("ix_clock_events_complaint")
        batch_op.drop_index("ix_clock_events_case")

    op.drop_table("clock_events")
    with op.batch_alter_table("clock_due", schema=None) as batch_op:
        batch_op.drop_index("ix_clock_due_fair_due")
        batch_op.drop_index(batch_op.f("ix_clock_due_complaint_id"))
        batch_op.drop_index(batch_op.f("ix_clock_due_case_id"))

    op.drop_table("clock_due")
    with op.batch_alter_table("booth_visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_booth_visits_round_id"))
        batch_op.drop_index("ix_booth_visits_fair_booth")

    op.drop_table("booth_visits")
    with op.batch_alter_table("accused_exhibits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accused_exhibits_case_id"))

    op.drop_table("accused_exhibits")
    with op.batch_alter_table("respondent_cases", schema=None) as batch_op:
        batch_op.drop_index("ix_respondent_cases_fair_state")
        batch_op.drop_index("ix_respondent_cases_fair_booth")
        batch_op.drop_index(batch_op.f("ix_respondent_cases_exhibitor_id"))
        batch_op.drop_index(batch_op.f("ix_respondent_cases_complaint_id"))

    op.drop_table("respondent_cases")
    with op.batch_alter_table("evidence_links", schema=None) as batch_op:
        batch_op.drop_index("ix_evidence_links_owner")
        batch_op.drop_index(batch_op.f("ix_evidence_links_evidence_id"))

    op.drop_table("evidence_links")
    with op.batch_alter_table("complaint_rights", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_rights_right_id"))

    op.drop_table("complaint_rights")
    with op.batch_alter_table("booths", schema=None) as batch_op:
        batch_op.drop_index("ix_booths_fair_booth")

    op.drop_table("booths")
    with op.batch_alter_table("patrol_rounds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patrol_rounds_fair_id"))

    op.drop_table("patrol_rounds")
    with op.batch_alter_table("exhibitors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exhibitors_name_key"))
        batch_op.drop_index(batch_op.f("ix_exhibitors_fair_id"))
        batch_op.drop_index(batch_op.f("ix_exhibitors_credit_code"))

    op.drop_table("exhibitors")
    op.drop_table("evidence_files")
    op.drop_table("counters")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultations_fair_id"))

    op.drop_table("consultations")
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_index("ix_complaints_fair_state")
        batch_op.drop_index(batch_op.f("ix_complaints_complainant_id"))

    op.drop_table("complaints")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_complaint")
        batch_op.drop_index("ix_audit_events_case")

    op.drop_table("audit_events")
    op.drop_table("users")
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parties_name_key"))

    op.drop_table("parties")
    with op.batch_alter_table("ip_rights", schema=None) as batch_op:
        batch_op.drop_index("ix_ip_rights_number")

    op.drop_table("ip_rights")
    op.drop_table("fairs")
