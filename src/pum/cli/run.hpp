#pragma once

namespace pum::cli {

// The whole command line program: parses argv, runs the command, prints errors once.
// Returns the process exit code (0 ok, 1 failure, 2 usage error).
int run(int argc, char** argv);

}  // namespace pum::cli
