#pragma once
// A .pum.yaml that selects the flat layout for its directory and sets the defaults of its
// options (docs/layout-flat.md#a-pumyaml-for-a-flat-directory):
//
//   layout: flat
//   schema: billing              # --schema
//   module: billing              # --module
//   migrations_table: migrations # --migrations-table
//
// Options given on the command line win. Any other key is an error at file:line:col (with a
// did-you-mean): a pum 1.x key there means the file was meant for the other layout.
#include <filesystem>
#include <optional>
#include <string>

namespace pum::flat {

struct FlatConfig {
  std::optional<std::string> schema;
  std::optional<std::string> module;
  std::optional<std::string> migrations_table;
};

// Whether the file's top level says `layout: flat` (a cheap look, for choosing the command
// table: any problem with the file is left to the loader of the layout it selects).
bool declares_flat_layout(const std::filesystem::path& file);

// The checked options of a flat .pum.yaml; nullopt when `dir` has no .pum.yaml. Throws pum::Error
// at file:line:col for a mistake.
std::optional<FlatConfig> load_flat_config(const std::filesystem::path& dir,
                                           const std::string& dir_display);

}  // namespace pum::flat
