// Demo data at scale and from the real pg_dump:
// - a COPY demo file of ~200 MB loads with flat memory: the peak RSS of the pum process (its
//   VmHWM) stays within a few MiB of the one for a 2 MB file (the data is streamed, never held);
// - a `pg_dump --data-only` of one database, run by the real pg_dump, loads back as demo data into
//   another one with the same rows (checksum of every row).

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "case_runner.hpp"
#include "files.hpp"
#include "pg.hpp"
#include "process.hpp"

extern char** environ;  // NOLINT: POSIX

namespace {

struct MeasuredRun {
  int exit_code = -1;
  long max_rss_kib = 0;
  std::string stderr_text;
};

// VmHWM of a running process in KiB: the peak RSS of its own memory since its exec; 0 when it
// cannot be read (the process has just exited).
long own_peak_rss_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return 0;
}

// pum with its peak resident set size (the e2e Process does not report it). Not wait4's
// ru_maxrss: Linux carries a process's maximum RSS across exec, so a child spawned by this test
// reports the test's own peak when it is larger (it is, under ASan, after writing 200 MB). VmHWM
// is polled every 2 ms while pum runs; it only grows, so what the last poll misses is at most
// what pum allocates in its last 2 ms.
MeasuredRun run_pum_measured(const std::vector<std::string>& args, const std::string& scratch) {
  std::vector<std::string> argv{e2e::pum_binary_path(PUM_BINARY)};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (auto& a : argv) raw.push_back(a.data());
  raw.push_back(nullptr);
  const std::string err = scratch + "/stderr.txt";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  // posix_spawn returns once the child has exec'ed pum: every VmHWM read below is pum's.
  const int rc = posix_spawn(&pid, raw[0], &actions, nullptr, raw.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  MeasuredRun run;
  if (rc != 0) {
    run.stderr_text = "posix_spawn failed";
    return run;
  }
  int status = 0;
  for (;;) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid || (done < 0 && errno != EINTR)) break;
    run.max_rss_kib = std::max(run.max_rss_kib, own_peak_rss_kib(pid));
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.stderr_text = e2e::read_text_file(err);
  return run;
}

void write_module(const std::string& project, const std::string& module) {
  e2e::write_text_file(project + "/.pum.yaml", "pum:\n  module: " + module +
                                                   "\ndemo_data:\n"
                                                   "  - name: data\n"
                                                   "    file: demo/data.sql\n");
  e2e::write_text_file(project + "/changelogs/1.0.0/01_create.sql",
                       "CREATE SCHEMA big_demo;\n"
                       "CREATE TABLE big_demo.item (id bigint PRIMARY KEY, label text, note text, "
                       "val double precision);\n");
  e2e::write_text_file(project + "/demo/.keep", "");  // the folder the data files go to
}

// A COPY demo file of at least `bytes` bytes; returns its row count.
long write_copy_file(const std::string& path, std::size_t bytes) {
  std::ofstream out(path, std::ios::binary);
  out << "SELECT pg_catalog.set_config('search_path', '', false);\n"
         "COPY big_demo.item (id, label, note, val) FROM stdin;\n";
  const std::string rest =
      "\tlabel with a tab\\tand a backslash\\\\\tünïcödé text {braces} making the line longer, "
      "as real data would be\t3.14159\n";
  std::size_t written = 0;
  long rows = 0;
  while (written < bytes) {
    const std::string line = std::to_string(rows) + rest;
    out << line;
    written += line.size();
    ++rows;
  }
  out << "\\.\n";
  return rows;
}

struct Fixture {
  std::string tmp, scratch, project, db;
};

Fixture make_fixture(const std::string& name) {
  Fixture f;
  f.tmp = e2e::make_temp_dir("pum-it-" + name);
  f.scratch = f.tmp + "/scratch";
  f.project = f.tmp + "/project";
  e2e::write_text_file(f.scratch + "/.keep", "");
  write_module(f.project, name);
  f.db = e2e::database_name("it_", name);
  e2e::recreate_database(f.db);
  return f;
}

