"""pum 1.8's pum.database: its names import; `pum db` does this work."""

from ._unavailable import unavailable_function

configure_database_connect_access = unavailable_function(
    "configure_database_connect_access", "database"
)
create_database = unavailable_function("create_database", "database")
drop_database = unavailable_function("drop_database", "database")
get_database_connect_access = unavailable_function("get_database_connect_access", "database")
