"""case document cache: each case's history serialized at write time for fast pulls

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 05:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL means "not built yet": pulls build such documents on the fly and
    # `agentdesk-server migrate` fills them (agentdesk.server.documents.fill_missing).
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('doc_cache', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('doc_cache')
