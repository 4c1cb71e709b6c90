// Eight `pum upgrade` processes started together on one database, straight to PostgreSQL and
// through a real PgBouncer in transaction pooling mode: pum's transaction-scoped advisory lock
// serialises them, so every version is applied exactly once, every process exits 0, and each
// one that has to wait says so, naming the backend that holds the lock.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "case_runner.hpp"
#include "files.hpp"
#include "pg.hpp"
#include "process.hpp"

namespace {

using namespace std::chrono_literals;

constexpr int kProcesses = 8;

// 1.0.0 is installed first; the upgrade applies 1.1.0 (two seconds of work, so that the other
// processes start while the first holds the lock) to 1.5.0, then recreates an application view.
void write_project(const std::string& project) {
  e2e::write_text_file(project + "/.pum.yaml",
                       "pum:\n"
                       "  module: concurrency_test\n"
                       "application:\n"
                       "  drop:\n"
                       "    - code: DROP SCHEMA IF EXISTS conc_app CASCADE\n"
                       "  create:\n"
                       "    - code: CREATE SCHEMA conc_app; CREATE VIEW conc_app.v AS "
                       "SELECT count(*) AS n FROM conc_data.applied\n");
  e2e::write_text_file(project + "/changelogs/1.0.0/01_schema.sql",
                       "CREATE SCHEMA conc_data;\n"
                       "CREATE TABLE conc_data.applied (version text PRIMARY KEY);\n"
                       "INSERT INTO conc_data.applied VALUES ('1.0.0');\n");
  e2e::write_text_file(project + "/changelogs/1.1.0/01_slow.sql",
                       "INSERT INTO conc_data.applied VALUES ('1.1.0');\n"
                       "SELECT pg_sleep(2);\n");
  for (int v = 2; v <= 5; ++v) {
    const std::string version = "1." + std::to_string(v) + ".0";
    e2e::write_text_file(project + "/changelogs/" + version + "/01_step.sql",
                         "INSERT INTO conc_data.applied VALUES ('" + version + "');\n");
  }
}

std::string report(const std::vector<e2e::ProcessResult>& results) {
  std::string out;
  for (std::size_t i = 0; i < results.size(); ++i) {
    out += "process " + std::to_string(i + 1) + ": " + results[i].status() + "\nstderr:\n" +
           results[i].stderr_text + "\n";
  }
  return out;
}

// A free TCP port on 127.0.0.1 (bound to port 0, read back, released).
int free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot find a free port on 127.0.0.1");
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

std::string find_pgbouncer() {
  for (const char* candidate : {"/usr/sbin/pgbouncer", "/usr/bin/pgbouncer",
                                "/usr/local/bin/pgbouncer", "/usr/local/sbin/pgbouncer"}) {
    if (::access(candidate, X_OK) == 0) return candidate;
  }
  return "";
}

// A PgBouncer of our own: transaction pooling on a free loopback port, in front of the test
// server, with its own config and auth file (SCRAM against a password of ours; the server
// behind it trusts the connection), in a directory of its own. Stopped when destroyed; the
// directory is removed unless `keep()` was called.
class PgBouncer {
 public:
  PgBouncer(const std::string& user, const std::string& password)
      : dir_(e2e::make_temp_dir("pum-it-pgbouncer")),
        user_(user),
        password_(password),
        port_(free_loopback_port()) {
    const std::string binary = find_pgbouncer();
    if (binary.empty()) {
      throw std::runtime_error("pgbouncer not found: scripts/deps.sh installs the Debian package");
    }
    const char* pghost = std::getenv("PGHOST");
    const char* pgport = std::getenv("PGPORT");
    e2e::write_text_file(dir_ + "/userlist.txt", "\"" + user + "\" \"" + password + "\"\n");
    e2e::write_text_file(dir_ + "/pgbouncer.ini",
                         "[databases]\n"
                         "* = host=" +
                             std::string(pghost != nullptr ? pghost : "/var/run/postgresql") +
                             " port=" + std::string(pgport != nullptr ? pgport : "5432") +
                             "\n\n"
                             "[pgbouncer]\n"
                             "listen_addr = 127.0.0.1\n"
                             "listen_port = " +
                             std::to_string(port_) +
                             "\n"
                             "unix_socket_dir =\n"
                             "auth_type = scram-sha-256\n"
                             "auth_file = " +
                             dir_ +
                             "/userlist.txt\n"
                             "pool_mode = transaction\n"
                             "max_client_conn = 50\n"
                             "default_pool_size = 20\n"
                             "ignore_startup_parameters = extra_float_digits\n"
                             "logfile = " +
                             dir_ +
                             "/pgbouncer.log\n"
                             "pidfile = " +
                             dir_ + "/pgbouncer.pid\n");
    e2e::ProcessOptions options;
    options.argv = {binary};
    // PgBouncer refuses to run as root: it then switches to nobody, who must read the config
    // and write the log beside it (the directory is directly under the world-readable tmp).
    if (::geteuid() == 0) {
      ::chmod(dir_.c_str(), 0777);
      ::chmod((dir_ + "/pgbouncer.ini").c_str(), 0644);
      ::chmod((dir_ + "/userlist.txt").c_str(), 0644);
      options.argv.insert(options.argv.end(), {"-u", "nobody"});
    }
    options.argv.push_back(dir_ + "/pgbouncer.ini");
    options.timeout = 600s;
    process_.emplace_back(options, dir_);
    // Ready when it answers.
    const auto deadline = std::chrono::steady_clock::now() + 15s;
    while (true) {
      try {
        e2e::Db probe(conninfo("postgres"));
        break;
      } catch (const std::exception& e) {
        if (!process_.front().running() || std::chrono::steady_clock::now() > deadline) {
          throw std::runtime_error(std::string("pgbouncer did not start: ") + e.what() +
                                   "\nlog:\n" + log() + "\nits output:\n" +
                                   process_.front().wait().stderr_text);
        }
        std::this_thread::sleep_for(50ms);
      }
    }
  }
  PgBouncer(const PgBouncer&) = delete;
  PgBouncer& operator=(const PgBouncer&) = delete;
  ~PgBouncer() {
    if (!process_.empty()) {
      process_.front().kill(SIGTERM);
      process_.front().wait();
    }
    if (!keep_) e2e::remove_all(dir_);
  }
  void keep() { keep_ = true; }
  [[nodiscard]] const std::string& dir() const { return dir_; }

