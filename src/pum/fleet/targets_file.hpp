#pragma once
// The targets file of `pum fleet` (YAML):
//
//   defaults:                      # optional; what every target starts from
//     parameters: {SRID: 2056}
//     env: production
//     environment: {PGSSLMODE: require}
//   targets:
//     - lausanne                   # a bare entry is its connection (service name, conninfo, URI)
//     - name: geneve
//       pg: "host=db2 dbname=geneve"
//       parameters: {SRID: 2056}
//       schema: tenant_a           # flat layout only
//
// Every mistake is reported at once, each at file:line:col, unknown keys with a did-you-mean.
#include <filesystem>
#include <string>
#include <vector>

#include "pum/fleet/target.hpp"

namespace pum::fleet {

// Reads and checks the file. Throws pum::Error (every mistake of the file in one error).
std::vector<Target> load_targets_file(const std::filesystem::path& path,
                                      const std::string& display);
// The same on text in memory (tests).
std::vector<Target> parse_targets(std::string text, const std::string& display);

}  // namespace pum::fleet
