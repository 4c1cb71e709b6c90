#include "pum/ops/pg_program.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"

extern char** environ;  // NOLINT: POSIX

namespace pum::ops {

namespace {

constexpr std::size_t kMaxStderr = std::size_t{1} << 20;

bool is_executable(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

std::optional<std::string> in_dir(const std::string& dir, const std::string& name) {
  if (dir.empty()) return std::nullopt;
  std::filesystem::path path = std::filesystem::path(dir) / name;
  if (is_executable(path)) return path.string();
  return std::nullopt;
}

std::optional<std::string> in_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  std::string_view rest(path);
  while (!rest.empty()) {
    std::size_t colon = rest.find(':');
    std::string dir(rest.substr(0, colon));
    rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
    if (dir.empty()) continue;  // an empty entry would mean the working directory: not for us
    if (auto found = in_dir(dir, name)) return found;
  }
  return std::nullopt;
}

class Pipe {
 public:
  Pipe() {
    if (::pipe2(fds_, O_CLOEXEC) != 0) {
      throw Error(fmt::format("cannot create a pipe: {}", std::strerror(errno)));
    }
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  [[nodiscard]] int read_end() const { return fds_[0]; }
  [[nodiscard]] int write_end() const { return fds_[1]; }
  void close_read() { close_fd(fds_[0]); }
  void close_write() { close_fd(fds_[1]); }

 private:
  static void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  int fds_[2] = {-1, -1};
};

class FileActions {
 public:
  FileActions() { posix_spawn_file_actions_init(&actions_); }
  ~FileActions() { posix_spawn_file_actions_destroy(&actions_); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_{};
};

// Our environment with `overrides` set or replaced.
std::vector<std::string> child_environment(
    const std::vector<std::pair<std::string, std::string>>& overrides) {
  std::vector<std::string> env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    bool replaced = false;
    for (const auto& [name, value] : overrides) {
      if (text.size() > name.size() && text.substr(0, name.size()) == name &&
          text[name.size()] == '=') {
        replaced = true;
      }
    }
    if (!replaced) env.emplace_back(text);
  }
  for (const auto& [name, value] : overrides) env.push_back(fmt::format("{}={}", name, value));
  return env;
}

}  // namespace

std::string find_pg_program(const std::string& name, int server_major) {
  if (const char* user_dir = std::getenv("PUM_PG_BINDIR"); user_dir != nullptr && *user_dir) {
    if (auto found = in_dir(user_dir, name)) return *found;
    throw Error(fmt::format("{} not found in PUM_PG_BINDIR ({})", name, user_dir))
        .hint("PUM_PG_BINDIR must be the directory of the PostgreSQL client programs");
  }
  const std::string build_dir = PUM_BUILD_PG_BINDIR;
  const int build_major = PUM_BUILD_PG_MAJOR;
  const std::string debian_dir =
      server_major > 0 ? fmt::format("/usr/lib/postgresql/{}/bin", server_major) : std::string();
  std::optional<std::string> found;
  if (build_major == 0 || server_major == 0 || build_major >= server_major) {
    found = in_dir(build_dir, name);
  }
  if (!found) found = in_dir(debian_dir, name);
  if (!found) found = in_dir(build_dir, name);
  if (!found) found = in_path(name);
  if (!found) {
    throw Error(fmt::format("{} not found", name))
        .hint(fmt::format(
            "install the PostgreSQL client programs{} or point PUM_PG_BINDIR at their directory",
            server_major > 0 ? fmt::format(" of version {} or later", server_major) : ""));
  }
  log::debug("Using {}", *found);
  return *found;
}

std::string given_program(const std::string& program) {
  std::optional<std::string> found =
      program.find('/') != std::string::npos
          ? (is_executable(program) ? std::optional<std::string>(program) : std::nullopt)
          : in_path(program);
  if (!found) {
    throw Error(fmt::format("{} not found", program))
        .hint("give the path of an executable program, or a name found in PATH");
  }
  return *found;
}

std::string ProgramResult::status() const {
  if (signal != 0) return fmt::format("killed by signal {}", signal);
  return fmt::format("exit code {}", exit_code);
}

std::string trimmed(const std::string& text) {
  std::size_t end = text.find_last_not_of(" \t\r\n");
  return end == std::string::npos ? std::string() : text.substr(0, end + 1);
}

ProgramResult run_program(const ProgramRun& run) {
  Pipe pipe;
  FileActions actions;
  posix_spawn_file_actions_addopen(actions.get(), 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(actions.get(), 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(actions.get(), pipe.write_end(), 2);

  std::vector<char*> argv;
  argv.reserve(run.argv.size() + 1);
  for (const auto& arg : run.argv) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  std::vector<std::string> env = child_environment(run.env);
  std::vector<char*> envp;
  envp.reserve(env.size() + 1);
  for (auto& entry : env) envp.push_back(entry.data());
  envp.push_back(nullptr);

  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], actions.get(), nullptr, argv.data(), envp.data());
  if (rc != 0) {
    throw Error(fmt::format("cannot run {}: {}", run.argv[0], std::strerror(rc)));
  }
  pipe.close_write();

  ProgramResult result;
  char buffer[8192];
  while (true) {
    ssize_t n = ::read(pipe.read_end(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    std::size_t room = kMaxStderr - std::min(kMaxStderr, result.stderr_text.size());
    result.stderr_text.append(buffer, std::min(room, static_cast<std::size_t>(n)));
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw Error(fmt::format("waitpid: {}", std::strerror(errno)));
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

}  // namespace pum::ops
