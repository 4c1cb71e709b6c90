#pragma once
// `_pum_native`, the built-in module through which the `pum` package reaches pum itself:
//   render_text(sql) / render_file(path) -> (statements, None) | (None, (message, hints))
//       `{name}` rendering with pum's own renderer and the running hook's parameters;
//   split_file(path) -> the same, the statements of the file checked but left unrendered;
//   ends_transaction(sql) -> "COMMIT" | None    what would end pum's transaction;
//   log(level, message), log_enabled(level)     pum's log (pum::log::Level values).
#include "pum/hooks/embed/py_ref.hpp"
#include "pum/hooks/python_plugin.hpp"

namespace pum::hooks::embed {

inline constexpr const char* kNativeModule = "_pum_native";

// Registers the module with the interpreter: call before Py_Initialize.
bool register_native_module(plugin::Host* host);
// Same, into a running interpreter (sys.modules): the Python API's in-process hooks.
bool install_native_module(plugin::Host* host);

}  // namespace pum::hooks::embed
