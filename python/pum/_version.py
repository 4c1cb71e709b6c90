"""The pum 1.x behaviour level the native binary implements, as pum 1.8 exposes its version."""

__version__ = "1.8.0"


def parsed_version():
    """VERSION: a packaging.version.Version when `packaging` is installed, else the string."""
    try:
        from packaging.version import Version
    except ImportError:
        return __version__
    return Version(__version__)
