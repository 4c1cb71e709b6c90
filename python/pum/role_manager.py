"""pum 1.8's pum.role_manager: the roles and permissions of .pum.yaml, created, granted,
revoked, dropped and listed by pum's native core (src/pum/roles) on the caller's connection,
in its transaction; committed only with commit=True.

SQL errors reach the caller as psycopg's own exception classes (pum 1.8 lets them through);
pum's own refusals (an unknown role name, a role that does not exist where it must) as
PumException.
"""

import copy
import enum
import json
import logging
from dataclasses import dataclass, field

from . import _core
from .exceptions import PumException

logger = logging.getLogger(__name__)


class PermissionType(enum.Enum):
    """The permissions a role of .pum.yaml may have on schemas."""

    READ = "read"
    WRITE = "write"


class Permission:
    """A permission type on a list of schemas."""

    def __init__(self, type, schemas=None):
        self.type = type if isinstance(type, PermissionType) else PermissionType(type)
        self.schemas = list(schemas or [])

    def grant(self, role, connection, commit=False, feedback=None):
        """Grants this permission to the existing role `role`."""
        manager = RoleManager([Role(name=role, permissions=[self])])
        manager._native("roles_grant", connection, commit, feedback)

    def __repr__(self):
        return f"<Permission: {self.type.value} on {self.schemas}>"


class Role:
    """A role of .pum.yaml: its name, its permissions, the role it inherits, a description."""

    def __init__(self, name, permissions, *, inherit=None, description=None):
        self.name = name
        if isinstance(permissions, list) and all(isinstance(p, dict) for p in permissions):
            self._permissions = [Permission(**p) for p in permissions]
        elif isinstance(permissions, list) and all(isinstance(p, Permission) for p in permissions):
            self._permissions = permissions
        else:
            raise TypeError("permissions must be a list of dicts or of Permission instances")
        if inherit is not None and not isinstance(inherit, Role):
            raise TypeError("inherit must be a Role instance or None")
        self.inherit = inherit
        self.description = description

    def permissions(self):
        return self._permissions

    def all_permissions(self):
        """This role's permissions, then those of the roles it inherits, up the chain."""
        permissions = list(self._permissions)
        ancestor = self.inherit
        while ancestor is not None:
            permissions.extend(ancestor.permissions())
            ancestor = ancestor.inherit
        return permissions

    def exists(self, connection):
        return _core.call(lambda n: n.role_exists, _core.pgconn_address(connection), self.name)

    def create(self, connection, grant=False, commit=False, feedback=None):
        """Creates the role when it does not exist (with its description and its membership in
        the role it inherits, which must exist); grants its permissions when asked."""
        chain = []
        role = self
        while role is not None:
            chain.insert(0, role)
            role = role.inherit
        manager = RoleManager(chain)
        manager._native(
            "roles_create", connection, commit, feedback, [self.name], None, grant
        )

    def __repr__(self):
        return f"<Role: {self.name}>"


def _role_spec(role):
    return {
        "name": role.name,
        "description": role.description,
        "inherit": role.inherit.name if role.inherit is not None else None,
        "permissions": [
            {"type": p.type.value, "schemas": list(p.schemas)} for p in role.permissions()
        ],
    }


