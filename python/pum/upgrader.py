"""pum 1.8's pum.upgrader: its names import; `pum install` and `pum upgrade` do this work."""

from ._unavailable import unavailable_class

Upgrader = unavailable_class("Upgrader", "upgrader")
