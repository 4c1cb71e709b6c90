# The examples of the migration-hooks guide, with `from pum.hooks import ...` as their import line.
# Differences, each said where it is: the validation hook connects with psycopg.connect() (the
# environment's PG* variables) instead of a URL naming a database after the environment; the
# integrity check reads through context.connection (pum's own connection, which sees the
# migration before it is committed; a connection of its own would not), with fetchone()[0]
# (psycopg's Cursor has no scalar()), and looks for 'users' in the migration's files (the name of
# a pum 1.x migration is its version).

from pum.hooks import register_hook, HookContext
from datetime import datetime
import psycopg
import os


@register_hook('pre_validate')
def check_database_accessible(context: HookContext) -> None:
    """Verify database connection before migration."""
    try:
        # Try to connect to database
        with psycopg.connect() as conn:
            conn.execute("SELECT 1")
        print("✅ Database is accessible")
    except Exception as e:
        raise RuntimeError(f"Cannot connect to database: {e}")


@register_hook('pre_execute')
def log_migration_start(context: HookContext) -> None:
    """Log when migration starts."""
    print(f"🚀 Starting: {context.migration.name}")
    context.metadata.setdefault("started", []).append(context.migration.version)


@register_hook('post_execute')
def audit_log_migration(context: HookContext) -> None:
    """Log migration to audit table."""

    # Skip if not in production
    if context.environment != "production":
        return

    # Connect to database
    with psycopg.connect() as conn:
        conn.execute(
            """
            INSERT INTO audit_migrations
            (version, name, applied_at, duration_ms, applied_by)
            VALUES (%s, %s, %s, %s, %s)
            """,
            (
                context.migration.version,
                context.migration.name,
                datetime.now(),
                context.duration_ms,
                os.getenv('USER', 'unknown')
            )
        )
        conn.commit()

    print(f"📝 Audit logged: {context.migration.name}")


@register_hook('post_execute')
def verify_data_integrity(context: HookContext) -> None:
    """Check data integrity after migration."""

    # Skip if not a users migration
    if not any('users' in file for file in context.migration.files):
        return

    conn = context.connection
    # Check for missing emails
    result = conn.execute(
        "SELECT COUNT(*) FROM users WHERE email IS NULL"
    )
    null_count = result.fetchone()[0]

    if null_count > 0:
        raise ValueError(f"Found {null_count} users with NULL emails")

    # Check for duplicate emails
    result = conn.execute(
        "SELECT COUNT(*) FROM users GROUP BY email HAVING COUNT(*) > 1"
    )
    dup_count = len(result.fetchall())

    if dup_count > 0:
        raise ValueError(f"Found {dup_count} duplicate email addresses")

    print("✅ Data integrity verified")


@register_hook('post_complete')
def notify_completion(context: HookContext) -> None:
    """Notify completion (the guide's Slack example, printed instead of posted)."""
    print(f"✅ {context.environment.upper()} migrations completed: "
          f"{', '.join(context.metadata.get('started', []))} "
          f"(status {context.status}, {type(context.duration_ms).__name__} ms)")


@register_hook('on_error')
def record_failure(context: HookContext) -> None:
    """After the rollback: keep a trace of the failed run."""
    error = context.error
    print(f"on_error: {type(error).__name__} sqlstate={error.sqlstate} status={context.status}")
    with psycopg.connect() as conn:
        conn.execute(
            "INSERT INTO failures (message, started) VALUES (%s, %s)",
            (str(error), ",".join(context.metadata.get("started", []))),
        )
        conn.commit()
    # pum's connection, in a transaction of the hooks' own that pum commits.
    context.connection.execute(
        "INSERT INTO failures (message, started) VALUES ('on pum''s connection', %s)",
        (context.status,),
    )
