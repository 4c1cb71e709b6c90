#include "process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "files.hpp"

extern char** environ;

namespace e2e {

namespace {

std::atomic<int> g_counter{0};

// Our environment with the overrides applied, as "NAME=value" strings.
std::vector<std::string> child_environment(
    const std::map<std::string, std::optional<std::string>>& overrides) {
  std::map<std::string, std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string text(*entry);
    auto eq = text.find('=');
    if (eq == std::string::npos) continue;
    env[text.substr(0, eq)] = text.substr(eq + 1);
  }
  for (const auto& [name, value] : overrides) {
    if (value) {
      env[name] = *value;
    } else {
      env.erase(name);
    }
  }
  std::vector<std::string> out;
  out.reserve(env.size());
  for (const auto& [name, value] : env) out.push_back(name + "=" + value);
  return out;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

std::string errno_text(int error) { return std::strerror(error); }

}  // namespace

std::string ProcessResult::status() const {
  if (timed_out) return "timed out (killed)";
  if (signal != 0) return "killed by signal " + std::to_string(signal);
  return "exit " + std::to_string(exit_code);
}

Process::Process(const ProcessOptions& options, const std::string& scratch_dir)
    : deadline_(std::chrono::steady_clock::now() + options.timeout), timeout_(options.timeout) {
  if (options.argv.empty()) throw std::runtime_error("spawn: empty argument vector");
  const std::string stem = scratch_dir + "/proc-" + std::to_string(getpid()) + "-" +
                           std::to_string(g_counter.fetch_add(1));
  const std::string stdin_path = stem + ".stdin";
  stdout_path_ = stem + ".stdout";
  stderr_path_ = stem + ".stderr";
  write_text_file(stdin_path, options.stdin_text);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, stdout_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, stderr_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  if (!options.cwd.empty()) {
    posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());
  }
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // Own process group, so kill() reaches anything the child starts too.
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);

  std::vector<std::string> argv = options.argv;
  std::vector<std::string> envp = child_environment(options.env);
  auto argv_c = c_strings(argv);
  auto envp_c = c_strings(envp);
  const int rc =
      posix_spawnp(&pid_, argv[0].c_str(), &actions, &attributes, argv_c.data(), envp_c.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (rc != 0) {
    pid_ = -1;
    throw std::runtime_error("cannot start " + argv[0] + ": " + errno_text(rc));
  }
}

Process::Process(Process&& other) noexcept
    : pid_(other.pid_),
      reaped_(other.reaped_),
      wait_status_(other.wait_status_),
      deadline_(other.deadline_),
      timeout_(other.timeout_),
      stdout_path_(std::move(other.stdout_path_)),
      stderr_path_(std::move(other.stderr_path_)) {
  other.pid_ = -1;
}

Process::~Process() {
  if (pid_ > 0 && !reaped_) {
    ::kill(-pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
}

void Process::reap(int wait_status) {
  reaped_ = true;
  wait_status_ = wait_status;
}

bool Process::running() {
  if (pid_ <= 0 || reaped_) return false;
  int status = 0;
  const pid_t r = waitpid(pid_, &status, WNOHANG);
  if (r == pid_) {
    reap(status);
    return false;
  }
  return r == 0;
}

void Process::kill(int signal_number) {
  if (pid_ > 0 && !reaped_) ::kill(-pid_, signal_number);
}

ProcessResult Process::wait() {
  ProcessResult result;
  while (running()) {
    if (std::chrono::steady_clock::now() >= deadline_) {
      kill(SIGKILL);
      int status = 0;
      if (waitpid(pid_, &status, 0) == pid_) reap(status);
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (reaped_) {
    if (WIFEXITED(wait_status_)) {
      result.exit_code = WEXITSTATUS(wait_status_);
    } else if (WIFSIGNALED(wait_status_)) {
      result.signal = WTERMSIG(wait_status_);
    }
  }
  result.stdout_text = read_text_file(stdout_path_);
  result.stderr_text = read_text_file(stderr_path_);
  return result;
}

ProcessResult run_process(const ProcessOptions& options, const std::string& scratch_dir) {
  Process process(options, scratch_dir);
  return process.wait();
}

std::string find_pg_program(const std::string& name) {
  namespace fs = std::filesystem;
  auto executable = [](const fs::path& p) { return access(p.c_str(), X_OK) == 0; };
  // pg_config --bindir, through a scratch file (no shell).
  {
    const std::string scratch = make_temp_dir("pum-pgconfig");
    try {
      ProcessOptions options;
      options.argv = {"pg_config", "--bindir"};
      options.timeout = std::chrono::seconds(10);
      ProcessResult r = run_process(options, scratch);
      std::string dir = r.stdout_text;
      while (!dir.empty() && (dir.back() == '\n' || dir.back() == '\r')) dir.pop_back();
      remove_all(scratch);
      if (r.exit_code == 0 && !dir.empty() && executable(fs::path(dir) / name)) {
        return (fs::path(dir) / name).string();
      }
    } catch (const std::exception&) {
      remove_all(scratch);
    }
  }
  if (const char* path = std::getenv("PATH")) {
    std::string paths(path);
    std::size_t start = 0;
    while (start <= paths.size()) {
      std::size_t end = paths.find(':', start);
      if (end == std::string::npos) end = paths.size();
      const fs::path candidate = fs::path(paths.substr(start, end - start)) / name;
      if (end > start && executable(candidate)) return candidate.string();
      start = end + 1;
    }
  }
  throw std::runtime_error(name + " not found (neither in `pg_config --bindir` nor in PATH)");
}

}  // namespace e2e