TEST(DemoData, LargeCopyFileLoadsWithFlatMemory) {
  try {
    e2e::require_test_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  Fixture f = make_fixture("demo_memory");
  e2e::Db db(e2e::conninfo_for(f.db));
#ifdef __SANITIZE_ADDRESS__
  // pum is built with ASan too (scripts/sanitize.sh): its shadow memory adds a fixed cost (about
  // 60 MiB), and its quarantine (256 MB by default) holds freed memory back from reuse, so RSS
  // could grow with the number of buffers freed. A small quarantine keeps the growth check
  // meaningful; the absolute 64 MB bound holds for the normal build only.
  constexpr bool kAsan = true;
  const char* asan = std::getenv("ASAN_OPTIONS");
  const std::string options = std::string(asan != nullptr ? asan : "") + ":quarantine_size_mb=1";
  setenv("ASAN_OPTIONS", options.c_str(), 1);
#else
  constexpr bool kAsan = false;
#endif

  // Baseline: a 2 MB file.
  const long small_rows = write_copy_file(f.project + "/demo/data.sql", std::size_t{2} << 20);
  const MeasuredRun small = run_pum_measured(
      {"-p", e2e::conninfo_for(f.db), "-d", f.project, "install", "-d", "data"}, f.scratch);
  ASSERT_EQ(small.exit_code, 0) << small.stderr_text;
  EXPECT_EQ(db.value("SELECT count(*) FROM big_demo.item"), std::to_string(small_rows));
  db.exec("DROP SCHEMA big_demo CASCADE; DROP TABLE public.pum_migrations");

  // ~200 MB.
  const long big_rows = write_copy_file(f.project + "/demo/data.sql", std::size_t{200} << 20);
  const MeasuredRun big = run_pum_measured(
      {"-p", e2e::conninfo_for(f.db), "-d", f.project, "install", "-d", "data"}, f.scratch);
  ASSERT_EQ(big.exit_code, 0) << big.stderr_text;
  EXPECT_EQ(db.value("SELECT count(*) FROM big_demo.item"), std::to_string(big_rows));
  EXPECT_EQ(db.value("SELECT note FROM big_demo.item WHERE id = 7"),
            "ünïcödé text {braces} making the line longer, as real data would be");

  ASSERT_GT(small.max_rss_kib, 0) << "no VmHWM read while pum ran";
  std::cout << "[ INFO     ] peak RSS: " << small.max_rss_kib << " KiB for 2 MiB, "
            << big.max_rss_kib << " KiB for 200 MiB (" << big_rows << " rows)\n";
  EXPECT_LT(big.max_rss_kib, small.max_rss_kib + 16 * 1024)
      << "peak memory grows with the file: the COPY data is not streamed";
  if (!kAsan) {
    EXPECT_LT(big.max_rss_kib, 64 * 1024);
  }

  if (!HasFailure()) {
    e2e::drop_database(f.db);
    e2e::remove_all(f.tmp);
  }
}

TEST(DemoData, PgDumpDataOnlyLoadsBack) {
  try {
    e2e::require_test_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  Fixture f = make_fixture("demo_pg_dump");
  const std::string source = e2e::database_name("it_", "demo_pg_dump_source");
  e2e::recreate_database(source);
  {
    e2e::Db src(e2e::conninfo_for(source));
    src.exec(e2e::read_text_file(f.project + "/changelogs/1.0.0/01_create.sql"));
    src.exec(
        "INSERT INTO big_demo.item "
        "SELECT i, 'row ' || i || E'\\t\\\\ \"q\" ''s'' {x} ' || chr(233) || chr(8364), "
        "CASE WHEN i % 7 = 0 THEN NULL ELSE E'line\\nbreak ' || i END, i / 3.0 "
        "FROM generate_series(1, 20000) i");
  }
  const std::string dumped = f.project + "/demo/data.sql";
  e2e::ProcessOptions pg_dump;
  pg_dump.argv = {e2e::find_pg_program("pg_dump"), "--data-only", "--schema=big_demo",
                  "--file=" + dumped, "--dbname=" + e2e::conninfo_for(source)};
  const e2e::ProcessResult dump = e2e::run_process(pg_dump, f.scratch);
  ASSERT_EQ(dump.exit_code, 0) << dump.stderr_text;

  const MeasuredRun load = run_pum_measured(
      {"-p", e2e::conninfo_for(f.db), "-d", f.project, "-v", "install", "-d", "data"}, f.scratch);
  ASSERT_EQ(load.exit_code, 0) << load.stderr_text;
  EXPECT_NE(load.stderr_text.find("COPY loaded 20000 rows"), std::string::npos) << load.stderr_text;

  const std::string checksum =
      "SELECT count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY id)) FROM big_demo.item t";
  e2e::Db src(e2e::conninfo_for(source));
  e2e::Db dst(e2e::conninfo_for(f.db));
  EXPECT_EQ(dst.value(checksum), src.value(checksum));
  EXPECT_EQ(dst.value("SELECT current_setting('search_path')"), "\"$user\", public");

  if (!HasFailure()) {
    e2e::drop_database(f.db);
    e2e::drop_database(source);
    e2e::remove_all(f.tmp);
  }
}

}  // namespace
