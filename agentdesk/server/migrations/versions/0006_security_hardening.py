"""security hardening: login throttle, when a case left an owner, payment transaction serials

Revision ID: 0006
Revises: 0009 (main's head when this branch was merged)
Create Date: 2026-12-02 04:00:00
"""
import sqlalchemy as sa
from alembic import op

import agentdesk.server.models

revision = '0006'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Failed logins per source address and per account (agentdesk.server.login_throttle);
    # every API process reads and writes the same rows.
    op.create_table('login_throttle',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failure_at', agentdesk.server.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('blocked_until', agentdesk.server.models.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('key')
    )
    # When a case left an owner: a former owner may deliver late facts for a bounded time
    # after it (agentdesk.server.write_scope). NULL on older rows: no late window.
    with op.batch_alter_table('scope_exits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('left_at', agentdesk.server.models.UTCDateTime(timezone=True), nullable=True))
    # The lender's transaction serial of a repayment line: the same serial counts once.
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('txn_ref', sa.String(length=64), nullable=True))
        batch_op.create_index('ix_payments_txn_ref', ['txn_ref'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index('ix_payments_txn_ref')
        batch_op.drop_column('txn_ref')
    with op.batch_alter_table('scope_exits', schema=None) as batch_op:
        batch_op.drop_column('left_at')
    op.drop_table('login_throttle')
