// `demo_data:` — named sets of SQL files loaded by `install --demo-data NAME`.
#include <fmt/format.h>

#include "pum/config/fields.hpp"
#include "pum/config/sections.hpp"

namespace pum::config::detail {

namespace {

const KeyTable& demo_data_keys() {
  static const KeyTable table{
      "in a demo_data entry",
      {
          {.name = "name",
           .required = true,
           .missing_hint = "add 'name: <name>'; it is what 'install --demo-data' takes"},
          {.name = "file"},
          {.name = "files"},
      }};
  return table;
}

}  // namespace

std::vector<DemoData> read_demo_data(const YamlDocument& doc, const Field& field) {
  std::vector<DemoData> sets;
  for (const YAML::Node& item : read_list(doc, field)) {
    const Fields fields = read_mapping(doc, item, demo_data_keys(), "each entry of 'demo_data'");
    DemoData data;
    data.mark = doc.mark(item);
    const Field& name = *fields.find("name");
    data.name = read_nonempty_string(doc, name);
    for (const auto& seen : sets) {
      if (seen.name != data.name) continue;
      throw doc
          .error(name.at(), fmt::format("duplicate demo data '{}' (first declared at line {})",
                                        data.name, seen.mark.line))
          .hint("rename or remove one of them");
    }
    // As in pum, an empty `file` or `files` counts as not set.
    std::string file;
    if (const Field* f = fields.find_set("file")) file = read_string(doc, *f);
    std::vector<std::string> files;
    if (const Field* f = fields.find("files")) files = read_string_list(doc, *f, false);
    if (file.empty() == files.empty()) {
      throw doc.error(item, "Exactly one of 'file' or 'files' must be set in a demo data set.")
          .hint(file.empty() ? "add 'file: <path.sql>' or a 'files:' list"
                             : "keep either 'file' or 'files'; a single file can go in 'files'");
    }
    data.files = file.empty() ? std::move(files) : std::vector<std::string>{file};
    sets.push_back(std::move(data));
  }
  return sets;
}

}  // namespace pum::config::detail
