// Commands: role.
#include "pum/cli/command_table.hpp"

namespace pum::cli {

std::span<const Command> roles_commands() { return {}; }

}  // namespace pum::cli