class RoleManager:
    """The configured roles, and what pum does with them on a database."""

    def __init__(self, roles=None):
        if roles is None:
            roles = []
        if isinstance(roles, list) and all(isinstance(r, dict) for r in roles):
            self.roles = {}
            for spec in copy.deepcopy(roles):
                parent = spec.get("inherit")
                if parent is not None:
                    if parent not in self.roles:
                        raise ValueError(
                            f"Role {spec.get('name')} inherits {parent}, which is not defined "
                            "before it: a role may only inherit a role listed earlier"
                        )
                    spec["inherit"] = self.roles[parent]
                self.roles[spec["name"]] = Role(**spec)
        elif isinstance(roles, list) and all(isinstance(r, Role) for r in roles):
            self.roles = {role.name: role for role in copy.deepcopy(roles)}
        else:
            raise TypeError("roles must be a list of dicts or of Role instances")
        for role in self.roles.values():
            if role.inherit is not None and role.inherit not in self.roles.values():
                raise ValueError(
                    f"Role {role.name} inherits {role.inherit.name}, which is not in the list"
                )
        self._handle = None

    def _config(self):
        """The roles as a configuration of the native core (built once)."""
        if self._handle is None:
            text = json.dumps(
                {"pum": {"module": "role_manager"}, "roles": [_role_spec(r) for r in self.roles.values()]}
            )
            self._handle = _core.call(
                lambda n: n.load_config_text, text, ".", "<RoleManager roles>"
            )
        return self._handle

    def _native(self, name, connection, commit, feedback, *args):
        sink = _core.LogSink("pum.role_manager", feedback)
        commit = commit or _core.autocommit(connection)
        address = _core.pgconn_address(connection)
        if feedback is not None and feedback.is_cancelled():
            raise PumException("Role operation cancelled by user")
        if commit and feedback is not None:
            feedback.lock_cancellation()
        _core.call_sql(lambda n: getattr(n, name), address, self._config(), *args, commit, sink,
                       sink.level)

    def create_roles(self, connection, *, suffix=None, grant=False, commit=False, feedback=None):
        """Creates the configured roles that do not exist. With `suffix`, also the
        database-specific roles `<name>_<suffix>` (which then hold the permissions, when
        grant=True; the generic ones are not granted and neither family is a member of the
        other)."""
        self._native("roles_create", connection, commit, feedback, None, suffix or None, grant)

    def grant_permissions(self, connection, commit=False, feedback=None):
        """Grants every configured role its own permissions."""
        self._native("roles_grant", connection, commit, feedback)

    def revoke_permissions(
        self, connection, *, roles=None, suffix=None, commit=False, feedback=None
    ):
        """Takes back from the roles (all, or those named; suffixed with `suffix`) their own and
        inherited permissions, and their memberships in configured roles."""
        self._native("roles_revoke", connection, commit, feedback, roles, suffix or None)

    def drop_roles(
        self, connection, *, roles=None, suffix=None, force=False, commit=False, feedback=None
    ):
        """Revokes, then drops the roles (all, or those named; suffixed with `suffix`). With
        force, what they own in this database is reassigned to the current user first."""
        self._native("roles_drop", connection, commit, feedback, roles, suffix or None, force)

    def grant_to(self, connection, *, to, roles=None, suffix=None, commit=False, feedback=None):
        """Makes `to` a member of the roles (all, or those named; suffixed with `suffix`)."""
        self._native("roles_grant_to", connection, commit, feedback, to, roles, suffix or None)

    def revoke_from(
        self, connection, *, from_role, roles=None, suffix=None, commit=False, feedback=None
    ):
        """Takes `from_role` out of the roles (all, or those named; suffixed with `suffix`)."""
        self._native(
            "roles_revoke_from", connection, commit, feedback, from_role, roles, suffix or None
        )

    @staticmethod
    def create_login_role(connection, name, *, password=None, commit=False):
        """Creates a LOGIN role. The password, when given, is encrypted by libpq before it is
        sent: the clear text reaches neither the server nor its statement log."""
        sink = _core.LogSink("pum.role_manager")
        _core.call_sql(
            lambda n: n.roles_create_login,
            _core.pgconn_address(connection),
            name,
            password or None,
            commit or _core.autocommit(connection),
            sink,
            sink.level,
        )

    @staticmethod
    def drop_login_role(connection, name, *, commit=False):
        """Drops a login role; nothing happens when it does not exist. Roles that cannot log in
        (the configured ones: drop_roles) and superusers are refused."""
        sink = _core.LogSink("pum.role_manager")
        _core.call_sql(
            lambda n: n.roles_drop_login,
            _core.pgconn_address(connection),
            name,
            commit or _core.autocommit(connection),
            sink,
            sink.level,
        )

    @staticmethod
    def login_roles(connection):
        """The roles that can log in and are not superusers (no pg_*), sorted."""
        return _core.call_sql(lambda n: n.roles_login_roles, _core.pgconn_address(connection))

    @staticmethod
    def members_of(connection, role_name):
        """The login roles that are members of `role_name`, sorted."""
        return _core.call_sql(
            lambda n: n.roles_members_of, _core.pgconn_address(connection), role_name
        )

    @staticmethod
    def memberships_of(connection, user_name):
        """The roles `user_name` is a direct member of, sorted."""
        return _core.call_sql(
            lambda n: n.roles_memberships_of, _core.pgconn_address(connection), user_name
        )

    def roles_inventory(self, connection, *, include_superusers=False):
        """The configured roles found in the database (under their own name or as
        database-specific variants) with their access per schema, the other roles that reach
        the configured schemas, and the login roles that reach none."""
        data = _core.call_sql(
            lambda n: n.roles_inventory,
            _core.pgconn_address(connection),
            self._config(),
            include_superusers,
        )

        def statuses(entries):
            return [
                SchemaPermissionStatus(
                    schema=s["schema"],
                    expected=PermissionType(s["expected"]) if s["expected"] else None,
                    has_read=s["has_read"],
                    has_write=s["has_write"],
                )
                for s in entries
            ]

        found = [
            RoleStatus(
                name=r["name"],
                role=self.roles.get(r["configured"]),
                suffix=r["suffix"],
                schema_permissions=statuses(r["schemas"]),
                granted_to=list(r["granted_to"]),
                superuser=r["superuser"],
                login=r["login"],
            )
            for r in data["roles"]
        ]
        others = [
            RoleStatus(
                name=r["name"],
                schema_permissions=statuses(r["schemas"]),
                granted_to=list(r["granted_to"]),
                superuser=r["superuser"],
                login=r["login"],
            )
            for r in data["unknown"]
        ]
        return RoleInventory(
            roles=found + others,
            expected_roles=list(data["expected"]),
            other_login_roles=list(data["other_login_roles"]),
        )


