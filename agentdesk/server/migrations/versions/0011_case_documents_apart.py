"""case documents apart: the cached history and queue columns move out of `cases`;
the owner's index that ix_cases_agent_seq already covers is dropped

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 08:30:00

Issue 20. A reassignment of 10,000 cases changes each case's owner and change number; on
SQLite every one of those small updates rewrote the whole row with its ~5 KB of cached
JSON (about two thirds of the write, bench/bench_reassign.py), and updated one index
more than needed. The caches keep their meaning: a case without a row is built on read,
`agentdesk-server migrate` fills the rest.
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'case_documents',
        sa.Column('case_id', sa.String(length=36), sa.ForeignKey('cases.id'), primary_key=True),
        sa.Column('doc_cache', sa.Text(), nullable=False),
        sa.Column('queue_cache', sa.Text(), nullable=False),
    )
    op.execute("INSERT INTO case_documents (case_id, doc_cache, queue_cache) "
               "SELECT id, doc_cache, queue_cache FROM cases "
               "WHERE doc_cache IS NOT NULL AND queue_cache IS NOT NULL")
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('queue_cache')
        batch_op.drop_column('doc_cache')
        # ix_cases_agent_seq (assigned_agent_id, seq) serves lookups by owner alone.
        batch_op.drop_index('ix_cases_assigned_agent_id')


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_assigned_agent_id', ['assigned_agent_id'], unique=False)
        batch_op.add_column(sa.Column('doc_cache', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('queue_cache', sa.Text(), nullable=True))
    op.execute("UPDATE cases SET doc_cache = (SELECT d.doc_cache FROM case_documents d WHERE d.case_id = cases.id), "
               "queue_cache = (SELECT d.queue_cache FROM case_documents d WHERE d.case_id = cases.id)")
    op.drop_table('case_documents')
