#pragma once
// One row of the tracking table, independent of how it is stored.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace pum::history {

struct MigrationRow {
  std::string id;
  std::string date_installed;  // as the server prints it
  std::string module;          // empty when NULL (layout v1)
  std::string version;         // as stored (normalised by the writer)
  bool beta_testing = false;
  std::vector<std::string> changelog_files;
  nlohmann::json parameters = nlohmann::json::object();
  int migration_table_version = 0;
  std::optional<std::string> pum_version;
};

// What a run writes for one applied version (or a manual baseline).
struct NewRow {
  std::string module;
  std::string version;
  bool beta_testing = false;
  std::vector<std::string> changelog_files;
  nlohmann::json parameters = nlohmann::json::object();
};

}  // namespace pum::history
