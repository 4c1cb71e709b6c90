#include "pum/plan/plan.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "pum/util/error.hpp"

namespace pum::plan {
namespace {

[[noreturn]] void throw_nothing_to_run() {
  throw Error("no changelog version to install")
      .hint("add a version directory such as changelogs/1.0.0 holding that version's .sql files");
}

std::string join_versions(const std::vector<const Migration*>& ms) {
  std::string out;
  for (const auto* m : ms) {
    if (!out.empty()) out += ", ";
    out += m->version.str();
  }
  return out;
}

bool has_migration(const std::vector<Migration>& migrations, const Version& version) {
  return std::any_of(migrations.begin(), migrations.end(),
                     [&](const Migration& m) { return m.version == version; });
}

}  // namespace

std::optional<Version> current_version(const std::vector<Applied>& applied) {
  std::optional<Version> current;
  for (const auto& row : applied) {
    if (!current || row.version > *current) current = row.version;
  }
  return current;
}

Plan plan_install(const std::vector<Migration>& migrations, const PlanOptions& options) {
  if (migrations.empty()) throw_nothing_to_run();
  Plan plan;
  for (const auto& m : migrations) {
    if (options.max_version && m.version > *options.max_version) continue;
    plan.to_apply.push_back(&m);
  }
  if (plan.to_apply.empty()) {
    const Version& first =
        std::min_element(migrations.begin(), migrations.end(), [](const auto& a, const auto& b) {
          return a.version < b.version;
        })->version;
    throw Error(
        fmt::format("no changelog version is lower than or equal to --max-version {}: the first "
                    "one is {}",
                    options.max_version->str(), first.str()))
        .hint(fmt::format("use a --max-version of {} or higher, or leave it out", first.str()));
  }
  return plan;
}

Plan plan_upgrade(const std::vector<Migration>& migrations, const std::vector<Applied>& applied,
                  const PlanOptions& options) {
  Plan plan;
  plan.current = current_version(applied);
  if (!plan.current) {
    throw Error("the migration table has no row: no version of the module is installed")
        .hint(
            "use 'pum install' to install the module, or 'pum baseline -b VERSION' to record the "
            "version an existing database is at");
  }
  const Version& current = *plan.current;
  bool first_row = true;
  for (const auto& row : applied) {
    if (row.version != current) continue;
    if (first_row) plan.current_module = row.module;
    first_row = false;
    plan.current_beta_testing = plan.current_beta_testing || row.beta_testing;
  }

  if (migrations.empty()) throw_nothing_to_run();
  const auto by_version = [](const Migration& a, const Migration& b) {
    return a.version < b.version;
  };
  const auto [lowest, highest] =
      std::minmax_element(migrations.begin(), migrations.end(), by_version);
  const Version& first = lowest->version;
  const Version& last = highest->version;
  if (current > last) {
    throw Error(
        fmt::format("the database is at version {} but no changelog directory for {} exists",
                    current.str(), current.str()))
        .hint(fmt::format(
            "the database is newer than these changelogs (the last one is {}): use the release "
            "of the module that installed {}, or a newer one",
            last.str(), current.str()));
  }
  if (current >= first && !options.skip_baseline_check && !has_migration(migrations, current)) {
    throw Error(
        fmt::format("the database is at version {} but no changelog directory for {} exists",
                    current.str(), current.str()))
        .hint(fmt::format("the directory of version {} was removed or renamed: restore it, or use "
                          "--skip-baseline-check if the database really is at {}",
                          current.str(), current.str()));
  }

  // Applied versions, sorted for binary search: both lists may hold thousands of versions.
  std::vector<Version> done;
  done.reserve(applied.size());
  for (const auto& row : applied) done.push_back(row.version);
  std::sort(done.begin(), done.end());

  std::vector<const Migration*> never_applied;
  for (const auto& m : migrations) {
    if (options.max_version && m.version > *options.max_version) continue;
    if (m.version > current) {
      plan.to_apply.push_back(&m);
    } else if (!std::binary_search(done.begin(), done.end(), m.version)) {
      (options.skip_baseline_check ? plan.skipped_below_baseline : never_applied).push_back(&m);
    }
  }
  if (!never_applied.empty()) {
    Error error(fmt::format(
        "changelog version {} is lower than or equal to the current version {} but not applied",
        never_applied.front()->version.str(), current.str()));
    if (never_applied.size() > 1) {
      error.detail("DETAIL",
                   fmt::format("versions never applied: {}", join_versions(never_applied)));
    }
    error.hint(fmt::format(
        "if the database was restored from a dump and then set to {} with 'pum baseline', the "
        "objects of the versions up to {} are already in it: run the upgrade again with "
        "--skip-baseline-check to skip the versions that have no row",
        current.str(), current.str()));
    throw error;
  }
  return plan;
}

void check_baseline(const Version& version, const std::vector<Applied>& applied) {
  if (!version.is_plain_release()) {
    throw Error(
        fmt::format("cannot set baseline {}: pum records versions as X.Y or X.Y.Z", version.str()))
        .hint("give the version as X.Y or X.Y.Z, e.g. 1.2.3");
  }
  const auto current = current_version(applied);
  if (current && version <= *current) {
    throw Error(fmt::format("Cannot set baseline {} as it is already set at {}.", version.str(),
                            current->str()))
        .hint(fmt::format("a baseline only moves forward: give a version higher than {}",
                          current->str()));
  }
}

}  // namespace pum::plan
