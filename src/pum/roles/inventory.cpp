#include "pum/roles/inventory.hpp"

#include <algorithm>
#include <set>

#include "pum/roles/targets.hpp"

namespace pum::roles {

namespace {

template <typename T>
bool contains(const std::vector<T>& items, const T& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

std::vector<std::string> parents_of(const Facts& facts, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& [member, role] : facts.memberships) {
    if (member == name && !contains(out, role)) out.push_back(role);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> usage_of(const Facts& facts, const std::vector<std::string>& order,
                                  const std::string& name) {
  std::vector<std::string> out;
  for (const auto& schema : order) {
    for (const auto& [role, s] : facts.usage) {
      if (role == name && s == schema) {
        out.push_back(schema);
        break;
      }
    }
  }
  return out;
}

RoleStatus status_of(const Match& match, const DbRole& db, const Facts& facts,
                     bool held_by_variants) {
  RoleStatus status{match.name,   match.role->name,
                    match.suffix, db.login,
                    db.superuser, parents_of(facts, match.name),
                    {},           true};
  for (const auto& permission : match.role->permissions) {
    for (const auto& schema : permission.schemas) {
      auto it = std::find_if(status.schemas.begin(), status.schemas.end(),
                             [&](const SchemaStatus& s) { return s.name == schema; });
      if (it == status.schemas.end()) {
        SchemaStatus s;
        s.name = schema;
        s.exists = contains(facts.existing_schemas, schema);
        s.held_by_variants = held_by_variants;
        if (auto a = facts.access.find({match.name, schema}); a != facts.access.end()) {
          s.actual = a->second;
        }
        status.schemas.push_back(s);
        it = status.schemas.end() - 1;
      }
      if (permission.type == config::PermissionType::read) it->expect_read = true;
      if (permission.type == config::PermissionType::write) it->expect_write = true;
    }
  }
  for (auto& s : status.schemas) {
    if (s.held_by_variants) {
      s.satisfied = true;
    } else {
      s.satisfied =
          s.exists && (!s.expect_read || s.actual.read) && (!s.expect_write || s.actual.write);
    }
    status.satisfied = status.satisfied && s.satisfied;
  }
  return status;
}

}  // namespace

std::vector<std::string> configured_schemas(const config::Config& config) {
  std::vector<std::string> schemas;
  for (const auto& role : config.roles) {
    for (const auto& permission : role.permissions) {
      for (const auto& schema : permission.schemas) {
        if (!contains(schemas, schema)) schemas.push_back(schema);
      }
    }
  }
  return schemas;
}

std::vector<Match> match_roles(const config::Config& config, const std::vector<DbRole>& roles) {
  std::vector<Match> generic;
  std::vector<Match> variants;
  for (const auto& db : roles) {
    auto m = configured_role_of(config, db.name);
    if (!m) continue;
    (m->suffix ? variants : generic).push_back(Match{db.name, m->role, m->suffix});
  }
  std::vector<Match> out;
  for (const auto& role : config.roles) {
    for (const auto& m : generic) {
      if (m.role == &role) out.push_back(m);
    }
    std::vector<Match> mine;
    for (const auto& m : variants) {
      if (m.role == &role) mine.push_back(m);
    }
    std::sort(mine.begin(), mine.end(),
              [](const Match& a, const Match& b) { return a.name < b.name; });
    out.insert(out.end(), mine.begin(), mine.end());
  }
  return out;
}

std::size_t Inventory::unsatisfied() const {
  return static_cast<std::size_t>(
      std::count_if(roles.begin(), roles.end(), [](const RoleStatus& r) { return !r.satisfied; }));
}

std::size_t Inventory::variants() const {
  return static_cast<std::size_t>(std::count_if(
      roles.begin(), roles.end(), [](const RoleStatus& r) { return r.suffix.has_value(); }));
}

Inventory build_inventory(const config::Config& config, const Facts& facts,
                          const std::vector<Match>& matches, bool include_superusers) {
  Inventory inv;
  inv.module = config.module;
  inv.configured = config.roles.size();
  const std::vector<std::string> schemas = configured_schemas(config);
  for (const auto& schema : schemas) {
    inv.schemas.emplace_back(schema, contains(facts.existing_schemas, schema));
  }

  std::map<std::string, DbRole> by_name;
  for (const auto& db : facts.roles) by_name[db.name] = db;
  std::set<std::string> matched;
  for (const auto& m : matches) matched.insert(m.name);

  for (const auto& m : matches) {
    const bool held_by_variants =
        !m.suffix && std::any_of(matches.begin(), matches.end(), [&](const Match& other) {
          return other.role == m.role && other.suffix.has_value();
        });
    inv.roles.push_back(status_of(m, by_name[m.name], facts, held_by_variants));
  }
  for (const auto& role : config.roles) {
    const bool found = std::any_of(matches.begin(), matches.end(),
                                   [&](const Match& m) { return m.role == &role; });
    if (!found) inv.missing.push_back(role.name);
  }

  for (const auto& db : facts.roles) {
    if (matched.count(db.name) != 0) continue;
    if (db.superuser && !include_superusers) continue;
    OtherRole other{db.name, db.login, db.superuser, parents_of(facts, db.name),
                    usage_of(facts, schemas, db.name)};
    const bool grantee = std::any_of(other.member_of.begin(), other.member_of.end(),
                                     [&](const std::string& p) { return matched.count(p) != 0; });
    if (grantee) {
      inv.grantees.push_back(std::move(other));
    } else if (!other.schemas.empty()) {
      inv.others.push_back(std::move(other));
    } else if (db.login && !db.superuser) {
      inv.other_logins.push_back(std::move(other));
    }
  }
  return inv;
}

}  // namespace pum::roles
