"""pum 1.8's pum.schema_migrations: its names import; pum keeps the pum_migrations table itself."""

from ._unavailable import unavailable_class

SchemaMigrations = unavailable_class("SchemaMigrations", "schema_migrations")
