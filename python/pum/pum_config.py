"""pum 1.8's pum.pum_config: its names import; pum reads .pum.yaml itself."""

from ._unavailable import unavailable_class

PumConfig = unavailable_class("PumConfig", "pum_config")
