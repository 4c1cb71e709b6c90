#include "pum/delta/python_delta.hpp"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "pum/util/error.hpp"

extern char** environ;

namespace fs = std::filesystem;

namespace pum::delta {

namespace {

std::optional<fs::path>& package_dir_override() {
  static std::optional<fs::path> dir;
  return dir;
}

bool has_runner(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "pum" / "core" / "_run_delta.py", ec);
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      out += fmt::format("\\u{:04x}", u);
    } else {
      out.push_back(c);
    }
  }
  return out + "\"";
}

}  // namespace

void set_python_package_dir(std::optional<fs::path> dir) {
  package_dir_override() = std::move(dir);
}

fs::path python_package_dir() {
  if (const auto& dir = package_dir_override()) return *dir;
  std::vector<fs::path> candidates;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path bin = exe.parent_path();
    candidates.push_back(bin / "pum-python" / "python");
#ifdef PUM_INSTALLED_PYTHON_DIR
    // An installation (cmake/packaging.cmake): <prefix>/lib/python3/dist-packages, from bin/.
    candidates.push_back((bin / PUM_INSTALLED_PYTHON_DIR).lexically_normal());
#endif
    candidates.push_back((bin / ".." / "share" / "pum" / "python").lexically_normal());
  }
  // A development build: the python/ folder of the source tree it was built from.
  candidates.push_back(
      (fs::path(__FILE__).parent_path() / ".." / ".." / ".." / "python").lexically_normal());
  for (const auto& dir : candidates) {
    if (has_runner(dir)) return dir;
  }
  throw Error(
      "cannot run Python deltas: pum's Python package (pum/core/_run_delta.py) is not "
      "installed beside the pum binary");
}

fs::path find_python3() {
  const char* path = std::getenv("PATH");
  std::string_view rest = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    const auto colon = rest.find(':');
    std::string dir(rest.substr(0, colon));
    if (dir.empty()) dir.assign(1, '.');  // (not `= "."`: a false -Wrestrict of GCC 12 at -O3)
    const fs::path candidate = fs::path(dir) / "python3";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  throw Error("cannot run Python deltas: no python3 on PATH");
}

void run_python_delta(const PythonContext& context, const fs::path& file,
                      const std::string& display, const std::string& delta_dir,
                      const std::string& module_name, const std::string& current_db_version) {
  const fs::path package_dir = python_package_dir();
  const fs::path python = find_python3();

  std::string dirs = "[";
  for (std::size_t i = 0; i < context.delta_dirs.size(); ++i) {
    if (i > 0) dirs += ", ";
    dirs += json_string(context.delta_dirs[i]);
  }
  dirs += "]";
  const std::string spec = fmt::format(
      "{{\"file\": {}, \"module\": {}, \"current_db_version\": {}, \"delta_dir\": {}, "
      "\"delta_dirs\": {}, \"pg_service\": {}, \"upgrades_table\": {}, \"variables\": {}}}",
      json_string(file.string()), json_string(module_name), json_string(current_db_version),
      json_string(delta_dir), dirs, json_string(context.pg_service),
      json_string(context.upgrades_table), context.variables_json);

  std::vector<std::string> args = {python.string(), "-m", "pum.core._run_delta", spec};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  std::vector<std::string> env;
  std::string pythonpath = package_dir.string();
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    if (text.starts_with("PYTHONPATH=")) {
      if (text.size() > 11) pythonpath.append(1, ':').append(text.substr(11));
      continue;
    }
    env.emplace_back(text);
  }
  env.push_back("PYTHONPATH=" + pythonpath);
  std::vector<char*> envp;
  for (auto& entry : env) envp.push_back(entry.data());
  envp.push_back(nullptr);

  // What we printed so far ("Applying delta ...") comes before what the script prints.
  std::cout.flush();
  std::fflush(stdout);
  std::cerr.flush();
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), envp.data());
  if (rc != 0) {
    throw Error(fmt::format("cannot run {}: {}", python.string(), std::strerror(rc)));
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw Error(fmt::format("waitpid: {}", std::strerror(errno)));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
  if (WIFSIGNALED(status)) {
    throw Error(
        fmt::format("{}: the Python script was killed by signal {}", display, WTERMSIG(status)));
  }
  throw Error(fmt::format("{}: the Python script failed (exit status {}; its traceback is above)",
                          display, WEXITSTATUS(status)));
}

}  // namespace pum::delta
