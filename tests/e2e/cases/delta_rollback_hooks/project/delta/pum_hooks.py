# Lifecycle hooks of a pum 0.x delta directory (the first --dir): one audit row per event.
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
        "INSERT INTO public.audit (event, name, env) VALUES ('post_execute', %s, %s)",
        (context.migration.name, context.environment),
    )


@register_hook('post_rollback')
def audit_undone(context: HookContext) -> None:
    context.connection.execute(
        "INSERT INTO public.audit (event, name, env) VALUES ('post_rollback', %s, %s)",
        (context.migration.name, context.environment),
    )
