#pragma once
// Demo data: after the install commit, in separately committed steps, as pum 1.8:
// 1. the drop hooks (unless --skip-drop-app), 2. the set's files in listed order, 3. the create
// hooks (unless --skip-create-app), 4. the grants of the configured roles (unless --skip-grant).
// Every file is read and checked before step 1 commits anything; files are streamed
// (demo_data_file.hpp), so their size does not matter.
#include <optional>
#include <string>

#include "pum/config/config.hpp"
#include "pum/db/connection.hpp"
#include "pum/params/value.hpp"

namespace pum::run {

struct DemoOptions {
  bool skip_drop_app = false;
  bool skip_create_app = false;
  bool skip_grant = false;
};

// The set of that name; nullptr when name is empty; throws pum::Error for an unknown name
// (checked before the install starts).
const config::DemoData* find_demo_data(const config::Config& config,
                                       const std::optional<std::string>& name);

void load_demo_data(db::Connection& conn, const config::Config& config,
                    const config::DemoData& demo, const Parameters& params,
                    const DemoOptions& options);

}  // namespace pum::run
