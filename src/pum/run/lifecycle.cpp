#include "pum/run/lifecycle.hpp"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include "pum/db/transaction.hpp"
#include "pum/run/code_origin.hpp"
#include "pum/run/unit.hpp"
#include "pum/ui/log.hpp"

extern char** environ;  // NOLINT: POSIX

namespace pum::run {

namespace {

// The names pum_hooks.py may have in a project (the decorator style of registration).
const char* const kHooksModules[] = {"pum_hooks.py", "db/pum_hooks.py"};

// Runs a command hook: no shell, the project directory as working directory, the context as
// PUM_* variables and as JSON on standard input, its output on pum's standard error.
void run_command(const config::LifecycleHook& hook, const nlohmann::json& context,
                 const std::filesystem::path& dir) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::strncmp(*e, "PUM_HOOK_", 9) != 0) env_strings.emplace_back(*e);
  }
  auto text = [&](const char* key) -> std::string {
    const auto& v = context[key];
    if (v.is_null()) return "";
    return v.is_string() ? v.get<std::string>() : v.dump();
  };
  env_strings.push_back("PUM_EVENT=" + text("event"));
  env_strings.push_back("PUM_ENVIRONMENT=" + text("environment"));
  env_strings.push_back("PUM_STATUS=" + text("status"));
  env_strings.push_back("PUM_DURATION_MS=" + text("duration_ms"));
  const auto& m = context["migration"];
  env_strings.push_back("PUM_MIGRATION_VERSION=" +
                        (m.is_null() ? std::string() : m["version"].get<std::string>()));
  env_strings.push_back("PUM_MIGRATION_NAME=" +
                        (m.is_null() ? std::string() : m["name"].get<std::string>()));
  const auto& e = context["error"];
  env_strings.push_back("PUM_ERROR=" +
                        (e.is_null() ? std::string() : e["message"].get<std::string>()));
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = hook.command;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw Error(fmt::format("cannot run hook: {}", std::strerror(errno)));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], 0);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  posix_spawn_file_actions_adddup2(&actions, 2, 1);
  posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
  pid_t pid = 0;
  // A relative program with a '/' is relative to the project directory; a bare name is looked
  // up on PATH.
  std::string program = args.front();
  if (program.find('/') != std::string::npos && program.front() != '/') {
    program = (dir / program).lexically_normal().string();
  }
  const int spawned =
      posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[0]);
  if (spawned != 0) {
    close(pipe_fds[1]);
    throw Error(fmt::format("cannot run the {} hook '{}': {}", text("event"), args.front(),
                            std::strerror(spawned)))
        .hint("the command is run without a shell, from the module directory");
  }
  const std::string input = context.dump(2) + "\n";
  // A hook that does not read its input must not make pum fail (EPIPE).
  struct sigaction ignore {};
  struct sigaction previous {};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &previous);
  std::size_t written = 0;
  while (written < input.size()) {
    ssize_t n = write(pipe_fds[1], input.data() + written, input.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  close(pipe_fds[1]);
  sigaction(SIGPIPE, &previous, nullptr);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
  std::string how = WIFEXITED(status) ? fmt::format("exit code {}", WEXITSTATUS(status))
                                      : fmt::format("signal {}", WTERMSIG(status));
  throw Error(fmt::format("the {} hook '{}' failed ({})", text("event"), args.front(), how))
      .hint(
          "a failing hook stops the run; make the command exit 0 when the failure is not "
          "critical");
}

}  // namespace

std::string resolve_environment(const std::optional<std::string>& from_cli) {
  if (from_cli && !from_cli->empty()) return *from_cli;
  if (const char* env = std::getenv("PUM_ENV"); env != nullptr && *env != '\0') return env;
  return "development";
}

Lifecycle::Lifecycle(const config::Config* config, const std::filesystem::path& project_dir,
                     std::string environment, Parameters parameters, std::string pg_connection)
    : environment_(std::move(environment)),
      parameters_(std::move(parameters)),
      pg_connection_(std::move(pg_connection)) {
  hooks::PythonLifecycleSpec spec;
  spec.project_dir = project_dir;
  if (config != nullptr) {
    config_display_ = config->display_file;
    for (const auto& hook : config->lifecycle_hooks) {
      if (hook.kind == config::LifecycleHook::Kind::python) {
        spec.configured.push_back({std::string(config::event_name(hook.event)), hook.module,
                                   hook.function,
                                   fmt::format("{}:{}", config->display_file, hook.mark.line)});
      } else {
        hooks_.push_back(hook);
      }
    }
  }
  for (const char* name : kHooksModules) {
    std::error_code ec;
    std::filesystem::path path = project_dir / name;
    if (std::filesystem::is_regular_file(path, ec)) spec.discovered.push_back(path);
  }
  if (!spec.discovered.empty() || !spec.configured.empty()) {
    python_ = hooks::load_python_lifecycle(spec);
  }
  project_dir_ = project_dir;
}

Lifecycle::~Lifecycle() = default;
Lifecycle::Lifecycle(Lifecycle&&) noexcept = default;
Lifecycle& Lifecycle::operator=(Lifecycle&&) noexcept = default;

bool Lifecycle::empty() const { return hooks_.empty() && python_ == nullptr; }

bool Lifecycle::has(Event event) const {
  for (const auto& h : hooks_) {
    if (h.event == event) return true;
  }
  return python_ && !python_->hooks_of(config::event_name(event)).empty();
}