  [[nodiscard]] std::string conninfo(const std::string& db) const {
    return "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=" + db + " user=" + user_ +
           " password=" + password_;
  }
  [[nodiscard]] std::string log() const {
    return e2e::path_exists(dir_ + "/pgbouncer.log") ? e2e::read_text_file(dir_ + "/pgbouncer.log")
                                                     : "(no log)";
  }

 private:
  std::string dir_, user_, password_;
  int port_;
  bool keep_ = false;
  std::vector<e2e::Process> process_;  // zero or one; a vector because Process is move-only
};

class ConcurrentUpgrades : public testing::Test {
 protected:
  void SetUp() override {
    try {
      e2e::require_test_server();
    } catch (const std::exception& e) {
      GTEST_FAIL() << e.what();
    }
    tmp_ = e2e::make_temp_dir("pum-it-eight");
    scratch_ = tmp_ + "/scratch";
    project_ = tmp_ + "/project";
    e2e::write_text_file(scratch_ + "/.keep", "");
    write_project(project_);
  }
  void TearDown() override {
    if (HasFailure()) {
      std::cout << "kept " << tmp_ << " and the databases it_eight_* for inspection\n";
      return;
    }
    for (const auto& db : dbs_) e2e::drop_database(db);
    e2e::remove_all(tmp_);
  }

  e2e::ProcessOptions pum(const std::string& conninfo, const std::vector<std::string>& args) {
    e2e::ProcessOptions options;
    options.argv = {e2e::pum_binary_path(PUM_BINARY), "-p", conninfo, "-d", project_};
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.env["NO_COLOR"] = "1";
    options.env["PGAPPNAME"] = std::nullopt;
    options.env["PGOPTIONS"] = std::nullopt;  // PgBouncer refuses the options startup parameter
    options.timeout = 180s;
    return options;
  }

  // Eight upgrades of one database through one conninfo, and what became of them.
  struct Group {
    std::string db;
    std::string conninfo;
    std::vector<e2e::Process> processes;
    std::set<std::string> holders;  // backends seen holding the advisory lock in `db`
    std::vector<e2e::ProcessResult> results;
  };

