#include "pum/plan/installed.hpp"

#include <fmt/format.h>

#include "pum/util/error.hpp"

namespace pum::plan {
namespace {

// The hint of a refusal, left off when the command refuses tersely.
Error with_hint(Error error, const Expect& expect, std::string hint) {
  if (expect.hints) error.hint(std::move(hint));
  return error;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

void refuse_other_tables(const std::vector<std::string>& other_tables, bool installing) {
  throw Error(fmt::format("another module is installed in this database ({})", join(other_tables)))
      .hint(installing ? "pass --allow-multiple-modules to install several modules, each with its "
                         "own pum.migration_table_schema"
                       : "pass --allow-multiple-modules to keep several modules in one database, "
                         "each with its own pum.migration_table_schema");
}

std::optional<std::string> check_installed(const Installed& installed, const Expect& expect,
                                           const Module& module) {
  if (expect.table == Table::absent && installed.exists) {
    throw with_hint(Error(fmt::format("{} already exists. This means that the module is already "
                                      "installed in this database",
                                      installed.table)),
                    expect,
                    "use pum upgrade to apply newer changelogs, pum info to see the installed "
                    "version");
  }
  if (expect.table == Table::present && !installed.exists) {
    throw with_hint(
        Error(fmt::format("{} does not exist: the module is not installed in this database",
                          installed.table)),
        expect,
        "use pum install, or pum baseline --create-table -b VERSION for a database installed by "
        "other means");
  }
  if (!installed.exists) {
    if (!expect.other_tables_allowed && !installed.other_tables.empty()) {
      refuse_other_tables(installed.other_tables, true);
    }
    return std::nullopt;
  }
  if (!installed.latest) {
    if (expect.row) {
      throw with_hint(Error(fmt::format("{} holds no version", installed.table)), expect,
                      "record the installed version with pum baseline -b VERSION");
    }
    return std::nullopt;
  }
  const LatestRow& latest = *installed.latest;
  if (!latest.module.empty() && latest.module != module.name) {
    if (expect.other_module == OtherModule::warn) {
      return fmt::format("{} holds module '{}', but {} describes module '{}'", installed.table,
                         latest.module, module.config_file, module.name);
    }
    throw with_hint(
        Error(fmt::format("this database holds module '{}' in {}, but {} describes module '{}'",
                          latest.module, installed.table, module.config_file, module.name)),
        expect,
        "check -p (wrong database?) and -d/-c (wrong module?); each module needs its own "
        "pum.migration_table_schema");
  }
  if (latest.beta_testing && !expect.beta_testing_allowed) {
    throw with_hint(Error(fmt::format("the installation is in beta testing (version {}): it "
                                      "cannot be upgraded",
                                      latest.version)),
                    expect,
                    "pass --force to upgrade it anyway; its versions stay marked beta testing");
  }
  return std::nullopt;
}

}  // namespace pum::plan
