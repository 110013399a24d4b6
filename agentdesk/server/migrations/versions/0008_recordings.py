"""recording archive: recordings, QA scores, and the SIP call id of an attempt

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 03:00:00

`contact_attempts.sip_call_id` is also what the softphone's branch adds (issue 13): it is
added here only if it is not there yet, so the two migrations can be chained either way.
"""
import sqlalchemy as sa
from alembic import op

import agentdesk.server.models

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def _has_column(table: str, column: str) -> bool:
    return any(c["name"] == column for c in sa.inspect(op.get_bind()).get_columns(table))


def upgrade() -> None:
    utc = agentdesk.server.models.UTCDateTime(timezone=True)
    op.create_table(
        'recordings',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('attempt_id', sa.String(length=36), nullable=True),
        sa.Column('sip_call_id', sa.String(length=200), nullable=True),
        sa.Column('source', sa.String(length=8), nullable=False),
        sa.Column('uploaded_by', sa.String(length=36), nullable=True),
        sa.Column('media_type', sa.String(length=40), nullable=False),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('received', sa.BigInteger(), nullable=False),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.Column('checksum_failures', sa.Integer(), nullable=False),
        sa.Column('started_at', utc, nullable=True),
        sa.Column('ended_at', utc, nullable=True),
        sa.Column('duration_ms', sa.BigInteger(), nullable=True),
        sa.Column('created_at', utc, nullable=False),
        sa.Column('archived_at', utc, nullable=True),
        sa.Column('retain_until', utc, nullable=True),
        sa.Column('purged_at', utc, nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('recordings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recordings_attempt_id'), ['attempt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recordings_sip_call_id'), ['sip_call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recordings_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_recordings_state'), ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_recordings_retain_until'), ['retain_until'], unique=False)

    op.create_table(
        'qa_scores',
        sa.Column('recording_id', sa.String(length=36), nullable=False),
        sa.Column('sheet_id', sa.String(length=64), nullable=False),
        sa.Column('sheet_version', sa.Integer(), nullable=False),
        sa.Column('answers', sa.JSON(), nullable=False),
        sa.Column('score', sa.Integer(), nullable=False),
        sa.Column('comment', sa.Text(), nullable=False),
        sa.Column('scored_by', sa.String(length=36), nullable=False),
        sa.Column('scored_at', utc, nullable=False),
        sa.ForeignKeyConstraint(['recording_id'], ['recordings.id'], ),
        sa.ForeignKeyConstraint(['scored_by'], ['users.id'], ),
        sa.PrimaryKeyConstraint('recording_id'),
    )

    if not _has_column('contact_attempts', 'sip_call_id'):
        with op.batch_alter_table('contact_attempts', schema=None) as batch_op:
            batch_op.add_column(sa.Column('sip_call_id', sa.String(length=200), nullable=True))
            batch_op.create_index(batch_op.f('ix_contact_attempts_sip_call_id'), ['sip_call_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('contact_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_attempts_sip_call_id'))
        batch_op.drop_column('sip_call_id')
    op.drop_table('qa_scores')
    with op.batch_alter_table('recordings', schema=None) as batch_op:
        for name in ('retain_until', 'state', 'sha256', 'sip_call_id', 'attempt_id'):
            batch_op.drop_index(batch_op.f(f'ix_recordings_{name}'))
    op.drop_table('recordings')
