"""pum 1.8's pum.checker: its names import; `pum check` does this work."""

from ._unavailable import unavailable_class

Checker = unavailable_class("Checker", "checker")
