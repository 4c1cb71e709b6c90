#include "pum/ui/progress.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <stop_token>
#include <thread>

#include "pum/ui/colour.hpp"
#include "pum/ui/log.hpp"

namespace pum::progress {

namespace {

using Clock = std::chrono::steady_clock;

// Columns a UTF-8 string takes, counting code points (paths and names: no wide characters).
std::size_t columns(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++n;
  }
  return n;
}

// The last `keep` columns of `text`, starting on a code point.
std::string_view last_columns(std::string_view text, std::size_t keep) {
  std::size_t seen = 0;
  std::size_t i = text.size();
  while (i > 0 && seen < keep) {
    --i;
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) ++seen;
  }
  return text.substr(i);
}

std::string elapsed_text(std::chrono::seconds elapsed) {
  const auto s = elapsed.count();
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

std::size_t terminal_width() {
  winsize size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

// One status line for the whole process: the log, the run and its ticker share it.
struct State {
  std::mutex mutex;
  bool active = false;
  bool drawn = false;
  std::string what;
  std::size_t total = 0;
  std::size_t done = 0;
  std::string label;
  Clock::time_point started;
  bool dim = false;  // the line in faint text, where colour is wanted
  std::condition_variable_any tick;
  std::jthread ticker;
};

State& state() {
  static State s;
  return s;
}

void write_raw(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stderr); }

// With the lock held.
void erase(State& s) {
  if (!s.drawn) return;
  write_raw("\r\033[K");
  s.drawn = false;
}

// With the lock held. The line is one column short of the width: a line that fills the last
// column wraps on some terminals, and "\r" would then erase only its second half.
void draw(State& s) {
  if (!s.active) return;
  const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - s.started);
  const std::string line =
      status_line(s.what, s.done, s.total, s.label, elapsed, terminal_width() - 1);
  write_raw(s.dim ? fmt::format("\r\033[K\033[2m{}\033[0m", line)
                  : fmt::format("\r\033[K{}", line));
  std::fflush(stderr);
  s.drawn = true;
}

}  // namespace

std::string status_line(std::string_view what, std::size_t done, std::size_t total,
                        std::string_view label, std::chrono::seconds elapsed, std::size_t width) {
  const std::size_t digits = std::to_string(total).size();
  std::string head = fmt::format("[{:>{}}/{} {}] ", done, digits, total, what);
  const std::string tail = "  " + elapsed_text(elapsed);
  const std::size_t fixed = columns(head) + columns(tail);
  if (fixed >= width) return head.substr(0, width);
  const std::size_t room = width - fixed;
  std::string middle;
  if (columns(label) <= room) {
    middle = label;
  } else if (room > 1) {
    middle.append("…").append(last_columns(label, room - 1));
  }
  return head.append(middle).append(tail);
}

bool wanted() {
  if (isatty(STDERR_FILENO) == 0) return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return log::enabled(log::Level::info);
}

Run::Run(std::string what, std::size_t total) {
  if (total == 0 || !wanted()) return;
  State& s = state();
  std::lock_guard lock(s.mutex);
  if (s.active) return;  // an outer run shows its line already
  active_ = true;
  s.active = true;
  s.what = std::move(what);
  s.total = total;
  s.done = 0;
  s.label.clear();
  s.started = Clock::now();
  s.dim = log::colour_wanted(true, std::getenv("NO_COLOR"), std::getenv("TERM"));
  s.ticker = std::jthread([&s](const std::stop_token& stop) {
    std::unique_lock held(s.mutex);
    while (!stop.stop_requested()) {
      s.tick.wait_for(held, stop, std::chrono::seconds(1), [] { return false; });
      if (!stop.stop_requested()) draw(s);
    }
  });
  draw(s);
}

Run::~Run() {
  if (!active_) return;
  State& s = state();
  s.ticker.request_stop();
  if (s.ticker.joinable()) s.ticker.join();
  std::lock_guard lock(s.mutex);
  erase(s);
  std::fflush(stderr);
  s.active = false;
}

void Run::step(std::string_view label) {
  if (!active_) return;
  State& s = state();
  std::lock_guard lock(s.mutex);
  if (s.done < s.total) ++s.done;
  s.label = label;
  draw(s);
}

void write_log_line(std::string_view line) {
  State& s = state();
  std::lock_guard lock(s.mutex);
  erase(s);
  write_raw(line);
  draw(s);
}

}  // namespace pum::progress
