"""Alembic environment: always run on a connection the store hands over.

``store/schema.py`` opens the connection, switches foreign keys off and begins the single
transaction; this file only runs the scripts inside it.
"""

from alembic import context

from kx_ceremony.core.model import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
