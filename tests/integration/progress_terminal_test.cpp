// The status line of long runs: on a terminal (a pseudo-terminal here) `pum install` shows
// "[n/N files] FILE  m:ss", rewritten in place, moving while a slow file runs and erased at the
// end; on a pipe the same run writes the log lines only, byte for byte what it wrote before.

#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <string>
#include <vector>

#include "case_runner.hpp"
#include "files.hpp"
#include "pg.hpp"
#include "process.hpp"

namespace {

using namespace std::chrono_literals;

// Runs argv with stdin, stdout and stderr on a new pseudo-terminal (80 columns, TERM=xterm);
// returns everything the terminal received and the exit code.
std::pair<std::string, int> run_on_terminal(const std::vector<std::string>& argv) {
  winsize size{};
  size.ws_row = 24;
  size.ws_col = 80;
  int master = -1;
  const pid_t pid = forkpty(&master, nullptr, nullptr, &size);
  if (pid < 0) throw std::runtime_error("forkpty failed");
  if (pid == 0) {
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));  // NOLINT
    args.push_back(nullptr);
    setenv("TERM", "xterm", 1);
    setenv("NO_COLOR", "1", 1);
    execv(args[0], args.data());
    _exit(127);
  }
  std::string out;
  std::array<char, 4096> buffer{};
  const auto deadline = std::chrono::steady_clock::now() + 120s;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd fd{master, POLLIN, 0};
    if (poll(&fd, 1, 200) <= 0) continue;
    const ssize_t n = read(master, buffer.data(), buffer.size());
    if (n <= 0) break;  // EIO once the child closed the terminal
    out.append(buffer.data(), static_cast<std::size_t>(n));
  }
  int status = 0;
  waitpid(pid, &status, 0);
  close(master);
  return {out, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

void write_project(const std::string& dir) {
  e2e::write_text_file(dir + "/.pum.yaml", "pum:\n  module: progress_demo\n");
  e2e::write_text_file(dir + "/changelogs/1.0.0/01_table.sql",
                       "CREATE TABLE progress_demo (id integer);\n");
  // Slow enough for the once-a-second redraw to show the elapsed time moving.
  e2e::write_text_file(dir + "/changelogs/1.0.0/02_slow.sql", "SELECT pg_sleep(2.5);\n");
  e2e::write_text_file(dir + "/changelogs/1.1.0/01_rows.sql",
                       "INSERT INTO progress_demo VALUES (1), (2);\n");
}

TEST(ProgressOnTerminal, StatusLineOnATerminalNothingOnAPipe) {
  try {
    e2e::require_test_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  const std::string tmp = e2e::make_temp_dir("pum-it-progress");
  const std::string project = tmp + "/project";
  e2e::write_text_file(tmp + "/scratch/.keep", "");
  write_project(project);
  const std::string on_tty = e2e::database_name("it_", "progress_tty");
  const std::string on_pipe = e2e::database_name("it_", "progress_pipe");
  e2e::recreate_database(on_tty);
  e2e::recreate_database(on_pipe);

  const auto [terminal, code] =
      run_on_terminal({e2e::pum_binary_path(PUM_BINARY), "-p", e2e::conninfo_for(on_tty), "-d",
                       project, "install"});
  EXPECT_EQ(code, 0) << terminal;
  // Drawn in place, counting the three files, naming the one that runs.
  EXPECT_NE(terminal.find("\r\033[K"), std::string::npos) << terminal;
  EXPECT_NE(terminal.find("[1/3 files] changelogs/1.0.0/01_table.sql"), std::string::npos)
      << terminal;
  EXPECT_NE(terminal.find("[2/3 files] changelogs/1.0.0/02_slow.sql  0:0"), std::string::npos)
      << terminal;
  // Redrawn while the slow file runs: the elapsed time moves without a new file.
  EXPECT_TRUE(std::regex_search(terminal, std::regex("files\\] [^\r]*  0:02"))) << terminal;
  EXPECT_NE(terminal.find("[3/3 files] changelogs/1.1.0/01_rows.sql"), std::string::npos)
      << terminal;
  // The log lines are all there, each on a line of its own, and the status line is erased last.
  EXPECT_NE(terminal.find("Executing changelogs/1.0.0/02_slow.sql\r\n"), std::string::npos)
      << terminal;
  const auto last_line = terminal.rfind("files]");
  const auto last_erase = terminal.rfind("\r\033[K");
  ASSERT_NE(last_line, std::string::npos);
  EXPECT_GT(last_erase, last_line) << terminal;

  e2e::ProcessOptions options;
  options.argv = {
      e2e::pum_binary_path(PUM_BINARY), "-p", e2e::conninfo_for(on_pipe), "-d", project, "install"};
  options.env["TERM"] = "xterm";
  const e2e::ProcessResult piped = e2e::run_process(options, tmp + "/scratch");
  EXPECT_EQ(piped.exit_code, 0) << piped.stderr_text;
  EXPECT_EQ(piped.stderr_text.find('\r'), std::string::npos) << piped.stderr_text;
  EXPECT_EQ(piped.stderr_text.find("files]"), std::string::npos) << piped.stderr_text;
  EXPECT_NE(piped.stderr_text.find("Executing changelogs/1.1.0/01_rows.sql\n"), std::string::npos)
      << piped.stderr_text;

  // -q on a terminal: quiet means quiet.
  const std::string quiet = e2e::database_name("it_", "progress_quiet");
  e2e::recreate_database(quiet);
  const auto [quiet_terminal, quiet_code] =
      run_on_terminal({e2e::pum_binary_path(PUM_BINARY), "-q", "-p", e2e::conninfo_for(quiet), "-d",
                       project, "install"});
  EXPECT_EQ(quiet_code, 0) << quiet_terminal;
  EXPECT_EQ(quiet_terminal.find("files]"), std::string::npos) << quiet_terminal;

  if (!HasFailure()) {
    for (const auto& db : {on_tty, on_pipe, quiet}) e2e::drop_database(db);
    e2e::remove_all(tmp);
  }
}

}  // namespace
