#pragma once
// One target of a fleet run: where to connect and what differs from the other targets. A run
// over many targets is the same single-target run repeated with these values (docs/fleet.md).
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pum::fleet {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct Target {
  std::string name;                // how the table and the logs name it
  std::string pg_connection;       // as -p: a service name, a conninfo or a URI
  std::string schema;              // flat layout: --schema (empty: none)
  std::string module;              // flat layout: --module (empty: the default)
  Pairs parameters;                // -p NAME VALUE of the command, in order
  std::optional<std::string> env;  // --env NAME given to lifecycle hooks
  Pairs environment;               // variables set in the target's process (PGSSLMODE=...)
};

// Adds `extra` to `base`: a name already in `base` takes the new value in place.
void merge_pairs(Pairs& base, const Pairs& extra);

}  // namespace pum::fleet
