#include "pum/check/scratch_database.hpp"

#include <fmt/format.h>
#include <pthread.h>

#include <csignal>
#include <memory>
#include <random>

#include "pum/check/catalog_sql.hpp"
#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"

namespace pum::check {

namespace {

sigset_t watched_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGUSR2);  // only to wake the watcher up when it is no longer needed
  return set;
}

std::string conninfo_value(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

SignalGuard::SignalGuard(std::string admin_conninfo, std::string database)
    : admin_conninfo_(std::move(admin_conninfo)), database_(std::move(database)) {
  sigset_t set = watched_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  watcher_ = std::thread([this] { watch(); });
}

SignalGuard::~SignalGuard() { reraise(); }

void SignalGuard::throw_if_signalled() const {
  if (int sig = signal_.load(); sig != 0) {
    throw Error(fmt::format("interrupted by signal {}", sig));
  }
}

void SignalGuard::watch() {
  sigset_t set = watched_signals();
  int received = 0;
  if (sigwait(&set, &received) != 0 || stopping_.load() || received == SIGUSR2) return;
  signal_.store(received);
  log::warning("Interrupted: dropping the scratch database {} before exiting", database_);
  try {
    db::Connection conn = db::Connection::open(admin_conninfo_);
    conn.query(sql::kTerminateSessions, {database_});
  } catch (const Error& error) {
    log::warning("could not end the sessions of {}: {}", database_, error.message());
  }
}

void SignalGuard::stop() {
  if (stopped_) return;
  stopped_ = true;
  stopping_.store(true);
  if (signal_.load() == 0) pthread_kill(watcher_.native_handle(), SIGUSR2);
  watcher_.join();
  sigset_t set = watched_signals();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

void SignalGuard::reraise() {
  stop();
  if (int sig = signal_.load(); sig != 0) {
    std::signal(sig, SIG_DFL);
    std::raise(sig);
  }
}

std::string ScratchDatabase::make_name(std::string_view hint) {
  std::string name = "pum_drift_";
  std::size_t kept = 0;
  for (char c : hint) {
    if (kept == 30) break;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
      name += c;
    } else if (c >= 'A' && c <= 'Z') {
      name += static_cast<char>(c - 'A' + 'a');
    } else {
      continue;
    }
    ++kept;
  }
  std::random_device random;
  return name + fmt::format("_{:08x}", random());
}

std::string ScratchDatabase::conninfo_for(const db::Connection& conn, const std::string& dbname) {
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfo(conn.raw()),
                                                                       &PQconninfoFree);
  std::string out;
  for (PQconninfoOption* o = options.get(); o != nullptr && o->keyword != nullptr; ++o) {
    std::string_view keyword = o->keyword;
    if (keyword == "dbname" || keyword == "service" || keyword == "replication" ||
        keyword == "password" || o->val == nullptr || *o->val == '\0') {
      continue;
    }
    out += fmt::format("{}={} ", keyword, conninfo_value(o->val));
  }
  // The password actually used, wherever it came from (the .pgpass entry may name the database).
  if (const char* password = PQpass(conn.raw()); password != nullptr && *password != '\0') {
    out += fmt::format("password={} ", conninfo_value(password));
  }
  return out + "dbname=" + conninfo_value(dbname);
}

ScratchDatabase::ScratchDatabase(db::Connection& admin, std::string name)
    : admin_(admin), name_(std::move(name)) {
  try {
    admin_.exec(fmt::format(fmt::runtime(sql::kCreateDatabase),
                            fmt::arg("name", admin_.quote_ident(name_))));
  } catch (Error& error) {
    error.prefix(fmt::format("cannot create the scratch database {}: ", name_))
        .hint(
            "drift needs a role allowed to create databases (CREATEDB); --scratch CONNINFO "
            "creates it through another connection (another server or user)");
    throw;
  }
  log::debug("Created the scratch database {}", name_);
}

ScratchDatabase::~ScratchDatabase() { drop(); }

void ScratchDatabase::drop() noexcept {
  try {
    std::string quoted = admin_.quote_ident(name_);
    if (admin_.server_version() >= 130000) {
      admin_.exec(fmt::format(fmt::runtime(sql::kDropDatabaseForce), fmt::arg("name", quoted)));
    } else {
      admin_.query(sql::kTerminateSessions, {name_});
      admin_.exec(fmt::format(fmt::runtime(sql::kDropDatabase), fmt::arg("name", quoted)));
    }
    log::debug("Dropped the scratch database {}", name_);
  } catch (const Error& error) {
    log::warning("could not drop the scratch database {}: {}", name_, error.message());
  } catch (const std::exception& e) {
    log::warning("could not drop the scratch database {}: {}", name_, e.what());
  }
}

}  // namespace pum::check
