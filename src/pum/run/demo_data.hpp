#pragma once
// Demo data (spec §9): after the install commit, in separately committed steps: drop hooks,
// the set's files (processed like changelogs), create hooks.
#include <optional>
#include <string>

#include "pum/config/config.hpp"
#include "pum/db/connection.hpp"
#include "pum/params/value.hpp"

namespace pum::run {

struct DemoOptions {
  bool skip_drop_app = false;
  bool skip_create_app = false;
};

// The set of that name; nullptr when name is empty; throws pum::Error for an unknown name
// (checked before the install starts).
const config::DemoData* find_demo_data(const config::Config& config,
                                       const std::optional<std::string>& name);

void load_demo_data(db::Connection& conn, const config::Config& config,
                    const config::DemoData& demo, const Parameters& params,
                    const DemoOptions& options);

}  // namespace pum::run
