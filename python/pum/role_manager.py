"""pum 1.8's pum.role_manager: PermissionType is real; the rest is done by `pum role` and by
install/upgrade."""

import enum

from ._unavailable import unavailable_class


class PermissionType(enum.Enum):
    """The permissions a role of .pum.yaml may have on schemas."""

    READ = "read"
    WRITE = "write"


Permission = unavailable_class("Permission", "role_manager")
Role = unavailable_class("Role", "role_manager")
RoleInventory = unavailable_class("RoleInventory", "role_manager")
RoleManager = unavailable_class("RoleManager", "role_manager")
RoleStatus = unavailable_class("RoleStatus", "role_manager")
SchemaPermissionStatus = unavailable_class("SchemaPermissionStatus", "role_manager")
