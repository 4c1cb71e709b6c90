#include "pum/fleet/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace pum::fleet {

std::string progress_text(std::size_t done, std::size_t failed, std::size_t running,
                          std::size_t total, std::chrono::seconds elapsed) {
  const auto s = elapsed.count();
  return fmt::format("fleet: {}/{} done, {} failed, {} running  {}:{:02}", done, total, failed,
                     running, s / 60, s % 60);
}

bool progress_wanted(bool quiet) {
  if (quiet || isatty(STDERR_FILENO) == 0) return false;
  const char* term = std::getenv("TERM");
  return term == nullptr || std::string_view(term) != "dumb";
}

void Progress::draw(std::size_t done, std::size_t failed, std::size_t running,
                    std::chrono::steady_clock::duration elapsed) {
  if (!enabled_) return;
  const std::string line = fmt::format(
      "\r\033[K{}", progress_text(done, failed, running, total_,
                                  std::chrono::duration_cast<std::chrono::seconds>(elapsed)));
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
  shown_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace pum::fleet
