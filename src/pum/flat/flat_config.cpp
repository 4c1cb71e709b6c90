#include "pum/flat/flat_config.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "pum/config/error_collector.hpp"
#include "pum/config/key_table.hpp"
#include "pum/config/yaml_document.hpp"

namespace fs = std::filesystem;

namespace pum::flat {

namespace {

const config::KeyTable kFlatKeys{
    "in the .pum.yaml of a flat directory",
    {{"layout", {}, true}, {"schema"}, {"module"}, {"migrations_table"}}};

std::optional<std::string> text_of(const config::YamlDocument& doc, const config::Fields& fields,
                                   std::string_view name) {
  const config::Field* f = fields.find_set(name);
  if (f == nullptr) return std::nullopt;
  if (!f->value.IsScalar() || f->value.Scalar().empty()) {
    throw doc.error(f->at(), fmt::format("{} must be a name, found {}", f->quoted(),
                                         config::describe_node(doc, f->value)));
  }
  return f->value.Scalar();
}

}  // namespace

bool declares_flat_layout(const fs::path& file) {
  try {
    const YAML::Node root = YAML::LoadFile(file.string());
    return root.IsMap() && root["layout"] && root["layout"].IsScalar() &&
           root["layout"].Scalar() == "flat";
  } catch (const YAML::Exception&) {
    return false;
  }
}

std::optional<FlatConfig> load_flat_config(const fs::path& dir, const std::string& dir_display) {
  const fs::path file = dir / ".pum.yaml";
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::nullopt;
  const std::string display = (fs::path(dir_display) / ".pum.yaml").lexically_normal().string();
  const config::YamlDocument doc = config::YamlDocument::load(file, display);
  config::ErrorCollector collector;
  FlatConfig out;
  collector.attempt([&] {
    const config::Fields fields =
        config::read_mapping(doc, doc.root(), kFlatKeys, "the configuration");
    if (const config::Field* f = fields.find("layout")) {
      if (!f->value.IsScalar() || f->value.Scalar() != "flat") {
        throw doc
            .error(f->at(),
                   "'layout' must be 'flat' here: this directory is run as a flat "
                   "directory of numbered .sql files")
            .hint(
                "remove 'layout' for a pum 1.x module (changelogs/ and the keys of "
                "docs/manual.md section 4)");
      }
    }
    collector.attempt([&] { out.schema = text_of(doc, fields, "schema"); });
    collector.attempt([&] { out.module = text_of(doc, fields, "module"); });
    collector.attempt([&] { out.migrations_table = text_of(doc, fields, "migrations_table"); });
  });
  collector.throw_if_any();
  return out;
}

}  // namespace pum::flat