@dataclass
class SchemaPermissionStatus:
    """A role's access to one schema, against what the configuration expects."""

    schema: str
    expected: "PermissionType | None"
    has_read: bool = False
    has_write: bool = False

    @property
    def satisfied(self):
        if self.expected == PermissionType.READ:
            return self.has_read
        if self.expected == PermissionType.WRITE:
            return self.has_write
        return True


@dataclass
class RoleStatus:
    """A database role found by roles_inventory."""

    name: str
    role: "Role | None" = None
    suffix: str = ""
    schema_permissions: list = field(default_factory=list)
    granted_to: list = field(default_factory=list)
    superuser: bool = False
    login: bool = False

    @property
    def is_unknown(self):
        return self.role is None

    @property
    def is_suffixed(self):
        return self.suffix != ""

    @property
    def schemas(self):
        return [sp.schema for sp in self.schema_permissions]


@dataclass
class RoleInventory:
    """What roles_inventory found."""

    roles: list = field(default_factory=list)
    expected_roles: list = field(default_factory=list)
    other_login_roles: list = field(default_factory=list)

    @property
    def configured_roles(self):
        return [r for r in self.roles if not r.is_unknown]

    def _configured_names(self):
        return {r.name for r in self.roles if not r.is_unknown}

    @property
    def grantee_roles(self):
        """Roles not configured that are members of a configured role."""
        names = self._configured_names()
        return [r for r in self.roles if r.is_unknown and any(g in names for g in r.granted_to)]

    @property
    def unknown_roles(self):
        """Roles not configured that reach a configured schema otherwise."""
        names = self._configured_names()
        return [
            r for r in self.roles if r.is_unknown and not any(g in names for g in r.granted_to)
        ]

    @property
    def missing_roles(self):
        found = {r.role.name for r in self.configured_roles}
        return [name for name in self.expected_roles if name not in found]
