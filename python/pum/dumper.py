"""pum 1.8's pum.dumper: DumpFormat is real; Dumper is done by `pum dump` and `pum restore`."""

import enum

from ._unavailable import unavailable_class


class DumpFormat(enum.Enum):
    """The formats of `pum dump`."""

    CUSTOM = "custom"
    PLAIN = "plain"


Dumper = unavailable_class("Dumper", "dumper")
