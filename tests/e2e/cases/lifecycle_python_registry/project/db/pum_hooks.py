from pum.hooks import HookContext, HookRegistry, get_registered_hooks

registry = HookRegistry()


def my_hook(context: HookContext) -> None:
    context.connection.execute(
        "INSERT INTO public.hook_log VALUES (%s, %s)",
        (context.event, context.migration.version),
    )


registry.register('pre_execute', my_hook)
registry.register('post_execute', my_hook)


def show(context: HookContext) -> None:
    hooks = get_registered_hooks()
    context.connection.execute("INSERT INTO public.hook_log VALUES (%s, NULL)", (context.event,))
    print({event: [f.__name__ for f in functions] for event, functions in hooks.items() if functions})


HookRegistry().register('post_complete', show)
