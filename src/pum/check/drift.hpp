#pragma once
// pum drift: what was changed by hand in a database since pum installed it. The module's
// changelogs and hooks are installed into a scratch database, up to the version recorded in the
// database's pum_migrations table and with the parameters recorded there; the scratch database
// is then compared with the database (the same engine as `check`) and dropped.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "pum/check/compare_databases.hpp"
#include "pum/check/output.hpp"
#include "pum/config/config.hpp"
#include "pum/run/options.hpp"

namespace pum::check {

struct DriftOptions {
  Selection selection;
  OutputOptions output;
  // --scratch: the connection through which the scratch database is created and dropped; by
  // default the connection of -p (same server, same user).
  std::optional<std::string> scratch_connection;
  // --scratch-name: the name of the scratch database (it must not exist); by default
  // ScratchDatabase::make_name of the database's name.
  std::optional<std::string> scratch_name;
};

// Returns 0 without drift, 1 with drift. Throws pum::Error when the module is not installed or
// the scratch install fails.
int drift(const run::Global& global, const DriftOptions& options);

// The parameters recorded in pum_migrations as `-p NAME VALUE` texts for the declared
// parameters (null values and parameters not declared any more are left out: they take the
// config's default).
run::ParameterArgs recorded_parameters(const config::Config& config,
                                       const nlohmann::json& recorded);

}  // namespace pum::check
