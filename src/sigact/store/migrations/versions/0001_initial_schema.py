"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 03:38:53.170360
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('actors',
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('inter', sa.Integer(), nullable=True),
    sa.Column('country', sa.String(), nullable=True),
    sa.Column('parent', sa.String(), nullable=True),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('origin', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_actors'))
    )
    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('token_hash', sa.String(length=128), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_tokens_token_hash'))
    )
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('who', sa.String(), nullable=False),
    sa.Column('action', sa.String(), nullable=False),
    sa.Column('event_id', sa.String(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_event_id', ['event_id'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('doc_key', sa.String(), nullable=True),
    sa.Column('url', sa.String(), nullable=True),
    sa.Column('title', sa.String(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('path', sa.String(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('extractor_version', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('sha256', name=op.f('uq_documents_sha256'))
    )
    op.create_table('events',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('origin', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=True),
    sa.Column('source_fields', sa.JSON(), nullable=False),
    sa.Column('manual_fields', sa.JSON(), nullable=False),
    sa.Column('tags_list', sa.JSON(), nullable=False),
    sa.Column('merged_into', sa.String(), nullable=True),
    sa.Column('event_id_cnty', sa.String(), nullable=True),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('time_precision', sa.Integer(), nullable=False),
    sa.Column('disorder_type', sa.String(), nullable=True),
    sa.Column('event_type', sa.String(), nullable=False),
    sa.Column('sub_event_type', sa.String(), nullable=True),
    sa.Column('actor1', sa.String(), nullable=True),
    sa.Column('assoc_actor_1', sa.String(), nullable=True),
    sa.Column('inter1', sa.Integer(), nullable=True),
    sa.Column('actor2', sa.String(), nullable=True),
    sa.Column('assoc_actor_2', sa.String(), nullable=True),
    sa.Column('inter2', sa.Integer(), nullable=True),
    sa.Column('interaction', sa.Integer(), nullable=True),
    sa.Column('civilian_targeting', sa.String(), nullable=True),
    sa.Column('iso', sa.Integer(), nullable=True),
    sa.Column('region', sa.String(), nullable=True),
    sa.Column('country', sa.String(), nullable=True),
    sa.Column('admin1', sa.String(), nullable=True),
    sa.Column('admin2', sa.String(), nullable=True),
    sa.Column('admin3', sa.String(), nullable=True),
    sa.Column('location', sa.String(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('source_scale', sa.String(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('tags', sa.String(), nullable=True),
    sa.Column('timestamp', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_actor1', ['actor1'], unique=False)
        batch_op.create_index('ix_events_actor2', ['actor2'], unique=False)
        batch_op.create_index('ix_events_admin1', ['admin1'], unique=False)
        batch_op.create_index('ix_events_country_date', ['country', 'event_date'], unique=False)
        batch_op.create_index('ix_events_event_date', ['event_date'], unique=False)
        batch_op.create_index('ix_events_event_type', ['event_type'], unique=False)
        batch_op.create_index('ix_events_status', ['status'], unique=False)

    op.create_table('imports',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('path', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('inserted', sa.Integer(), nullable=False),
    sa.Column('updated', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_imports'))
    )
    op.create_table('mentions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.String(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('mention_index', sa.Integer(), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=True),
    sa.Column('char_start', sa.Integer(), nullable=True),
    sa.Column('char_end', sa.Integer(), nullable=True),
    sa.Column('extracted', sa.JSON(), nullable=True),
    sa.Column('match_score', sa.Float(), nullable=True),
    sa.Column('match_reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_mentions_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_mentions_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentions')),
    sa.UniqueConstraint('document_id', 'mention_index', name='uq_mentions_document_index')
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index('ix_mentions_event_id', ['event_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index('ix_mentions_event_id')

    op.drop_table('mentions')
    op.drop_table('imports')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_status')
        batch_op.drop_index('ix_events_event_type')
        batch_op.drop_index('ix_events_event_date')
        batch_op.drop_index('ix_events_country_date')
        batch_op.drop_index('ix_events_admin1')
        batch_op.drop_index('ix_events_actor2')
        batch_op.drop_index('ix_events_actor1')

    op.drop_table('events')
    op.drop_table('documents')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_event_id')

    op.drop_table('audit_log')
    op.drop_table('api_tokens')
    op.drop_table('actors')

