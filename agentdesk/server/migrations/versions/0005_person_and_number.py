"""person and number: the units of compliance across cases and lenders

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 03:30:00

Debtor rows get the person's key (the normalised national ID), contact points the
number's normal form, so holds, marks and contact limits apply to the person and the
number on every case (issue 15). Consents are recorded with the call they were given on;
notes and attempts keep a conduct override for the lead's review. A random key for the
opaque person/number keys desks see is made here, once, not on first use by racing processes.
"""
import secrets

import sqlalchemy as sa
from alembic import op

from agentdesk.domain.identity import IdentityError, normalize_national_id, normalize_phone

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('debtors', schema=None) as batch_op:
        batch_op.add_column(sa.Column('person_key', sa.String(length=32), nullable=False, server_default=''))
        batch_op.create_index('ix_debtors_person_key', ['person_key'])
    with op.batch_alter_table('contact_points', schema=None) as batch_op:
        batch_op.add_column(sa.Column('number', sa.String(length=32), nullable=True))
        batch_op.create_index('ix_contact_points_number', ['number'])
    with op.batch_alter_table('contact_attempts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('conduct_override', sa.JSON(), nullable=True))
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('conduct_override', sa.JSON(), nullable=True))
    op.create_table(
        'consents',
        sa.Column('id', sa.String(length=36), primary_key=True),
        sa.Column('case_id', sa.String(length=36), sa.ForeignKey('cases.id'), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('attempt_id', sa.String(length=36), nullable=False),
        sa.Column('given_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('recorded_by', sa.String(length=36), sa.ForeignKey('users.id'), nullable=True),
        sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index('ix_consents_case_id', 'consents', ['case_id'])

    bind = op.get_bind()
    debtors = sa.table('debtors', sa.column('id', sa.String), sa.column('national_id', sa.String),
                       sa.column('person_key', sa.String))
    rows = bind.execute(sa.select(debtors.c.id, debtors.c.national_id)).all()
    if rows:
        bind.execute(debtors.update().where(debtors.c.id == sa.bindparam('b_id'))
                     .values(person_key=sa.bindparam('b_key')),
                     [{'b_id': i, 'b_key': normalize_national_id(n)[:32]} for i, n in rows])
    points = sa.table('contact_points', sa.column('id', sa.String), sa.column('kind', sa.String),
                      sa.column('value', sa.String), sa.column('number', sa.String))
    updates = []
    for point_id, value in bind.execute(sa.select(points.c.id, points.c.value).where(points.c.kind == 'phone')):
        try:
            updates.append({'b_id': point_id, 'b_number': normalize_phone(value)[:32]})
        except IdentityError:
            continue  # a number that cannot be read stays unlinked; it can still be marked on its case
    if updates:
        bind.execute(points.update().where(points.c.id == sa.bindparam('b_id'))
                     .values(number=sa.bindparam('b_number')), updates)
    settings = sa.table('server_settings', sa.column('key', sa.String), sa.column('value', sa.Text))
    if bind.execute(sa.select(settings.c.key).where(settings.c.key == 'identity_key')).first() is None:
        bind.execute(settings.insert().values(key='identity_key', value=secrets.token_urlsafe(48)))


def downgrade() -> None:
    op.drop_index('ix_consents_case_id', table_name='consents')
    op.drop_table('consents')
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.drop_column('conduct_override')
    with op.batch_alter_table('contact_attempts', schema=None) as batch_op:
        batch_op.drop_column('conduct_override')
    with op.batch_alter_table('contact_points', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_points_number')
        batch_op.drop_column('number')
    with op.batch_alter_table('debtors', schema=None) as batch_op:
        batch_op.drop_index('ix_debtors_person_key')
        batch_op.drop_column('person_key')
