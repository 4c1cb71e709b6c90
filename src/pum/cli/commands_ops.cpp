// Commands: db dump restore.
#include "pum/cli/command_table.hpp"

namespace pum::cli {

std::span<const Command> ops_commands() { return {}; }

}  // namespace pum::cli
