#pragma once
// Python hooks (`file: something.py`), pum 1.x API (spec §7): a class Hook whose ancestry has a
// class named HookBase, run_hook(self, connection, <declared parameters>), run on the command's
// own connection and transaction. Built only when Python's headers are found; otherwise
// load_python_hook() says so (python_unavailable.cpp).
#include <memory>

#include "pum/config/config.hpp"
#include "pum/db/connection.hpp"
#include "pum/params/value.hpp"

namespace pum::hooks {

class PythonHook;

// True when this build can run Python hooks.
bool python_available();

// Imports and checks the hook (class, run_hook signature, its arguments declared as parameters).
// Throws pum::Error located at the hook's entry in .pum.yaml or in the Python file.
std::shared_ptr<PythonHook> load_python_hook(const config::Config& config,
                                             const config::Hook& hook);

// Calls run_hook inside the open transaction. Throws pum::Error with the hook's traceback.
void run_python_hook(PythonHook& hook, db::Connection& conn, const Parameters& params);

}  // namespace pum::hooks
