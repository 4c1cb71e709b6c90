#pragma once
// The command line as argparse (pum 1.x) reads it, brought to what CLI11 accepts: a unique prefix
// of a long option (`--pg-conn`, `--max-ver`, `--config` for `--config_file`) is expanded to the
// option's full name, in the scope it is typed in (the global options before the command, the
// command's own after it). An ambiguous prefix and an unknown long option are usage errors.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace pum::cli {

struct NormalisedArgs {
  std::vector<std::string> args;  // without argv[0], in the order typed
  std::string error;              // a usage error ("" when none)
  std::string hint;               // said after the usage error CLI11 or we report ("" when none)
};

NormalisedArgs normalise_argv(CLI::App& app, int argc, char** argv);

}  // namespace pum::cli
