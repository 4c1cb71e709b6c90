# Lifecycle hooks of a flat migrations directory: found beside the .sql files.
from pum.hooks import register_hook, HookContext


@register_hook('pre_execute')
def audit_start(context: HookContext) -> None:
    context.connection.execute(
        "INSERT INTO public.audit (event, name, env) VALUES ('pre_execute', %s, %s)",
        (context.migration.name, context.environment),
    )


@register_hook('post_execute')
def audit_done(context: HookContext) -> None:
    context.connection.execute(
        "INSERT INTO public.audit (event, name, env, duration_ms) VALUES ('post_execute', %s, %s, %s)",
        (context.migration.name, context.environment, context.duration_ms),
    )
    context.metadata.setdefault("applied", []).append(context.migration.name)


@register_hook('post_complete')
def report(context: HookContext) -> None:
    print(f"post_complete: {context.status}, applied {','.join(context.metadata['applied'])}")


@register_hook('post_rollback')
def audit_undone(context: HookContext) -> None:
    context.connection.execute(
        "INSERT INTO public.audit (event, name, env) VALUES ('post_rollback', %s, %s)",
        (context.migration.name, context.environment),
    )
