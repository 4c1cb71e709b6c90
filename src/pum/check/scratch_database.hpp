#pragma once
// The scratch database of `drift`: created with a unique name on a server pum is connected to,
// dropped again in the destructor whatever happened in between (an error, a SIGINT/SIGTERM/SIGHUP:
// see SignalGuard).
#include <atomic>
#include <string>
#include <string_view>
#include <thread>

#include "pum/db/connection.hpp"

namespace pum::check {

// While alive, SIGINT, SIGTERM and SIGHUP do not end pum at once: a watcher thread receives them,
// ends every session connected to the scratch database (so that whatever runs there fails and
// the stack unwinds, dropping the database), and remembers the signal; reraise() then ends pum
// with it. Construct it before any other thread is started: the signals are blocked in the
// threads created afterwards. (SIGUSR2 is blocked too while it lives: it wakes the watcher up.)
class SignalGuard {
 public:
  // admin_conninfo: where to connect to end the sessions of `database`.
  SignalGuard(std::string admin_conninfo, std::string database);
  ~SignalGuard();
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;

  [[nodiscard]] int signal() const { return signal_.load(); }
  // Throws pum::Error ("interrupted") when a signal came: stops the work between two steps.
  void throw_if_signalled() const;
  // Stops watching, restores the signal mask and, when a signal came, ends pum with it. The
  // destructor does the same.
  void reraise();

 private:
  void stop();
  void watch();

  std::string admin_conninfo_;
  std::string database_;
  std::atomic<int> signal_{0};
  std::atomic<bool> stopping_{false};
  bool stopped_ = false;
  std::thread watcher_;
};

class ScratchDatabase {
 public:
  // Creates the database `name` (see make_name) through `admin` (no transaction may be open on
  // it).
  ScratchDatabase(db::Connection& admin, std::string name);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  [[nodiscard]] const std::string& name() const { return name_; }
  // A connection string reaching the scratch database with the admin connection's settings
  // (host, port, user, password, SSL ...).
  [[nodiscard]] std::string conninfo() const { return conninfo_for(admin_, name_); }

  // The settings of a live connection as a conninfo string, with another database name.
  static std::string conninfo_for(const db::Connection& conn, const std::string& dbname);
  // pum_drift_ + the letters, digits and _ of hint (at most 30) + _ + 8 hex digits.
  static std::string make_name(std::string_view hint);

 private:
  void drop() noexcept;

  db::Connection& admin_;
  std::string name_;
};

}  // namespace pum::check
