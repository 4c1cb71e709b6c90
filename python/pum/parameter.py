"""pum 1.8's pum.parameter: the declared parameters of a module (.pum.yaml `parameters:`)."""

import enum


class ParameterType(enum.Enum):
    """The types a parameter of .pum.yaml may declare."""

    BOOLEAN = "boolean"
    INTEGER = "integer"
    TEXT = "text"
    DECIMAL = "decimal"
    PATH = "path"

    def __str__(self):
        return self.value


class ParameterDefinition:
    """One declared parameter: name, type, default, description, allowed values, app_only."""

    def __init__(self, name, type, default=None, description=None, values=None, app_only=False):
        self.name = name
        if isinstance(type, ParameterType):
            self.type = type
        elif isinstance(type, str):
            try:
                self.type = ParameterType(type)
            except ValueError:
                raise ValueError(f"Parameter '{name}' has an invalid type: {type}. ") from None
        else:
            raise TypeError("type must be a str or ParameterType")
        self.default = default
        self.description = description
        self.values = values
        self.app_only = app_only

    def __repr__(self):
        return (
            f"ParameterDefinition({self.name}, type: {self.type}, default: {self.default}, "
            f"values: {self.values}, app_only: {self.app_only})"
        )

    def __eq__(self, other):
        if not isinstance(other, ParameterDefinition):
            return NotImplemented
        return (self.name, self.type, self.default, self.description, self.values, self.app_only) == (
            other.name,
            other.type,
            other.default,
            other.description,
            other.values,
            other.app_only,
        )

    __hash__ = None
