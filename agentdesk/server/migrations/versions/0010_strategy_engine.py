"""strategy engine: book versions, collectors, arms, allocation runs, stand-in covers

Revision ID: 0010
Revises: 0006 (main's head when this branch was merged)
Create Date: 2026-12-02 06:00:00

Issue 14. Every version of the strategy book is a row of its own; the case carries its
current segment, the reason and its challenger arm (live columns, like its owner); the
arm a case got in each experiment is recorded once in case_arms and never updated.
"""
import sqlalchemy as sa
from alembic import op

import agentdesk.server.models

revision = '0010'
down_revision = '0006'
branch_labels = None
depends_on = None

UTC_TIME = agentdesk.server.models.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('segment', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('segment_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('arm', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('challenger', sa.String(length=40), nullable=True))
    op.create_table(
        'strategy_books',
        sa.Column('version', sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('created_at', UTC_TIME, nullable=False),
        sa.Column('created_by', sa.String(length=36), nullable=True),
    )
    op.create_table(
        'collector_settings',
        sa.Column('user_id', sa.String(length=36), sa.ForeignKey('users.id'), primary_key=True),
        sa.Column('grade', sa.String(length=10), nullable=False),
        sa.Column('skills', sa.JSON(), nullable=False),
        sa.Column('capacity', sa.Integer(), nullable=False),
        sa.Column('working_days', sa.JSON(), nullable=False),
        sa.Column('away_from', sa.Date(), nullable=True),
        sa.Column('away_until', sa.Date(), nullable=True),
        sa.Column('stand_in_id', sa.String(length=36), nullable=True),
        sa.Column('updated_at', UTC_TIME, nullable=False),
        sa.Column('updated_by', sa.String(length=36), nullable=True),
    )
    op.create_table(
        'case_arms',
        sa.Column('case_id', sa.String(length=36), primary_key=True),
        sa.Column('challenger_id', sa.String(length=40), primary_key=True),
        sa.Column('segment_key', sa.String(length=40), nullable=False),
        sa.Column('arm', sa.String(length=10), nullable=False),
        sa.Column('assigned_at', UTC_TIME, nullable=False),
    )
    op.create_index('ix_case_arms_challenger', 'case_arms', ['challenger_id', 'arm'])
    op.create_table(
        'allocation_runs',
        sa.Column('id', sa.String(length=36), primary_key=True),
        sa.Column('team_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('scheduled_day', sa.Date(), nullable=True),
        sa.Column('user_id', sa.String(length=36), nullable=True),
        sa.Column('reassignment_id', sa.String(length=36), nullable=True),
        sa.Column('created_at', UTC_TIME, nullable=False),
        sa.Column('summary', sa.JSON(), nullable=False),
        sa.UniqueConstraint('team_id', 'scheduled_day', name='uq_allocation_runs_team_day'),
    )
    op.create_index('ix_allocation_runs_team_id', 'allocation_runs', ['team_id'])
    op.create_table(
        'stand_in_covers',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('case_id', sa.String(length=36), nullable=False),
        sa.Column('away_agent_id', sa.String(length=36), nullable=False),
        sa.Column('stand_in_id', sa.String(length=36), nullable=False),
        sa.Column('team_id', sa.String(length=36), nullable=True),
        sa.Column('until', sa.Date(), nullable=False),
        sa.Column('started_at', UTC_TIME, nullable=False),
        sa.Column('returned_at', UTC_TIME, nullable=True),
    )
    op.create_index('ix_stand_in_covers_case_id', 'stand_in_covers', ['case_id'])
    op.create_index('ix_stand_in_covers_away_agent_id', 'stand_in_covers', ['away_agent_id'])


def downgrade() -> None:
    op.drop_index('ix_stand_in_covers_away_agent_id', table_name='stand_in_covers')
    op.drop_index('ix_stand_in_covers_case_id', table_name='stand_in_covers')
    op.drop_table('stand_in_covers')
    op.drop_index('ix_allocation_runs_team_id', table_name='allocation_runs')
    op.drop_table('allocation_runs')
    op.drop_index('ix_case_arms_challenger', table_name='case_arms')
    op.drop_table('case_arms')
    op.drop_table('collector_settings')
    op.drop_table('strategy_books')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('challenger')
        batch_op.drop_column('arm')
        batch_op.drop_column('segment_reason')
        batch_op.drop_column('segment')