  Group make_group(const std::string& db, const std::string& conninfo) {
    e2e::recreate_database(db);
    dbs_.push_back(db);
    const e2e::ProcessResult install = e2e::run_process(
        pum(e2e::conninfo_for(db), {"install", "--max-version", "1.0.0"}), scratch_);
    EXPECT_EQ(install.exit_code, 0) << install.status() << "\n" << install.stderr_text;
    Group g;
    g.db = db;
    g.conninfo = conninfo;
    return g;
  }

  // Starts every group's upgrades at once, records the lock's holders per database on the server
  // while they run, and waits for all of them.
  void run_groups(std::vector<Group>& groups) {
    for (int i = 0; i < kProcesses; ++i) {
      for (auto& g : groups) g.processes.emplace_back(pum(g.conninfo, {"upgrade"}), scratch_);
    }
    e2e::Db watcher(e2e::conninfo_for("postgres"));
    auto any_running = [&] {
      for (auto& g : groups) {
        for (auto& p : g.processes) {
          if (p.running()) return true;
        }
      }
      return false;
    };
    while (any_running()) {
      for (const auto& row : watcher.query(
               "SELECT d.datname, l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
               "WHERE l.locktype = 'advisory' AND l.granted")) {
        for (auto& g : groups) {
          if (row[0] && row[1] && *row[0] == g.db) g.holders.insert(*row[1]);
        }
      }
      std::this_thread::sleep_for(20ms);
    }
    for (auto& g : groups) {
      for (auto& p : g.processes) g.results.push_back(p.wait());
    }
  }

