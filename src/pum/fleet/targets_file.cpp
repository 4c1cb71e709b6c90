#include "pum/fleet/targets_file.hpp"

#include <fmt/format.h>

#include <cctype>
#include <set>

#include "pum/config/error_collector.hpp"
#include "pum/config/key_table.hpp"
#include "pum/config/yaml_document.hpp"
#include "pum/db/connection.hpp"
#include "pum/util/source_text.hpp"

namespace pum::fleet {

void merge_pairs(Pairs& base, const Pairs& extra) {
  for (const auto& [name, value] : extra) {
    bool replaced = false;
    for (auto& [have, old] : base) {
      if (have == name) {
        old = value;
        replaced = true;
      }
    }
    if (!replaced) base.emplace_back(name, value);
  }
}

namespace {

using config::Field;
using config::Fields;
using config::KeyTable;
using config::YamlDocument;

const KeyTable kTop{"at the top level of a targets file", {{"defaults"}, {"targets", {}, true}}};
const KeyTable kDefaults{"in 'defaults'", {{"parameters"}, {"env"}, {"environment"}}};
const KeyTable kTarget{"in a target",
                       {{"name"},
                        {"pg", {}, true, "give its connection: a service name, conninfo or URI"},
                        {"schema"},
                        {"module"},
                        {"parameters"},
                        {"env"},
                        {"environment"}}};

// A scalar value as the command line would carry it; a mapping or a list is refused.
std::string scalar_text(const YamlDocument& doc, const Field& field) {
  if (field.is_null() || !field.value.IsScalar()) {
    throw doc.error(field.at(), fmt::format("{} must be a single value, found {}", field.quoted(),
                                            config::describe_node(doc, field.value)));
  }
  return field.value.Scalar();
}

// `NAME: value` pairs of a mapping (parameters, environment variables).
Pairs read_pairs(const YamlDocument& doc, const Field& field, bool variable_names) {
  if (!field.value.IsMap()) {
    throw doc.error(field.at(),
                    fmt::format("{} must be a mapping of names to values, found {}", field.quoted(),
                                config::describe_node(doc, field.value)));
  }
  Pairs out;
  std::set<std::string> seen;
  for (auto it = field.value.begin(); it != field.value.end(); ++it) {
    const YAML::Node key = it->first;
    const YAML::Node value = it->second;
    if (!key.IsScalar()) {
      throw doc.error(key, fmt::format("a name in {} must be text, found {}", field.quoted(),
                                       config::describe_node(doc, key)));
    }
    const std::string& name = key.Scalar();
    if (variable_names) {
      const bool valid =
          !name.empty() &&
          (std::isalpha(static_cast<unsigned char>(name[0])) != 0 || name[0] == '_') &&
          name.find_first_not_of(
              "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") ==
              std::string::npos;
      if (!valid) {
        throw doc.error(key, fmt::format("'{}' is not an environment variable name", name))
            .hint("letters, digits and underscores, not starting with a digit");
      }
    }
    if (!seen.insert(name).second) {
      throw doc.error(key, fmt::format("'{}' is set twice in {}", name, field.quoted()));
    }
    if (!value.IsDefined() || value.IsNull()) {
      throw doc.error(key, fmt::format("'{}' in {} has no value", name, field.quoted()));
    }
    if (!value.IsScalar()) {
      throw doc.error(value, fmt::format("'{}' in {} must be a single value, found {}", name,
                                         field.quoted(), config::describe_node(doc, value)));
    }
    out.emplace_back(name, value.Scalar());
  }
  return out;
}

struct Common {
  Pairs parameters;
  std::optional<std::string> env;
  Pairs environment;
};

void read_common(const YamlDocument& doc, const Fields& fields, Common& into) {
  auto* collector = config::ErrorCollector::active();
  auto attempt = [&](auto&& step) {
    if (collector != nullptr) {
      collector->attempt(step);
    } else {
      step();
    }
  };
  if (const Field* f = fields.find_set("parameters")) {
    attempt([&] { merge_pairs(into.parameters, read_pairs(doc, *f, false)); });
  }
  if (const Field* f = fields.find_set("env")) attempt([&] { into.env = scalar_text(doc, *f); });
  if (const Field* f = fields.find_set("environment")) {
    attempt([&] { merge_pairs(into.environment, read_pairs(doc, *f, true)); });
  }
}

Target read_target(const YamlDocument& doc, const YAML::Node& node, const Common& defaults) {
  Target target;
  target.parameters = defaults.parameters;
  target.env = defaults.env;
  target.environment = defaults.environment;
  if (node.IsScalar()) {
    target.pg_connection = node.Scalar();
    if (target.pg_connection.empty()) throw doc.error(node, "a target's connection is empty");
    target.name = db::redact_conninfo(target.pg_connection);
    return target;
  }
  if (!node.IsMap()) {
    throw doc.error(node, fmt::format("a target must be a connection (text) or a mapping with "
                                      "'pg:', found {}",
                                      config::describe_node(doc, node)));
  }
  Fields fields = config::read_mapping(doc, node, kTarget, "a target");
  Common own;
  read_common(doc, fields, own);
  merge_pairs(target.parameters, own.parameters);
  if (own.env) target.env = own.env;
  merge_pairs(target.environment, own.environment);
  if (const Field* f = fields.find("pg")) target.pg_connection = scalar_text(doc, *f);
  if (target.pg_connection.empty()) {
    throw doc.error(fields.find("pg")->at(), "'pg' is empty")
        .hint("give the target's connection: a service name, conninfo or URI");
  }
  if (const Field* f = fields.find_set("schema")) target.schema = scalar_text(doc, *f);
  if (const Field* f = fields.find_set("module")) target.module = scalar_text(doc, *f);
  if (const Field* f = fields.find_set("name")) {
    target.name = scalar_text(doc, *f);
    if (target.name.empty()) throw doc.error(f->at(), "'name' is empty");
  } else {
    target.name = db::redact_conninfo(target.pg_connection);
    if (!target.schema.empty()) target.name += "/" + target.schema;
  }
  return target;
}

}  // namespace

std::vector<Target> parse_targets(std::string text, const std::string& display) {
  const YamlDocument doc = YamlDocument::parse(std::move(text), display);
  if (!doc.root().IsDefined() || doc.root().IsNull()) {
    throw Error(fmt::format("{}: the targets file is empty", display))
        .hint("list the targets under 'targets:' (docs/fleet.md)");
  }
  std::vector<Target> targets;
  config::ErrorCollector collector;
  Fields top = config::read_mapping(doc, doc.root(), kTop, "the targets file");
  Common defaults;
  if (const Field* f = top.find_set("defaults")) {
    collector.attempt([&] {
      Fields fields = config::read_mapping(doc, *f, kDefaults);
      read_common(doc, fields, defaults);
    });
  }
  const Field* list = top.find("targets");
  if (list != nullptr) {
    collector.attempt([&] {
      if (list->is_null() || !list->value.IsSequence() || list->value.size() == 0) {
        throw doc.error(list->at(), fmt::format("'targets' must be a list of one or more "
                                                "targets, found {}",
                                                list->value.IsSequence()
                                                    ? std::string("an empty list")
                                                    : config::describe_node(doc, list->value)));
      }
    });
  }
  if (list != nullptr && list->value.IsSequence()) {
    std::vector<std::pair<std::string, YAML::Node>> names;
    for (const auto& node : list->value) {
      collector.attempt([&] {
        Target target = read_target(doc, node, defaults);
        for (const auto& [name, at] : names) {
          if (name == target.name) {
            throw doc
                .error(node, fmt::format("two targets are named '{}' (the first at line {})", name,
                                         doc.mark(at).line))
                .hint("give each target its own 'name:'");
          }
        }
        names.emplace_back(target.name, node);
        targets.push_back(std::move(target));
      });
    }
  }
  collector.throw_if_any();
  return targets;
}

std::vector<Target> load_targets_file(const std::filesystem::path& path,
                                      const std::string& display) {
  SourceText text = SourceText::read(path, display);
  return parse_targets(text.text(), display);
}

}  // namespace pum::fleet
