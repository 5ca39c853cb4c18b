"""drop indexes the covering indexes of 0002 make redundant

``ix_events_country_date`` (country, event_date) and ``ix_events_admin1`` (admin1) are prefixes of
``ix_events_cover_country_date`` and ``ix_events_cover_admin1_date``; keeping them only slows writes.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_country_date")
        batch_op.drop_index("ix_events_admin1")


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_admin1", ["admin1"], unique=False)
        batch_op.create_index("ix_events_country_date", ["country", "event_date"], unique=False)
