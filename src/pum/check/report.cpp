#include "pum/check/report.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>

namespace pum::check {

bool Report::passed() const {
  for (const auto& r : results) {
    if (!r.passed()) return false;
  }
  return true;
}

std::size_t Report::passed_checks() const {
  std::size_t n = 0;
  for (const auto& r : results) n += r.passed() ? 1 : 0;
  return n;
}

std::size_t Report::total_differences() const {
  std::size_t n = 0;
  for (const auto& r : results) n += r.differences.size();
  return n;
}

std::string local_timestamp() {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                    now - std::chrono::system_clock::from_time_t(seconds))
                    .count();
  std::tm local{};
  localtime_r(&seconds, &local);
  std::string text =
      fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", local.tm_year + 1900, local.tm_mon + 1,
                  local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec);
  // Python omits the fraction when it is zero.
  if (micros != 0) text += fmt::format(".{:06}", micros);
  return text;
}

}  // namespace pum::check
