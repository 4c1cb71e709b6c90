#pragma once
// `pum fleet ACTION`: one command over many targets (docs/fleet.md).
#include "pum/cli/command_table.hpp"

namespace pum::cli {

// Whether the command word of argv is `fleet` (option values skipped as run.cpp does): -p is
// not required then, a targets file gives each target its own connection.
bool names_fleet_command(int argc, char** argv);

}  // namespace pum::cli
