#include "pum/hooks/python_runtime.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <libpq-fe.h>

#include <chrono>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pum/sql/forbidden.hpp"
#include "pum/sql/render.hpp"
#include "pum/sql/script.hpp"
#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"
#include "pum/util/source_text.hpp"

namespace pum::hooks::detail {

namespace {

namespace fs = std::filesystem;

struct SupportFiles {
  fs::path plugin;
  fs::path package_dir;
};

std::optional<fs::path>& support_dir_override() {
  static std::optional<fs::path> dir;
  return dir;
}

// The build tree's layout first (<dir>/pum-python/...), then an installation's: the directories
// cmake/packaging.cmake installs to, relative to bin/ (<prefix>/<libdir>/pum/pum_python.so and
// <prefix>/lib/python3/dist-packages/pum), then the older <prefix>/lib/pum + share/pum/python.
#ifndef PUM_INSTALLED_PLUGIN_DIR
#define PUM_INSTALLED_PLUGIN_DIR "../lib/pum"
#endif
#ifndef PUM_INSTALLED_PYTHON_DIR
#define PUM_INSTALLED_PYTHON_DIR "../lib/python3/dist-packages"
#endif
std::vector<SupportFiles> candidates() {
  if (const auto& dir = support_dir_override()) {
    return {{*dir / "pum_python.so", *dir / "python"}};
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  fs::path bin = exe.parent_path();
  return {
      {bin / "pum-python" / "pum_python.so", bin / "pum-python" / "python"},
      {(bin / PUM_INSTALLED_PLUGIN_DIR / "pum_python.so").lexically_normal(),
       (bin / PUM_INSTALLED_PYTHON_DIR).lexically_normal()},
      {(bin / ".." / "lib" / "pum" / "pum_python.so").lexically_normal(),
       (bin / ".." / "share" / "pum" / "python").lexically_normal()},
  };
}

struct RunningInterpreter {
  PumPythonPluginCreate attach = nullptr;
  std::string package_dir;
};
RunningInterpreter& running_interpreter() {
  static RunningInterpreter running;
  return running;
}

// Whether start() succeeded, and the error it threw otherwise (repeated on later calls).
Runtime* g_runtime = nullptr;
std::optional<Error>& start_error() {
  static std::optional<Error> error;
  return error;
}

// Statements that would end pum's transaction. SAVEPOINT, RELEASE and ROLLBACK TO (psycopg's
// `connection.transaction()` blocks) and BEGIN (a warning only, inside a transaction) are fine.
bool ends_the_transaction(const std::string& what) {
  auto starts = [&what](std::string_view prefix) { return what.rfind(prefix, 0) == 0; };
  if (starts("COMMIT PREPARED") || starts("ROLLBACK PREPARED")) return false;
  if (starts("ROLLBACK")) return what.find(" TO") == std::string::npos;
  return starts("COMMIT") || starts("END") || starts("ABORT") || starts("PREPARE TRANSACTION");
}

std::optional<std::string> transaction_ender(const sql::Script& script) {
  for (const auto& statement : script.statements) {
    auto what = sql::forbidden_statement(script, statement);
    if (what && ends_the_transaction(*what)) return what;
  }
  return std::nullopt;
}

}  // namespace

Runtime& Runtime::get() {
  if (g_runtime != nullptr) return *g_runtime;
  if (start_error()) throw *start_error();
  // Never destroyed: Python is not finalised at exit (hooks' objects may still refer to it).
  auto* runtime = new Runtime();
  try {
    runtime->start();
  } catch (const Error& e) {
    start_error() = e;
    delete runtime;
    throw;
  }
  g_runtime = runtime;
  return *g_runtime;
}

bool Runtime::started() { return g_runtime != nullptr; }

void Runtime::set_support_dir(std::filesystem::path dir) {
  support_dir_override() = std::move(dir);
}

void Runtime::use_running_interpreter(PumPythonPluginCreate attach, std::string package_dir) {
  running_interpreter() = {attach, std::move(package_dir)};
}

void Runtime::start() {
  if (const RunningInterpreter& running = running_interpreter(); running.attach != nullptr) {
    plugin::StartOptions options;
    options.package_dir = running.package_dir;
    options.pq_status_address = reinterpret_cast<std::uintptr_t>(&PQstatus);
    plugin::Failure failure;
    engine_ = running.attach(plugin::kAbiVersion, this, &options, &failure);
    if (engine_ == nullptr) throw Error("cannot run Python hooks: " + failure.message);
    python_ = engine_->describe();
    return;
  }
  auto began = std::chrono::steady_clock::now();
  std::vector<SupportFiles> places = candidates();
  const SupportFiles* found = nullptr;
  std::string looked;
  for (const auto& place : places) {
    std::error_code ec;
    if (fs::exists(place.plugin, ec)) {
      found = &place;
      break;
    }
    looked += (looked.empty() ? "" : ", ") + place.plugin.string();
  }
  if (found == nullptr) {
    throw Error(
        "Python hooks need pum's Python plugin pum_python.so, which is not installed "
        "beside this pum (looked for " +
        looked + ")")
        .hint(
            "install pum with `cmake --install` or its .deb (scripts/package.sh), which put "
            "it there");
  }
  // RTLD_GLOBAL: libpython's symbols must be visible to the extension modules Python loads later
  // (Debian's are not linked with libpython).
  void* handle = dlopen(found->plugin.c_str(), RTLD_NOW | RTLD_GLOBAL);
  if (handle == nullptr) {
    const char* reason = dlerror();
    throw Error(fmt::format("cannot load pum's Python plugin {}: {}", found->plugin.string(),
                            reason != nullptr ? reason : "unknown error"))
        .hint("Python hooks need the Python library pum was built with (Debian: libpython3.11)");
  }
  void* symbol = dlsym(handle, plugin::kEntryPoint);
  if (symbol == nullptr) {
    throw Error(fmt::format("{} is not pum's Python plugin (no {})", found->plugin.string(),
                            plugin::kEntryPoint));
  }
  PumPythonPluginCreate create = nullptr;
  static_assert(sizeof(create) == sizeof(symbol));
  std::memcpy(&create, &symbol, sizeof(create));

  plugin::StartOptions options;
  options.package_dir = found->package_dir.string();
  options.pq_status_address = reinterpret_cast<std::uintptr_t>(&PQstatus);
  plugin::Failure failure;
  engine_ = create(plugin::kAbiVersion, this, &options, &failure);
  if (engine_ == nullptr) {
    Error error("cannot start Python for Python hooks: " + failure.message);
    for (const auto& hint : failure.hints) error.hint(hint);
    throw error;
  }
  python_ = engine_->describe();
  log::debug("Python interpreter started for Python hooks: {}, plugin {}, package {} ({} ms)",
             python_, found->plugin.string(), found->package_dir.string(),
             std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::steady_clock::now() - began)
                 .count());
}

Runtime::RunScope::RunScope(Runtime& runtime, const Parameters& params)
    : runtime_(runtime), previous_(runtime.params_) {
  runtime_.params_ = &params;
}

Runtime::RunScope::~RunScope() { runtime_.params_ = previous_; }

plugin::Rendered Runtime::render_text(const std::string& sql) {
  plugin::Rendered out;
  if (params_ == nullptr) {
    out.error = "execute() can only be called while pum runs the hook";
    return out;
  }
  try {
    sql::Script script = sql::parse_script(SourceText("execute()", sql));
    if (auto what = transaction_ender(script)) {
      out.error = "SQL contains forbidden transaction statement: " + *what;
      out.hints.emplace_back(
          "pum runs the whole command in one transaction and commits it itself; a hook must not "
          "end it");
      return out;
    }
    bool has_code = false;
    for (const auto& statement : script.statements) has_code = has_code || statement.has_code;
    if (has_code) out.statements.push_back(sql::render_whole(script, *params_).sql);
  } catch (const Error& e) {
    out.error = e.location().line > 0 ? fmt::format("{} (line {} of the SQL given to execute())",
                                                    e.message(), e.location().line)
                                      : e.message();
    out.hints = e.hints();
  }
  return out;
}

plugin::Rendered Runtime::render_file(const std::string& path) {
  plugin::Rendered out;
  if (params_ == nullptr) {
    out.error = "execute() can only be called while pum runs the hook";
    return out;
  }
  try {
    sql::Script script = sql::parse_script(SourceText::read(path, path));
    sql::check_forbidden(script);
    for (const auto& statement : script.statements) {
      if (statement.has_code)
        out.statements.push_back(sql::render(script, statement, *params_).sql);
    }
  } catch (const Error& e) {
    out.error = e.what();
    out.hints = e.hints();
  }
  return out;
}

plugin::Rendered Runtime::split_file(const std::string& path) {
  plugin::Rendered out;
  try {
    sql::Script script = sql::parse_script(SourceText::read(path, path));
    sql::check_forbidden(script);
    for (const auto& statement : script.statements) {
      if (statement.has_code) out.statements.emplace_back(script.text(statement));
    }
  } catch (const Error& e) {
    out.error = e.what();
    out.hints = e.hints();
  }
  return out;
}

std::string Runtime::ends_transaction(const std::string& sql) {
  try {
    return transaction_ender(sql::parse_script(SourceText("query", sql))).value_or("");
  } catch (const Error&) {
    return {};  // not SQL we can read (an unterminated quote): the server will say so
  }
}

void Runtime::log(int level, const std::string& message) {
  auto as_level = static_cast<log::Level>(level);
  if (log::enabled(as_level)) log::write(as_level, message);
}

bool Runtime::log_enabled(int level) { return log::enabled(static_cast<log::Level>(level)); }

}  // namespace pum::hooks::detail
