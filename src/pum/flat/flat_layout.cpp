#include "pum/flat/flat_layout.hpp"

#include <fmt/format.h>

#include <ctime>

#include "pum/flat/flat_config.hpp"
#include "pum/flat/flat_name.hpp"
#include "pum/util/error.hpp"

namespace fs = std::filesystem;

namespace pum::flat {

Layout::Layout(db::Connection& conn, LayoutOptions options)
    : source(options.dir, options.dir_display),
      tracking(conn, options.tracking),
      templates(options.tracking.schema) {}

std::function<sql::Rendered(const sql::Script&, const sql::Statement&)> Layout::renderer() const {
  const Templates* t = &templates;
  return [t](const sql::Script& script, const sql::Statement& statement) {
    return t->render(script, statement);
  };
}

bool looks_like_flat_project(const fs::path& dir) {
  std::error_code ec;
  if (fs::exists(dir / ".pum.yaml", ec)) return declares_flat_layout(dir / ".pum.yaml");
  for (const auto& name : sql_file_names(dir)) {
    if (parse_flat_name(name)) return true;
  }
  return false;
}

namespace {

std::string utc_digits(std::chrono::system_clock::time_point now) {
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}{:02}{:02}{:02}{:02}{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::uint64_t to_u64(const std::string& digits) {
  std::uint64_t v = 0;
  for (char c : digits) v = v * 10 + static_cast<std::uint64_t>(c - '0');
  return v;
}

// A 14-digit time at least `after + 1` (when it is a number of 14 digits).
std::string time_after(std::chrono::system_clock::time_point now, std::uint64_t after) {
  std::string digits = utc_digits(now);
  if (to_u64(digits) <= after) digits = fmt::format("{:014}", after + 1);
  return digits;
}

}  // namespace

std::string next_file_name(const std::vector<std::string>& existing, std::string_view name,
                           std::chrono::system_clock::time_point now) {
  if (name.empty()) throw usage_error("the migration needs a name");
  for (char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) {
      throw usage_error(fmt::format(
          "invalid migration name '{}': use letters, digits and underscores only", name));
    }
  }
  std::optional<FlatName> latest;
  for (const auto& file : existing) {
    auto parsed = parse_flat_name(file);
    if (parsed && (!latest || latest->version < parsed->version)) latest = std::move(parsed);
  }
  if (!latest) return fmt::format("001_{}.sql", name);
  switch (latest->style) {
    case NameStyle::timestamp: {
      const std::string digits = time_after(now, to_u64(latest->version.str()));
      return fmt::format("{}_{}_{}.sql", digits.substr(0, 8), digits.substr(8), name);
    }
    case NameStyle::flyway: {
      const std::uint64_t major = latest->version.release().front();
      return fmt::format("V{}__{}.sql", major + 1, name);
    }
    case NameStyle::number:
    default: {
      if (latest->number.size() == 14) {
        return fmt::format("{}_{}.sql", time_after(now, to_u64(latest->number)), name);
      }
      const std::uint64_t next = to_u64(latest->number) + 1;
      return fmt::format("{:0{}}_{}.sql", next, latest->number.size(), name);
    }
  }
}

}  // namespace pum::flat
