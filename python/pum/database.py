"""pum 1.8's pum.database: creating, dropping and opening databases of a server, with the code of
the binary's `pum db create | drop | access` (docs/manual.md).

The helpers take pum 1.8's arguments: `connection_params` are psycopg.connect() keyword
arguments naming a maintenance database of the server; the connection is opened in autocommit
(CREATE and DROP DATABASE cannot run in a transaction) and closed afterwards. A server error is
raised as psycopg raises it (psycopg.errors.DuplicateDatabase, InvalidCatalogName...), as pum
1.8's helpers let psycopg's errors through.
"""

import psycopg

from . import _core


def _sink():
    sink = _core.LogSink("pum.database")
    return sink, sink.level


def _native_call(name, *args):
    module = _core.native()
    try:
        return getattr(module, name)(*args)
    except module.PumError as error:
        state = getattr(error, "sqlstate", None)
        cls = None
        if state:
            try:
                cls = psycopg.errors.lookup(state)
            except KeyError:
                cls = None
        if cls is not None:
            raise cls(str(error)) from None
        raise _core.translate(error) from None


def _on_maintenance_connection(connection_params, name, *args):
    params = dict(connection_params)
    params["autocommit"] = True
    with psycopg.connect(**params) as connection:
        return _native_call(name, _core.pgconn_address(connection), *args, *_sink())


def create_database(connection_params: dict, database_name: str, *, template=None) -> None:
    """CREATE DATABASE database_name [TEMPLATE template] (an error if it exists)."""
    _on_maintenance_connection(connection_params, "db_create", database_name, template)


def drop_database(connection_params: dict, database_name: str) -> None:
    """Drops the database, ending its other sessions first (an error if it does not exist)."""
    _on_maintenance_connection(connection_params, "db_drop", database_name)


def configure_database_connect_access(
    connection_params: dict,
    database_name: str,
    *,
    grant_roles=None,
    revoke_roles=None,
    public=None,
) -> None:
    """Sets who may connect: PUBLIC's CONNECT revoked (public=False), granted (True) or left
    alone (None), then CONNECT revoked from revoke_roles and granted to grant_roles."""
    _on_maintenance_connection(
        connection_params,
        "db_set_access",
        database_name,
        list(grant_roles or []),
        list(revoke_roles or []),
        public,
    )


def get_database_connect_access(connection, database_name: str):
    """(PUBLIC may connect, [roles granted CONNECT explicitly]) for a database of the server of
    `connection` (any database of it); ValueError for an unknown database."""
    access = _native_call(
        "db_connect_access",
        _core.pgconn_address(connection),
        database_name,
        _core.autocommit(connection),
    )
    if access is None:
        raise ValueError(f"Database {database_name!r} not found")
    public, roles = access
    return public, list(roles)
