from pum.hooks import HookContext


def log_migration(context: HookContext) -> None:
    print(f"Applying migration {context.migration.version}: {context.migration.name}")
    context.metadata["files"] = context.migration.files


def verify_schema(context: HookContext) -> None:
    """Writes on pum's own connection, inside pum's transaction."""
    with context.connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO public.hook_log VALUES (%s, %s, %s)",
            (context.event, context.migration.version,
             f"{context.environment} {context.status} {context.parameters['owner']} "
             f"{','.join(context.metadata['files'])}"),
        )
    print(f"✅ Completed: {context.migration.name}")