std::vector<std::string> Lifecycle::describe(Event event) const {
  std::vector<std::string> out;
  for (const auto& h : hooks_) {
    if (h.event != event) continue;
    switch (h.kind) {
      case config::LifecycleHook::Kind::sql_file:
        out.push_back("SQL file " + h.file_display);
        break;
      case config::LifecycleHook::Kind::sql_code:
        out.push_back(fmt::format("SQL code at {}:{}", config_display_, h.mark.line));
        break;
      case config::LifecycleHook::Kind::command: {
        std::string line = "command";
        for (const auto& a : h.command) line += " " + a;
        out.push_back(line);
        break;
      }
      case config::LifecycleHook::Kind::python:
        break;
    }
  }
  if (python_) {
    for (auto& label : python_->hooks_of(config::event_name(event))) {
      out.push_back("Python " + label);
    }
  }
  return out;
}

nlohmann::json Lifecycle::context_json(Event event, const EventContext& context) const {
  nlohmann::json j;
  j["event"] = std::string(config::event_name(event));
  j["environment"] = environment_;
  j["status"] = context.status;
  j["duration_ms"] = context.duration_ms;
  if (context.migration != nullptr) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : context.migration->files) files.push_back(f.display);
    j["migration"] = {{"version", context.migration->version.str()},
                      {"name", context.migration->name},
                      {"label", context.migration->label},
                      {"files", files}};
  } else {
    j["migration"] = nullptr;
  }
  if (context.error != nullptr) {
    j["error"] = {{"message", context.error->message()}, {"sqlstate", context.error->sqlstate()}};
  } else {
    j["error"] = nullptr;
  }
  j["parameters"] = to_json(parameters_);
  return j;
}

void Lifecycle::run_sql(const config::LifecycleHook& hook, db::Connection& conn,
                        const nlohmann::json& context, bool own_transaction) {
  Unit unit =
      hook.kind == config::LifecycleHook::Kind::sql_file
          ? prepare_file(*hook.file, hook.file_display, pum1x_rules(parameters_))
          : prepare_code(hook.code,
                         fmt::format("{} (code hook at line {})", config_display_, hook.mark.line),
                         parameters_);
  std::optional<db::Transaction> transaction;
  if (own_transaction) transaction.emplace(conn);
  // The context, readable with current_setting('pum.<key>', true), for this transaction only.
  const auto& m = context["migration"];
  const auto& e = context["error"];
  conn.query(
      "SELECT pg_catalog.set_config('pum.event', $1, true), "
      "pg_catalog.set_config('pum.environment', $2, true), "
      "pg_catalog.set_config('pum.status', $3, true), "
      "pg_catalog.set_config('pum.duration_ms', $4, true), "
      "pg_catalog.set_config('pum.migration_version', $5, true), "
      "pg_catalog.set_config('pum.migration_name', $6, true), "
      "pg_catalog.set_config('pum.error', $7, true)",
      {context["event"].get<std::string>(), environment_, context["status"].get<std::string>(),
       std::to_string(context["duration_ms"].get<std::int64_t>()),
       m.is_null() ? std::string() : m["version"].get<std::string>(),
       m.is_null() ? std::string() : m["name"].get<std::string>(),
       e.is_null() ? std::string() : e["message"].get<std::string>()});
  try {
    execute(conn, unit);
  } catch (Error& error) {
    throw error.prefix(fmt::format("{} hook: ", context["event"].get<std::string>()));
  }
  if (transaction) transaction->commit();
}

void Lifecycle::fire(Event event, db::Connection* conn, const EventContext& context) {
  if (empty() || !has(event)) return;
  const nlohmann::json json = context_json(event, context);
  const bool own_transaction = event == Event::post_complete || event == Event::on_error;
  for (const auto& hook : hooks_) {
    if (hook.event != event) continue;
    if (hook.kind == config::LifecycleHook::Kind::command) {
      log::debug("{} hook: {}", config::event_name(event), hook.command.front());
      run_command(hook, json, project_dir_);
      continue;
    }
    if (conn == nullptr) {
      throw Error(fmt::format("the {} SQL hook at {}:{} needs a database connection",
                              config::event_name(event), config_display_, hook.mark.line));
    }
    log::debug("{} hook: SQL at {}:{}", config::event_name(event), config_display_, hook.mark.line);
    run_sql(hook, *conn, json, own_transaction);
  }
  if (python_) python_->fire(config::event_name(event), json, conn);
}

void Lifecycle::fire_on_error(const Error& error, std::int64_t duration_ms,
                              db::Connection* run_conn) {
  if (!has(Event::on_error)) return;
  EventContext context;
  context.status = "error";
  context.duration_ms = duration_ms;
  context.error = &error;
  try {
    std::optional<db::Connection> conn;
    bool needs_db = python_ != nullptr;
    for (const auto& h : hooks_) {
      needs_db = needs_db ||
                 (h.event == Event::on_error && h.kind != config::LifecycleHook::Kind::command);
    }
    db::Connection* use = nullptr;
    if (run_conn != nullptr && PQstatus(run_conn->raw()) == CONNECTION_OK &&
        PQtransactionStatus(run_conn->raw()) == PQTRANS_IDLE) {
      use = run_conn;
    } else if (needs_db && !pg_connection_.empty()) {
      conn.emplace(db::Connection::open(pg_connection_));
      use = &*conn;
    }
    fire(Event::on_error, use, context);
  } catch (const Error& failure) {
    log::warning("an on_error hook failed too: {}", failure.what());
  }
}

}  // namespace pum::run
