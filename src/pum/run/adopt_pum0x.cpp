#include "pum/run/adopt_pum0x.hpp"

#include <fmt/format.h>

#include <optional>

#include "pum/delta/upgrades_table.hpp"
#include "pum/plan/installed.hpp"
#include "pum/run/context.hpp"
#include "pum/run/run_report.hpp"
#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"

namespace pum::run {

void adopt_pum0x(const Global& global, const BaselineOptions& options,
                 const std::string& pum0x_table) {
  if (!options.version.empty()) {
    throw usage_error("--baseline and --from-pum0x exclude each other")
        .hint("--from-pum0x records the version the pum 0.x table holds");
  }
  const delta::TableName old_name = delta::TableName::parse(pum0x_table);
  Needs needs;
  needs.hook_files_may_be_missing = true;  // baseline runs no hook
  needs.access = Access::locked;
  Context context(global, needs);
  const config::Config& config = context.config;
  Session& session = context.open_session();
  if (session.table.exists()) {
    throw Error(fmt::format("{} already exists: this database is already managed by pum 1.x",
                            session.table.display_name()))
        .hint(
            "--from-pum0x only adopts a database without a pum_migrations table; use pum info "
            "to see its version");
  }
  delta::UpgradesTable old_table(session.conn, old_name);
  if (!old_table.exists()) {
    throw Error(fmt::format("the pum 0.x upgrades table {} does not exist", old_name.display()))
        .hint("give the table pum 0.x was run with (its -t/--table, usually public.pum)");
  }
  std::optional<layout::AppliedMigration> best;
  for (auto& row : old_table.read()) {
    if (row.success && (!best || row.version > best->version)) best = std::move(row);
  }
  if (!best) {
    throw Error(
        fmt::format("the pum 0.x upgrades table {} holds no successful row", old_name.display()))
        .hint("set a baseline with pum 0.x first, or use pum baseline -b X.Y.Z");
  }
  if (!best->version.is_plain_release()) {
    throw Error(fmt::format("{} records version '{}', which pum 1.x cannot record",
                            old_name.display(), best->version_text));
  }
  if (!options.allow_multiple_modules) {
    auto others = session.table.other_schemas();
    if (!others.empty()) plan::refuse_other_tables(table_names(others), false);
  }
  session.table.create();
  log::info("Created migration table: {}", session.table.display_name());
  log::info("Adopting pum 0.x version {} from {} as baseline in {} table ({} left untouched)",
            best->version.str(), old_name.display(), session.table.display_name(),
            old_name.display());
  session.table.insert({config.module, best->version.str(), false, {}, nlohmann::json::object()});
  session.commit();
  if (options.json) {
    BaselineReport report{config.module, session.table.display_name(), best->version.str()};
    report.table_created = true;
    report.from_pum0x = old_name.display();
    report.duration_ms = context.elapsed_ms();
    print_baseline_report(report);
  }
}

}  // namespace pum::run
