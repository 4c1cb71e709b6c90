#!/usr/bin/python3
"""ctest python.api_roles: what pum.role_manager does beyond pum 1.8's own tests (which run in
python.pum18_suite): the encrypted password, psycopg's error classes for server errors, pum's
refusals, Role.create / Permission.grant, the caller's transaction left open without commit.

Run with pytest, PYTHONPATH at the package directory, and the server of scripts/pg.sh
(PUM_TEST_PG=1, PG* variables); fails without them, never skips.
"""

import os
import uuid

import psycopg
import pytest

from pum.exceptions import PumException
from pum.role_manager import Permission, PermissionType, Role, RoleManager

if os.environ.get("PUM_TEST_PG") != "1":
    raise SystemExit("needs a PostgreSQL server: run through scripts/test.sh (PUM_TEST_PG=1)")

SUFFIX = uuid.uuid4().hex[:8]
VIEWER = f"pum_api_viewer_{SUFFIX}"
EDITOR = f"pum_api_editor_{SUFFIX}"
LOGIN = f"pum_api_login_{SUFFIX}"
SCHEMA = f"pum_api_roles_{SUFFIX}"


def connect():
    return psycopg.connect(dbname=os.environ.get("PGDATABASE", "postgres"))


def manager():
    return RoleManager(
        [
            {"name": VIEWER, "permissions": [{"type": "read", "schemas": [SCHEMA]}]},
            {
                "name": EDITOR,
                "inherit": VIEWER,
                "description": "edits",
                "permissions": [{"type": "write", "schemas": [SCHEMA]}],
            },
        ]
    )


def role_names(conn):
    rows = conn.execute(
        "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s) ORDER BY rolname",
        ([VIEWER, EDITOR, LOGIN],),
    ).fetchall()
    return [row[0] for row in rows]


@pytest.fixture(autouse=True)
def clean():
    def drop():
        with connect() as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE')
            for name in (LOGIN, EDITOR, VIEWER):
                if role_exists(conn, name):
                    conn.execute(f'DROP OWNED BY "{name}"')
                conn.execute(f'DROP ROLE IF EXISTS "{name}"')

    drop()
    with connect() as conn:
        conn.execute(f'CREATE SCHEMA "{SCHEMA}"')
        conn.execute(f'CREATE TABLE "{SCHEMA}".t (id int)')
    yield
    drop()


def role_exists(conn, name):
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()


def test_password_is_sent_encrypted():
    with connect() as conn:
        RoleManager.create_login_role(conn, LOGIN, password="s3cret'; DROP TABLE x; --", commit=True)
        stored = conn.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (LOGIN,)
        ).fetchone()[0]
    assert stored.startswith(("SCRAM-SHA-256$", "md5")), stored
    assert "s3cret" not in stored


def test_without_commit_the_callers_transaction_decides():
    with connect() as conn:
        manager().create_roles(conn, grant=True)
        assert role_names(conn) == sorted([EDITOR, VIEWER])
        conn.rollback()
        assert role_names(conn) == []


def test_server_error_is_psycopgs_class_and_the_hint_names_the_python_flag():
    with connect() as conn:
        manager().create_roles(conn, commit=True)
        conn.execute(f'CREATE TABLE "{SCHEMA}".owned (id int)')
        conn.execute(f'ALTER TABLE "{SCHEMA}".owned OWNER TO "{EDITOR}"')
        conn.commit()
        with pytest.raises(psycopg.errors.DependentObjectsStillExist) as caught:
            manager().drop_roles(conn, roles=[EDITOR], commit=True)
        assert "force=True" in str(caught.value)
        conn.rollback()
        manager().drop_roles(conn, roles=[EDITOR], force=True, commit=True)
        assert role_names(conn) == [VIEWER]


def test_unknown_role_and_missing_user_are_pums_refusals():
    with connect() as conn:
        with pytest.raises(PumException, match="Unknown role"):
            manager().drop_roles(conn, roles=["nobody_here"])
        conn.rollback()
        manager().create_roles(conn, commit=True)
        with pytest.raises(PumException, match=LOGIN):
            manager().grant_to(conn, to=LOGIN)
        conn.rollback()


def test_drop_login_role_refuses_a_configured_role():
    with connect() as conn:
        manager().create_roles(conn, commit=True)
        with pytest.raises(PumException, match="cannot log in"):
            RoleManager.drop_login_role(conn, VIEWER, commit=True)
        conn.rollback()
        assert role_names(conn) == sorted([EDITOR, VIEWER])


def test_role_create_and_permission_grant():
    viewer = Role(VIEWER, [Permission(PermissionType.READ, [SCHEMA])])
    editor = Role(EDITOR, [{"type": "write", "schemas": [SCHEMA]}], inherit=viewer)
    with connect() as conn:
        assert not viewer.exists(conn)
        viewer.create(conn, commit=True)
        editor.create(conn, grant=True, commit=True)
        assert viewer.exists(conn) and editor.exists(conn)
        member = conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", (EDITOR, VIEWER)).fetchone()
        assert member[0]
        can = conn.execute(
            "SELECT has_table_privilege(%s, %s, 'INSERT'), has_table_privilege(%s, %s, 'SELECT')",
            (EDITOR, f"{SCHEMA}.t", VIEWER, f"{SCHEMA}.t"),
        ).fetchone()
        assert can == (True, False)
        Permission("read", [SCHEMA]).grant(VIEWER, conn, commit=True)
        can = conn.execute(
            "SELECT has_table_privilege(%s, %s, 'SELECT')", (VIEWER, f"{SCHEMA}.t")
        ).fetchone()
        assert can[0]


def test_inventory_reports_what_the_database_holds():
    with connect() as conn:
        manager().create_roles(conn, grant=True, commit=True)
        RoleManager.create_login_role(conn, LOGIN, commit=True)
        manager().grant_to(conn, to=LOGIN, roles=[VIEWER], commit=True)
        inventory = manager().roles_inventory(conn)
    by_name = {r.name: r for r in inventory.roles}
    assert inventory.missing_roles == []
    assert by_name[EDITOR].granted_to == [VIEWER]
    assert [(s.schema, s.expected, s.satisfied) for s in by_name[EDITOR].schema_permissions] == [
        (SCHEMA, PermissionType.WRITE, True)
    ]
    assert LOGIN in {r.name for r in inventory.grantee_roles}
    assert LOGIN not in inventory.other_login_roles


def test_inherit_must_come_first():
    with pytest.raises(ValueError):
        RoleManager([{"name": EDITOR, "inherit": VIEWER, "permissions": []}])
    with pytest.raises(TypeError):
        RoleManager("not a list")
