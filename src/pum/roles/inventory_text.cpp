// The text of `role list`: pum 1.8's line forms (✓/✗ per role, per schema, sections for the
// missing and the non-configured roles), section titles and a summary line.
#include <fmt/format.h>

#include "pum/config/suggest.hpp"
#include "pum/roles/inventory_format.hpp"

namespace pum::roles {

namespace {

constexpr const char* kGreen = "\033[32m";
constexpr const char* kRed = "\033[31m";
constexpr const char* kYellow = "\033[33m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kBold = "\033[1m";

class Painter {
 public:
  explicit Painter(bool colour) : colour_(colour) {}
  [[nodiscard]] std::string operator()(const std::string& text, const char* code) const {
    return colour_ ? std::string(code) + text + "\033[0m" : text;
  }

 private:
  bool colour_;
};

std::string tags(bool login, bool superuser) {
  std::string out;
  if (login) out += " [login]";
  if (superuser) out += " [superuser]";
  return out;
}

std::string actual_text(const Access& access) {
  if (access.read && access.write) return "read, write";
  if (access.read) return "read";
  if (access.write) return "write";
  return "none";
}

std::string expected_text(const SchemaStatus& s) {
  if (s.expect_read && s.expect_write) return "read, write";
  return s.expect_write ? "write" : "read";
}

std::string schema_line(const SchemaStatus& s, const Painter& paint) {
  if (s.held_by_variants) {
    return fmt::format("      {} {}  (held by the database-specific roles; actual: {})\n",
                       paint("-", kDim), s.name, s.exists ? actual_text(s.actual) : "none");
  }
  if (!s.exists) {
    return fmt::format("      {} {}  (expected: {}; the schema does not exist)\n", paint("✗", kRed),
                       s.name, expected_text(s));
  }
  if (s.satisfied) {
    return fmt::format("      {} {}  ({})\n", paint("✓", kGreen), s.name, actual_text(s.actual));
  }
  return fmt::format("      {} {}  (expected: {}, actual: {})\n", paint("✗", kRed), s.name,
                     expected_text(s), actual_text(s.actual));
}

std::string schemas_suffix(const std::vector<std::string>& schemas) {
  return schemas.empty() ? std::string() : "  (" + config::join(schemas) + ")";
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string inventory_text(const Inventory& inv, bool colour) {
  const Painter paint(colour);
  std::string out;
  if (inv.configured == 0) {
    out += "No roles are configured.\n";
  } else {
    out += paint("Configured roles:", kBold) + "\n";
  }
  for (const auto& role : inv.roles) {
    std::string line =
        fmt::format("  {} {}", role.satisfied ? paint("✓", kGreen) : paint("✗", kRed), role.name);
    if (role.suffix) line += fmt::format(" [suffixed: {}]", *role.suffix);
    out += line + tags(role.login, role.superuser) + "\n";
    if (!role.member_of.empty()) {
      out += fmt::format("      member of: {}\n", config::join(role.member_of));
    }
    for (const auto& s : role.schemas) out += schema_line(s, paint);
  }
  for (const auto& name : inv.missing) {
    out += fmt::format("  {} {}  {}\n", paint("✗", kRed), name, paint("(missing)", kRed));
  }

  if (!inv.grantees.empty()) {
    out += fmt::format("\n{}\n", paint("Grantee roles (members of configured roles):", kBold));
    for (const auto& r : inv.grantees) {
      out += fmt::format("  {} {}{}  member of: {}{}\n", paint("→", kYellow), r.name,
                         tags(r.login, r.superuser), config::join(r.member_of),
                         schemas_suffix(r.schemas));
    }
  }
  if (!inv.others.empty()) {
    out += fmt::format("\n{}\n", paint("Other roles with schema access:", kBold));
    for (const auto& r : inv.others) {
      out += fmt::format("  {} {}{}{}\n", paint("?", kYellow), r.name, tags(r.login, r.superuser),
                         schemas_suffix(r.schemas));
    }
  }
  if (!inv.other_logins.empty()) {
    out += fmt::format("\n{}\n", paint("Other login roles (no schema access):", kBold));
    for (const auto& r : inv.other_logins)
      out += fmt::format("  {} {}\n", paint("-", kDim), r.name);
  }

  const std::size_t configured = inv.configured;
  const std::size_t unsatisfied = inv.unsatisfied();
  std::string summary = fmt::format(
      "Summary: {}, {} missing, {}, {}.", plural(configured, "configured role", "configured roles"),
      inv.missing.size(),
      plural(inv.variants(), "database-specific variant", "database-specific variants"),
      unsatisfied == 0 && inv.missing.empty() ? std::string("all satisfied")
                                              : fmt::format("{} not satisfied", unsatisfied));
  out += fmt::format("\n{}\n",
                     paint(summary, unsatisfied == 0 && inv.missing.empty() ? kGreen : kRed));
  return out;
}

std::string names_text(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += "  " + name + "\n";
  return out;
}

}  // namespace pum::roles
