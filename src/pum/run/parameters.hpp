#pragma once
// The parameter set of a run: each declared parameter takes, in
// order of precedence, the command-line value, the value stored at install (non-app_only only),
// its default.
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "pum/config/config.hpp"
#include "pum/params/value.hpp"
#include "pum/run/options.hpp"

namespace pum::run {

struct ResolvedParameters {
  Parameters values;               // every declared parameter
  std::set<std::string> from_cli;  // names given with -p
};

// Throws pum::Error for an undeclared name ("Unknown parameter: X"), a value that does not fit
// the declared type, or a value not in `values`.
ResolvedParameters resolve_parameters(const config::Config& config, const ParameterArgs& cli,
                                      const nlohmann::json* stored);

// pum's consistency rule: a non-app_only parameter given on the command line must equal the
// value stored by the installation. Throws pum::Error naming both values otherwise.
void check_consistency(const config::Config& config, const ResolvedParameters& resolved,
                       const nlohmann::json* stored);

// Parameters without the app_only ones: what changelogs may use.
Parameters changelog_parameters(const config::Config& config, const Parameters& all);

}  // namespace pum::run
