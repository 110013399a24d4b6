"""calls and presence: an attempt's call (direction, SIP Call-ID, answer time, talk time);
when a user's event stream ended

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-02 03:00:00
"""
import sqlalchemy as sa
from alembic import op

import agentdesk.server.models

revision = '0007'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('contact_attempts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('direction', sa.String(length=8), nullable=False, server_default='outbound'))
        batch_op.add_column(sa.Column('sip_call_id', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('answered_at', agentdesk.server.models.UTCDateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column('talk_seconds', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_contact_attempts_sip_call_id'), ['sip_call_id'], unique=False)
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('events_gone_at', agentdesk.server.models.UTCDateTime(timezone=True),
                                      nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('events_gone_at')
    with op.batch_alter_table('contact_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_attempts_sip_call_id'))
        batch_op.drop_column('talk_seconds')
        batch_op.drop_column('answered_at')
        batch_op.drop_column('sip_call_id')
        batch_op.drop_column('direction')
