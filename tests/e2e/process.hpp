#pragma once

// Spawning a child process for the end-to-end tests: an argument vector (no shell), optional
// standard input, extra environment and working directory, a timeout. Standard output and
// standard error go to files in a scratch directory (not pipes), so several children can run at
// once without any of them blocking on a full pipe while the test waits on another.

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace e2e {

struct ProcessOptions {
  std::vector<std::string> argv;  // argv[0] is the program (absolute path or looked up in PATH)
  std::string stdin_text;         // written to a file that becomes the child's standard input
  // Extra environment on top of ours; a nullopt value removes the variable.
  std::map<std::string, std::optional<std::string>> env;
  std::string cwd;  // empty: ours
  std::chrono::milliseconds timeout{std::chrono::seconds(60)};
};

struct ProcessResult {
  int exit_code = -1;      // valid when signal == 0
  int signal = 0;          // the signal that ended the child, 0 if it exited
  bool timed_out = false;  // we killed it after the timeout
  std::string stdout_text;
  std::string stderr_text;

  // "exit 1", "killed by signal 9", "timed out after 60 s (killed)".
  [[nodiscard]] std::string status() const;
};

// A running child. Move-only; the destructor kills (SIGKILL) and reaps a child still running.
class Process {
 public:
  // Starts the child; throws std::runtime_error when it cannot be spawned. `scratch_dir` holds
  // the stdin/stdout/stderr files (it must exist).
  Process(const ProcessOptions& options, const std::string& scratch_dir);
  Process(Process&& other) noexcept;
  Process& operator=(Process&&) = delete;
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  ~Process();

  [[nodiscard]] pid_t pid() const { return pid_; }
  // True while the child has not been reaped and has not exited.
  bool running();
  // Sends a signal to the child's process group.
  void kill(int signal_number);
  // Waits until the child ends or the timeout given at start runs out (then SIGKILL), and returns
  // its status and output.
  ProcessResult wait();

 private:
  void reap(int wait_status);

  pid_t pid_ = -1;
  bool reaped_ = false;
  int wait_status_ = 0;
  std::chrono::steady_clock::time_point deadline_;
  std::chrono::milliseconds timeout_{};
  std::string stdout_path_;
  std::string stderr_path_;
};

// Runs a child to completion.
ProcessResult run_process(const ProcessOptions& options, const std::string& scratch_dir);

// The absolute path of a PostgreSQL client program (pg_dump, psql): `pg_config --bindir` first,
// then PATH. Throws when it is found nowhere.
std::string find_pg_program(const std::string& name);

}  // namespace e2e
