"""sms: messages with their state machine, their events, stop requests

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 02:00:00
"""
import sqlalchemy as sa
from alembic import op

from agentdesk.server.models import UTCDateTime

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sms_messages',
        sa.Column('id', sa.String(36), primary_key=True),
        sa.Column('case_id', sa.String(36), sa.ForeignKey('cases.id'), nullable=False, index=True),
        sa.Column('contact_point_id', sa.String(36), index=True),
        sa.Column('to_number', sa.String(32), nullable=False),
        sa.Column('template_id', sa.String(64), nullable=False, index=True),
        sa.Column('template_version', sa.Integer(), nullable=False),
        sa.Column('lang', sa.String(2), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('segments', sa.Integer(), nullable=False),
        sa.Column('encoding', sa.String(4), nullable=False),
        sa.Column('origin', sa.String(64), nullable=False),
        sa.Column('dedupe_key', sa.String(120), unique=True),
        sa.Column('created_by', sa.String(36)),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.Column('not_before', UTCDateTime(), nullable=False, index=True),
        sa.Column('send_by', UTCDateTime()),
        sa.Column('state', sa.String(10), nullable=False, index=True),
        sa.Column('state_at', UTCDateTime(), nullable=False),
        sa.Column('tries', sa.Integer(), nullable=False),
        sa.Column('claim', sa.String(36)),
        sa.Column('last_error', sa.String(300)),
        sa.Column('sent_at', UTCDateTime()),
        sa.Column('delivered_at', UTCDateTime()),
        sa.Column('failed_at', UTCDateTime()),
        sa.Column('gateway_id', sa.String(64)),
        sa.Column('link_token_hash', sa.String(64), unique=True),
        sa.Column('link_expires_at', UTCDateTime()),
        sa.Column('opened_at', UTCDateTime()),
        sa.Column('open_count', sa.Integer(), nullable=False),
    )
    op.create_index('ix_sms_state_not_before', 'sms_messages', ['state', 'not_before'])
    op.create_table(
        'sms_events',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), primary_key=True, autoincrement=True),
        sa.Column('message_id', sa.String(36), index=True),
        sa.Column('at', UTCDateTime(), nullable=False),
        sa.Column('kind', sa.String(24), nullable=False),
        sa.Column('detail', sa.JSON(), nullable=False),
    )
    op.create_table(
        'sms_opt_outs',
        sa.Column('number', sa.String(32), primary_key=True),
        sa.Column('at', UTCDateTime(), nullable=False),
        sa.Column('via', sa.String(16), nullable=False),
    )
    # Case documents now carry their SMS: build them again (`migrate` fills what is missing).
    op.execute("UPDATE cases SET doc_cache = NULL, queue_cache = NULL")


def downgrade() -> None:
    op.drop_table('sms_opt_outs')
    op.drop_table('sms_events')
    op.drop_index('ix_sms_state_not_before', table_name='sms_messages')
    op.drop_table('sms_messages')
