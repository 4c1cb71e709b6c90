#pragma once

#include "pum/run/options.hpp"

namespace pum::cli {

// The whole command line program: parses argv, runs the command, prints errors once.
// Returns the process exit code (0 ok, 1 failure, 2 usage error). `on_versions` is told the
// versions before and after a command that changed them (fleet runs a target this way).
int run(int argc, char** argv, const run::VersionObserver& on_versions = {});

}  // namespace pum::cli
