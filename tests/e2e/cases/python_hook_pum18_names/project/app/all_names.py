from pathlib import Path

from psycopg import sql

import pum
from pum import (
    SQL,
    VERSION,
    Changelog,
    Checker,
    CursorResult,
    DependencyHandler,
    DumpFormat,
    Dumper,
    Feedback,
    HookBase,
    HookHandler,
    LogFeedback,
    ParameterDefinition,
    ParameterType,
    Permission,
    PermissionType,
    PumConfig,
    Role,
    RoleInventory,
    RoleManager,
    RoleStatus,
    SchemaMigrations,
    SchemaPermissionStatus,
    SilentFeedback,
    SqlContent,
    Upgrader,
    __version__,
    configure_database_connect_access,
    create_database,
    drop_database,
    get_database_connect_access,
)
from pum.exceptions import (
    PgDumpCommandError,
    PgDumpFailed,
    PgRestoreCommandError,
    PgRestoreFailed,
    PumConfigError,
    PumDependencyError,
    PumException,
    PumHookError,
    PumInvalidChangelog,
    PumSchemaMigrationError,
    PumSchemaMigrationNoBaselineError,
    PumSqlError,
)



def log(connection, message):
    SqlContent("INSERT INTO pum_test_data.hook_log (message) VALUES ({message})").execute(
        connection, parameters={"message": sql.Literal(message)}
    )


class Hook(HookBase):
    def run_hook(self, connection, srid):
        SqlContent("CREATE TABLE pum_test_data.from_sql_content (id int, label text)").execute(
            connection=connection
        )
        SqlContent("INSERT INTO {table} (id, label) VALUES ({id}, {label})").execute(
            connection=connection,
            parameters={
                "table": sql.Identifier("pum_test_data", "from_sql_content"),
                "id": sql.Literal(srid),
                "label": "a plain value",
            },
        )
        rows = SqlContent(Path(__file__).parent / "rows.sql")
        assert rows.validate(SqlContent.prepare_parameters({"n": 2}))
        rows.execute(connection, parameters=SqlContent.prepare_parameters({"n": 2}))
        result = SqlContent("SELECT count(*) FROM pum_test_data.from_sql_content").execute(
            connection
        )
        assert isinstance(result, CursorResult)
        log(connection, f"rows: {result.fetchone()[0]}")

        log(connection, f"all: {len(pum.__all__)}, version {__version__} {VERSION}, SQL {SQL}")
        log(connection, f"enums: {ParameterType.INTEGER} {DumpFormat.PLAIN.value} "
                        f"{PermissionType.WRITE.value}")
        hierarchy = [
            issubclass(PumSchemaMigrationNoBaselineError, PumSchemaMigrationError),
            issubclass(PumSchemaMigrationError, PumException),
        ] + [
            issubclass(error, PumException)
            for error in (PgDumpCommandError, PgDumpFailed, PgRestoreCommandError,
                          PgRestoreFailed, PumConfigError, PumDependencyError, PumHookError,
                          PumInvalidChangelog, PumSqlError)
        ]
        log(connection, f"hierarchy: {all(hierarchy)}")
        manager = RoleManager([Role("r1", [Permission(PermissionType.READ, ["s"])])])
        inventory = RoleInventory(roles=[RoleStatus(name="x")], expected_roles=["r1"])
        status = SchemaPermissionStatus(schema="s", expected=None)
        log(connection, f"roles: {list(manager.roles)} {inventory.missing_roles} {status.satisfied}")
        # The native core on the hook's own connection, inside pum's transaction.
        found = manager.roles_inventory(connection)
        log(connection, f"inventory: {found.missing_roles} {RoleManager.members_of(connection, 'r1')}")
        log(connection, f"bound: {[cls.__module__ for cls in (Checker, DependencyHandler, Dumper)]}")
        try:
            SqlContent("SELECT 1").execute(connection, commit=True)
        except PumHookError as error:
            log(connection, f"commit: {error}")
        try:
            SqlContent("SELECT {missing}").execute(connection, parameters={})
        except PumSqlError as error:
            log(connection, f"missing: {error}")
