// Python hooks with the embedded interpreter: load (dependencies, import, checks) at prepare
// time, run inside pum's transaction, release (module eviction) when the Unit goes away.
#include "pum/hooks/python_hook.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pum/hooks/python_dependencies.hpp"
#include "pum/hooks/python_errors.hpp"
#include "pum/hooks/python_runtime.hpp"
#include "pum/ui/log.hpp"

namespace pum::hooks {

using detail::Runtime;

class PythonHook {
 public:
  PythonHook(std::string display, std::filesystem::path module_dir, plugin::LoadedHook loaded)
      : display_(std::move(display)),
        module_dir_(std::move(module_dir)),
        loaded_(std::move(loaded)) {}
  ~PythonHook() { Runtime::get().engine().release(loaded_.id); }
  PythonHook(const PythonHook&) = delete;
  PythonHook& operator=(const PythonHook&) = delete;

  [[nodiscard]] std::uint64_t id() const { return loaded_.id; }
  [[nodiscard]] const std::string& display() const { return display_; }
  [[nodiscard]] const std::filesystem::path& module_dir() const { return module_dir_; }
  [[nodiscard]] const plugin::LoadedHook& loaded() const { return loaded_; }

 private:
  std::string display_;
  std::filesystem::path module_dir_;
  plugin::LoadedHook loaded_;
};

namespace {

SourceLocation run_hook_location(const PythonHook& hook) {
  const plugin::Frame& frame = hook.loaded().run_hook;
  if (frame.file.empty()) return {};
  return SourceLocation{display_path(frame.file, hook.module_dir()), frame.line, frame.column,
                        frame.line_text};
}

Error unexpected_argument(const PythonHook& hook, const std::string& argument) {
  return Error(fmt::format("Hook function 'run_hook' in {} has an unexpected argument '{}' which "
                           "is not specified in the parameters",
                           hook.display(), argument),
               run_hook_location(hook))
      .hint(fmt::format(
          "run_hook receives declared parameters by name: declare '{}' under parameters: in "
          ".pum.yaml, give the argument a default value, or remove it",
          argument));
}

// pum 1.8 checks dependencies when the config is loaded; we do it before the first Python hook
// is imported (a project without Python hooks never starts the interpreter), once per config.
void check_dependencies(const config::Config& config, Runtime& runtime) {
  static std::set<std::string> checked;
  if (config.dependencies.empty() || !checked.insert(config.file.string()).second) return;
  for (const auto& dependency : config.dependencies) {
    std::optional<std::string> installed;
    if (auto failure = runtime.engine().distribution_version(dependency.name, installed)) {
      checked.erase(config.file.string());
      throw failure_to_error(
          *failure, fmt::format("cannot look up Python dependency '{}': ", dependency.name),
          config.base_dir)
          .at(config.location(dependency.mark));
    }
    if (auto problem = dependency_problem(config, dependency, installed, runtime.python())) {
      checked.erase(config.file.string());
      throw *problem;
    }
    log::debug("Python dependency {} satisfied by version {}", requirement(dependency), *installed);
  }
}

}  // namespace

bool python_available() { return true; }

bool python_started() { return Runtime::started(); }

void set_python_support_dir(const std::filesystem::path& dir) { Runtime::set_support_dir(dir); }

std::shared_ptr<PythonHook> load_python_hook(const config::Config& config,
                                             const config::Hook& hook) {
  Runtime* runtime = nullptr;
  try {
    runtime = &Runtime::get();
  } catch (Error& e) {
    throw e.at(config.location(hook.mark));
  }
  check_dependencies(config, *runtime);

  plugin::LoadedHook loaded;
  if (auto failure =
          runtime->engine().load(hook.file->string(), config.base_dir.string(), loaded)) {
    Error error = failure_to_error(
        *failure, fmt::format("Python hook {} could not be loaded: ", hook.file_display),
        config.base_dir);
    if (!error.location().known()) error.at(config.location(hook.mark));
    throw error;
  }
  auto result = std::make_shared<PythonHook>(hook.file_display, config.base_dir, std::move(loaded));
  for (const auto& argument : result->loaded().arguments) {
    if (!argument.has_default && config.find_parameter(argument.name) == nullptr) {
      throw unexpected_argument(*result, argument.name);
    }
  }
  log::debug("Loaded Python hook {}", hook.file_display);
  return result;
}

void run_python_hook(PythonHook& hook, db::Connection& conn, const Parameters& params) {
  for (const auto& argument : hook.loaded().arguments) {
    if (!argument.has_default && params.find(argument.name) == params.end()) {
      throw unexpected_argument(hook, argument.name);
    }
  }
  Runtime& runtime = Runtime::get();
  PGconn* raw = conn.raw();
  PGTransactionStatusType before = PQtransactionStatus(raw);
  // psycopg is given the connection without its notice receiver (pum's stays in place, see
  // python/pum/_runtime.py): if anything replaced it anyway, pum's is put back (it takes no
  // argument, see db/connection.cpp).
  PQnoticeReceiver receiver = PQsetNoticeReceiver(raw, nullptr, nullptr);
  std::optional<plugin::Failure> failure;
  {
    Runtime::RunScope scope(runtime, params);
    failure = runtime.engine().run(hook.id(), raw, params);
  }
  if (PQstatus(raw) == CONNECTION_OK && PQsetNoticeReceiver(raw, nullptr, nullptr) != receiver) {
    PQsetNoticeReceiver(raw, receiver, nullptr);
  }
  PGTransactionStatusType after = PQtransactionStatus(raw);
  if (failure) {
    Error error = failure_to_error(*failure, fmt::format("Python hook {} failed: ", hook.display()),
                                   hook.module_dir());
    if (after != PQTRANS_INERROR) {
      if (auto problem = transaction_problem(before, after, hook.display())) {
        error.hint(problem->message());
      }
    }
    throw error;
  }
  if (auto problem = transaction_problem(before, after, hook.display())) throw *problem;
}

}  // namespace pum::hooks
