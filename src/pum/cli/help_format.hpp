#pragma once
// The --help formatter: CLI11's, without its artefacts. An option repeated once per value
// (-p NAME VALUE, -N SCHEMA) says "(repeatable)" instead of "...", which CLI11 shows for both
// that and an option taking several values after one flag (--roles R ...); "Excludes:" and
// "Needs:" are left out (the description says it where it matters).
#include <CLI/CLI.hpp>
#include <memory>

namespace pum::cli {

std::shared_ptr<CLI::Formatter> help_formatter();

}  // namespace pum::cli
