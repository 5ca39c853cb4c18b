"""analytics covering indexes on events

Two indexes that hold every column the analytics GROUP BYs and filters touch, so SQLite (and
PostgreSQL index-only scans) answer "events in <country or admin1> between two dates, grouped by
day/place/type/actor" from the index alone, without reading the wide event rows (notes, JSON).
Owner: ANALYTICS (see docs/analytics.md, bench/analytics_latency.py).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Columns after the leading (place, date) pair, in both indexes.
_COVERED = [
    "admin2", "event_type", "sub_event_type", "inter1", "inter2", "fatalities", "status", "merged_into",
    "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "civilian_targeting", "disorder_type",
]  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_events_cover_country_date", ["country", "event_date", "admin1", *_COVERED], unique=False
        )
        batch_op.create_index(
            "ix_events_cover_admin1_date", ["admin1", "event_date", "country", *_COVERED], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_cover_admin1_date")
        batch_op.drop_index("ix_events_cover_country_date")
