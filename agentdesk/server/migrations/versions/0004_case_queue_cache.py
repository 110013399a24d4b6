"""case queue cache: the history-derived queue columns of each case, beside its document cache

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 08:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL means "not built yet", as for doc_cache: pulls build such rows on the fly and
    # `agentdesk-server migrate` fills them (agentdesk.server.documents.fill_missing).
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('queue_cache', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('queue_cache')
