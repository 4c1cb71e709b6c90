// Python lifecycle hooks over the plugin (python_plugin.hpp: Engine::load_lifecycle and
// fire_lifecycle, python/pum/_runtime.py on the Python side). The plugin is started by the first
// load_python_lifecycle(), which pum only calls for a project that has a Python lifecycle hook.
#include "pum/hooks/lifecycle_python.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <libpq-fe.h>

#include <optional>
#include <utility>

#include "pum/db/transaction.hpp"
#include "pum/hooks/python_errors.hpp"
#include "pum/hooks/python_runtime.hpp"
#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"

namespace pum::hooks {

namespace {

using detail::Runtime;

class EmbeddedLifecycle final : public PythonLifecycle {
 public:
  EmbeddedLifecycle(std::filesystem::path project_dir, std::vector<plugin::LifecycleHook> hooks)
      : project_dir_(std::move(project_dir)), hooks_(std::move(hooks)) {}

  [[nodiscard]] std::vector<std::string> hooks_of(std::string_view event) const override {
    std::vector<std::string> out;
    for (const auto& hook : hooks_) {
      if (hook.event == event) out.push_back(hook.label);
    }
    return out;
  }

  void fire(std::string_view event, const nlohmann::json& context, db::Connection* conn) override {
    if (hooks_of(event).empty()) return;
    Runtime& runtime = Runtime::get();
    const std::string name(event);
    PGconn* raw = conn != nullptr ? conn->raw() : nullptr;
    // Outside a transaction (post_complete after the commit, on_error on a connection of its
    // own), the hooks get one of their own, committed when they all succeed.
    std::optional<db::Transaction> own;
    if (raw != nullptr && PQtransactionStatus(raw) == PQTRANS_IDLE) own.emplace(*conn);
    const PGTransactionStatusType before =
        raw != nullptr ? PQtransactionStatus(raw) : PQTRANS_UNKNOWN;
    // As for run_python_hook: psycopg is given the connection without its notice receiver, and
    // pum's is put back if anything replaced it.
    PQnoticeReceiver receiver = nullptr;
    if (raw != nullptr) receiver = PQsetNoticeReceiver(raw, nullptr, nullptr);
    log::debug("{} hooks: Python {}", name, fmt::join(hooks_of(event), ", "));
    std::optional<plugin::Failure> failure =
        runtime.engine().fire_lifecycle(name, context.dump(), raw);
    if (raw != nullptr && PQstatus(raw) == CONNECTION_OK &&
        PQsetNoticeReceiver(raw, nullptr, nullptr) != receiver) {
      PQsetNoticeReceiver(raw, receiver, nullptr);
    }
    const PGTransactionStatusType after =
        raw != nullptr ? PQtransactionStatus(raw) : PQTRANS_UNKNOWN;
    const std::string display = fmt::format("Python {} hook", name);
    if (failure) {
      Error error = failure_to_error(*failure, display + ": ", project_dir_);
      if (raw != nullptr && after != PQTRANS_INERROR) {
        if (auto problem = transaction_problem(before, after, display)) {
          error.hint(problem->message());
        }
      }
      throw error;
    }
    if (raw != nullptr) {
      if (auto problem = transaction_problem(before, after, display)) throw *problem;
    }
    if (own) own->commit();
  }

 private:
  std::filesystem::path project_dir_;
  std::vector<plugin::LifecycleHook> hooks_;
};

std::string where_of(const PythonLifecycleSpec& spec) {
  if (!spec.configured.empty()) return spec.configured.front().where;
  if (!spec.discovered.empty()) return spec.discovered.front().string();
  return spec.project_dir.string();
}

}  // namespace

std::unique_ptr<PythonLifecycle> load_python_lifecycle(const PythonLifecycleSpec& spec) {
  Runtime* runtime = nullptr;
  try {
    runtime = &Runtime::get();
  } catch (Error& e) {
    throw e.prefix(fmt::format("Python lifecycle hooks ({}): ", where_of(spec)));
  }
  std::error_code ec;
  std::filesystem::path project_dir = std::filesystem::absolute(spec.project_dir, ec);
  if (ec) project_dir = spec.project_dir;
  project_dir = project_dir.lexically_normal();
  std::vector<std::string> discovered;
  discovered.reserve(spec.discovered.size());
  for (const auto& path : spec.discovered) discovered.push_back(path.string());
  std::vector<plugin::LifecycleEntry> configured;
  configured.reserve(spec.configured.size());
  for (const auto& entry : spec.configured) {
    configured.push_back({entry.event, entry.module, entry.function, entry.where});
  }
  std::vector<plugin::LifecycleHook> hooks;
  if (auto failure =
          runtime->engine().load_lifecycle(project_dir.string(), discovered, configured, hooks)) {
    throw failure_to_error(*failure, "Python lifecycle hooks could not be loaded: ", project_dir);
  }
  for (const auto& hook : hooks) log::debug("Loaded Python {} hook {}", hook.event, hook.label);
  return std::make_unique<EmbeddedLifecycle>(project_dir, std::move(hooks));
}

}  // namespace pum::hooks
