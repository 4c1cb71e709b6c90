#pragma once
// Turning what goes wrong in a Python hook into pum::Error: a Python exception (with the
// traceback of the user's code as CONTEXT lines and the location of its innermost frame), and a
// hook that ended pum's transaction, left it failed, or lost the connection. Pure: no Python here.
#include <libpq-fe.h>

#include <filesystem>
#include <optional>
#include <string>

#include "pum/hooks/python_plugin.hpp"
#include "pum/util/error.hpp"

namespace pum::hooks {

// `path` relative to module_dir and '/'-separated when it is inside it, else as it is.
std::string display_path(const std::filesystem::path& path,
                         const std::filesystem::path& module_dir);

// "<prefix><failure.message>" located at failure.where when set, else at the innermost frame of
// the traceback that lies in module_dir (the user's own code), else at the innermost frame; one
// CONTEXT line per frame ("app/hook.py:12 in run_hook: x = 1 / 0"), then the server's fields.
Error failure_to_error(const plugin::Failure& failure, const std::string& prefix,
                       const std::filesystem::path& module_dir);

// The error for a hook after which the transaction status is not what it was before (`before`
// is PQTRANS_INTRANS when pum runs hooks), or nullopt when it is.
std::optional<Error> transaction_problem(PGTransactionStatusType before,
                                         PGTransactionStatusType after,
                                         const std::string& hook_display);

}  // namespace pum::hooks
