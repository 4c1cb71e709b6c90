"""pum 1.8's pum.parameter: ParameterType is real; ParameterDefinition is read by pum itself."""

import enum

from ._unavailable import unavailable_class


class ParameterType(enum.Enum):
    """The types a parameter of .pum.yaml may declare."""

    BOOLEAN = "boolean"
    INTEGER = "integer"
    TEXT = "text"
    DECIMAL = "decimal"
    PATH = "path"

    def __str__(self):
        return self.value


ParameterDefinition = unavailable_class("ParameterDefinition", "parameter")
