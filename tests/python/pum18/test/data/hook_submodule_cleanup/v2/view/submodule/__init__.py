"""Init file for view.submodule package v2."""
