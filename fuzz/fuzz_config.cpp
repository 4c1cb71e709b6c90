// libFuzzer target: the .pum.yaml loader (config::load_config). Each input is written to
// <module>/.pum.yaml in a temporary module directory that holds a changelog and a few hook files
// (so that hook paths can resolve), then loaded. Any input must load or be refused with a
// pum::Error located in the file; anything else (another exception, a crash, a sanitizer report)
// is a bug.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "pum/config/config.hpp"
#include "pum/util/error.hpp"

namespace {

namespace fs = std::filesystem;

fs::path g_module;

void write(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

void remove_module() {
  std::error_code ec;
  if (!g_module.empty()) fs::remove_all(g_module, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  std::string pattern = (fs::temp_directory_path() / "pum-fuzz-config.XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    std::perror("mkdtemp");
    std::abort();
  }
  g_module = pattern;
  write(g_module / "changelogs/1.0.0/01_schema.sql", "CREATE SCHEMA s;\n");
  write(g_module / "app/create.sql", "CREATE VIEW s.v AS SELECT 1;\n");
  write(g_module / "app/drop.sql", "DROP VIEW IF EXISTS s.v;\n");
  write(g_module / "app/hook.py", "def run_hook(connection):\n    pass\n");
  write(g_module / "demo/data.sql", "SELECT 1;\n");
  std::atexit(remove_module);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path file = g_module / ".pum.yaml";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const pum::config::Config config = pum::config::load_config(file, ".pum.yaml");
    for (const auto& parameter : config.parameters) (void)config.location(parameter.mark);
  } catch (const pum::Error& error) {
    if (error.message().empty()) std::abort();
  }
  return 0;
}
