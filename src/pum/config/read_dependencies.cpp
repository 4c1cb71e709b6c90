// `dependencies:` — Python distributions that Python hooks need, with inclusive PEP 440 bounds.
#include <fmt/format.h>

#include "pum/changelog/version.hpp"
#include "pum/config/fields.hpp"
#include "pum/config/sections.hpp"

namespace pum::config::detail {

namespace {

const KeyTable& dependency_keys() {
  static const KeyTable table{
      "in a dependency",
      {
          {.name = "name",
           .required = true,
           .missing_hint = "add 'name: <distribution>', the name pip installs it by"},
          {.name = "minimum_version"},
          {.name = "maximum_version"},
      }};
  return table;
}

std::optional<Version> read_bound(const YamlDocument& doc, const Fields& fields,
                                  std::string_view name, std::optional<std::string>& text) {
  const Field* field = fields.find_set(name);
  if (field == nullptr) return std::nullopt;
  text = read_scalar_text(doc, *field);
  auto version = Version::parse(*text);
  if (!version) {
    throw doc.error(field->at(), version.error().message())
        .hint("write a PEP 440 version such as 3.0.0");
  }
  return *version;
}

}  // namespace

std::vector<Dependency> read_dependencies(const YamlDocument& doc, const Field& field) {
  std::vector<Dependency> dependencies;
  for (const YAML::Node& item : read_list(doc, field)) {
    const Fields fields =
        read_mapping(doc, item, dependency_keys(), "each entry of 'dependencies'");
    Dependency dependency;
    dependency.mark = doc.mark(item);
    dependency.name = read_nonempty_string(doc, *fields.find("name"));
    auto minimum = read_bound(doc, fields, "minimum_version", dependency.minimum_version);
    auto maximum = read_bound(doc, fields, "maximum_version", dependency.maximum_version);
    if (minimum && maximum && *maximum < *minimum) {
      throw doc
          .error(fields.find("maximum_version")->at(),
                 fmt::format("maximum_version {} of dependency '{}' is lower than its "
                             "minimum_version {}",
                             *dependency.maximum_version, dependency.name,
                             *dependency.minimum_version))
          .hint("swap the two bounds, or correct one of them (both are inclusive)");
    }
    dependencies.push_back(std::move(dependency));
  }
  return dependencies;
}

}  // namespace pum::config::detail
