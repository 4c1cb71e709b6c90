#include "pum/db/cancel_on_signal.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>

namespace pum::db {

namespace {
// PQcancel is documented as safe to call from a signal handler; the object is created before
// the handler is installed and freed after it is removed.
std::atomic<PGcancel*> g_cancel{nullptr};
struct sigaction g_old_int {};
struct sigaction g_old_term {};

extern "C" void on_signal(int signo) {
  if (PGcancel* cancel = g_cancel.load()) {
    char message[256];
    PQcancel(cancel, message, sizeof message);
    const char text[] = "\npum: interrupted; the transaction is rolled back\n";
    ssize_t ignored = write(STDERR_FILENO, text, sizeof text - 1);
    (void)ignored;
  }
  std::signal(signo, SIG_DFL);
  std::raise(signo);
}
}  // namespace

CancelOnSignal::CancelOnSignal(Connection& conn) {
  g_cancel.store(PQgetCancel(conn.raw()));
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &g_old_int);
  sigaction(SIGTERM, &action, &g_old_term);
}

CancelOnSignal::~CancelOnSignal() {
  sigaction(SIGINT, &g_old_int, nullptr);
  sigaction(SIGTERM, &g_old_term, nullptr);
  if (PGcancel* cancel = g_cancel.exchange(nullptr)) PQfreeCancel(cancel);
}

}  // namespace pum::db
