#pragma once
// Python hooks (`file: something.py`), pum 1.x API: a class Hook whose ancestry has a class named
// HookBase with run_hook(self, connection, <declared parameters>) (or the same run_hook without
// self, or a module-level run_hook), run on the command's own connection and transaction
// (docs/python-hooks.md).
//
// The interpreter lives in a plugin (pum_python.so, see module.cmake and python_plugin.hpp) that is
// loaded and started on the first load_python_hook() only: SQL-only runs never load libpython.
// Built only when Python's headers are found; otherwise load_python_hook() says so
// (python_unavailable.cpp).
#include <filesystem>
#include <memory>

#include "pum/config/config.hpp"
#include "pum/db/connection.hpp"
#include "pum/params/value.hpp"

namespace pum::hooks {

class PythonHook;

// True when this build can run Python hooks.
bool python_available();

// True once the interpreter has been started in this process (it never is for SQL-only runs).
bool python_started();

// Where the plugin and the `pum` package are, in the build tree's layout (DIR/pum_python.so,
// DIR/python/pum). By default they are found beside the running binary; tests whose binary lives
// elsewhere point here. Call before the first load_python_hook().
void set_python_support_dir(const std::filesystem::path& dir);

// Checks the config's `dependencies:` (once per config file and process), then imports and
// checks the hook: class Hook, run_hook taking `connection`, its other arguments declared as
// parameters (those with a default value may be undeclared). Throws pum::Error located at the
// dependency or the hook's entry in .pum.yaml, or in the Python file (with its traceback).
std::shared_ptr<PythonHook> load_python_hook(const config::Config& config,
                                             const config::Hook& hook);

// Calls run_hook inside the open transaction, on a psycopg connection borrowing `conn`. Throws
// pum::Error with the hook's traceback when it raises, and when it ended the transaction, left it
// failed or lost the connection.
void run_python_hook(PythonHook& hook, db::Connection& conn, const Parameters& params);

}  // namespace pum::hooks
