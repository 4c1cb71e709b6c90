from pum import HookBase


def create_view(connection):
    pass
