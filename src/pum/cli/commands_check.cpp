// Commands: check drift.
#include "pum/cli/command_table.hpp"

namespace pum::cli {

std::span<const Command> check_commands() { return {}; }

}  // namespace pum::cli