  // Every process exits 0, one applies the changelogs, the seven others wait naming a backend
  // that held the lock of *their* database, and every version is recorded once.
  void check_group(const Group& g) {
    const std::regex waiting(
        "Waiting for the lock on public\\.pum_migrations: held by pid ([0-9]+) "
        "\\(application_name 'pum'");
    int waited = 0;
    int applied = 0;
    for (const auto& r : g.results) {
      EXPECT_TRUE(r.exit_code == 0 && r.signal == 0 && !r.timed_out) << report(g.results);
      if (r.stderr_text.find("Applying changelog version 1.1.0") != std::string::npos) ++applied;
      std::smatch m;
      if (std::regex_search(r.stderr_text, m, waiting)) {
        ++waited;
        EXPECT_EQ(g.holders.count(m[1].str()), 1U)
            << g.db << ": a process names pid " << m[1].str()
            << " as the lock holder, which was never seen holding the lock of this database\n"
            << report(g.results);
      }
    }
    EXPECT_EQ(applied, 1) << "exactly one process applies the changelogs\n" << report(g.results);
    // All start within milliseconds and the first holds the lock for two seconds: the seven
    // others wait, and say for whom.
    EXPECT_EQ(waited, kProcesses - 1) << report(g.results);
    std::cout << "[ conc     ] " << g.db << ": " << kProcesses << " upgrades, " << applied
              << " applied, " << waited
              << " waited naming the holder; holders seen: " << g.holders.size() << "\n";

    e2e::Db db(e2e::conninfo_for(g.db));
    EXPECT_EQ(e2e::format_rows(
                  db.query("SELECT version, count(*) FROM public.pum_migrations GROUP BY version "
                           "ORDER BY string_to_array(version, '.')::int[]")),
              "[\"1.0.0\", \"1\"]\n[\"1.1.0\", \"1\"]\n[\"1.2.0\", \"1\"]\n[\"1.3.0\", \"1\"]\n"
              "[\"1.4.0\", \"1\"]\n[\"1.5.0\", \"1\"]\n")
        << report(g.results);
    EXPECT_EQ(db.value("SELECT count(*) FROM conc_data.applied"), "6");
    EXPECT_EQ(db.value("SELECT n FROM conc_app.v"), "6");
    EXPECT_EQ(db.value("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                       "(SELECT oid FROM pg_database WHERE datname = current_database())"),
              "0");
  }

  std::string tmp_, scratch_, project_;
  std::vector<std::string> dbs_;
};

TEST_F(ConcurrentUpgrades, EightAtOnce) {
  const std::string db = e2e::database_name("it_", "eight_upgrades");
  std::vector<Group> groups;
  groups.push_back(make_group(db, e2e::conninfo_for(db)));
  run_groups(groups);
  check_group(groups[0]);
}

// The lock is per database: eight upgrades on each of two databases of one server at the same
// time; each waiting process must name the holder in its own database.
TEST_F(ConcurrentUpgrades, EightAtOnceOnEachOfTwoDatabases) {
  std::vector<Group> groups;
  for (const char* name : {"eight_upgrades_a", "eight_upgrades_b"}) {
    const std::string db = e2e::database_name("it_", name);
    groups.push_back(make_group(db, e2e::conninfo_for(db)));
  }
  run_groups(groups);
  for (const auto& g : groups) check_group(g);
}

TEST_F(ConcurrentUpgrades, EightAtOnceThroughPgBouncerTransactionPooling) {
  const std::string db = e2e::database_name("it_", "eight_upgrades_pgbouncer");
  const char* user = std::getenv("PGUSER");
  std::unique_ptr<PgBouncer> bouncer;
  try {
    bouncer = std::make_unique<PgBouncer>(user != nullptr ? user : "postgres", "bouncer-s3cret");
  } catch (const std::exception& e) {
    GTEST_FAIL() << e.what();
  }
  std::vector<Group> groups;
  groups.push_back(make_group(db, bouncer->conninfo(db)));
  run_groups(groups);
  check_group(groups[0]);
  if (HasFailure()) {
    bouncer->keep();
    std::cout << "pgbouncer (kept in " << bouncer->dir() << ") log:\n" << bouncer->log();
  }
}

// Two fleet runs at once over the same four databases, every target through PgBouncer in
// transaction pooling: each database gets every version once, no lock is left behind, and the
// password of the targets file never reaches the output.
TEST_F(ConcurrentUpgrades, TwoFleetsAtOnceThroughPgBouncerTransactionPooling) {
  const char* user = std::getenv("PGUSER");
  std::unique_ptr<PgBouncer> bouncer;
  try {
    bouncer = std::make_unique<PgBouncer>(user != nullptr ? user : "postgres", "bouncer-s3cret");
  } catch (const std::exception& e) {
    GTEST_FAIL() << e.what();
  }
  std::string targets = "targets:\n";
  for (int i = 1; i <= 4; ++i) {
    const std::string db = e2e::database_name("it_", "fleet_pgbouncer_" + std::to_string(i));
    e2e::recreate_database(db);
    dbs_.push_back(db);
    const e2e::ProcessResult install = e2e::run_process(
        pum(e2e::conninfo_for(db), {"install", "--max-version", "1.0.0"}), scratch_);
    ASSERT_EQ(install.exit_code, 0) << install.stderr_text;
    targets += "  - name: " + db + "\n    pg: \"" + bouncer->conninfo(db) + "\"\n";
  }
  e2e::write_text_file(tmp_ + "/targets.yaml", targets);
  std::vector<e2e::Process> fleets;
  fleets.reserve(2);
  for (int i = 0; i < 2; ++i) {
    e2e::ProcessOptions options = pum("", {});
    options.argv = {
        e2e::pum_binary_path(PUM_BINARY), "-d", project_, "fleet", "upgrade", "--targets",
        tmp_ + "/targets.yaml",           "-j", "4",      "--json"};
    fleets.emplace_back(options, scratch_);
  }
  for (auto& fleet : fleets) {
    const e2e::ProcessResult r = fleet.wait();
    EXPECT_EQ(r.exit_code, 0) << r.status() << "\n" << r.stderr_text << r.stdout_text;
    EXPECT_EQ(r.stdout_text.find("bouncer-s3cret"), std::string::npos) << r.stdout_text;
    EXPECT_EQ(r.stderr_text.find("bouncer-s3cret"), std::string::npos) << r.stderr_text;
  }
  for (const auto& db : dbs_) {
    e2e::Db conn(e2e::conninfo_for(db));
    EXPECT_EQ(conn.value("SELECT count(*) FROM public.pum_migrations"), "6") << db;
    EXPECT_EQ(conn.value("SELECT count(*) FROM conc_data.applied"), "6") << db;
    EXPECT_EQ(conn.value("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database "
                         "= (SELECT oid FROM pg_database WHERE datname = current_database())"),
              "0")
        << db;
  }
  if (HasFailure()) {
    bouncer->keep();
    std::cout << "pgbouncer (kept in " << bouncer->dir() << ") log:\n" << bouncer->log();
  }
}

}  // namespace
