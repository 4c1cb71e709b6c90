#include "pum/run/engine.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "pum/db/advisory_lock.hpp"
#include "pum/db/cancel_on_signal.hpp"
#include "pum/ui/log.hpp"
#include "pum/ui/progress.hpp"
#include "pum/util/error.hpp"

namespace pum::run {

namespace {

using Clock = std::chrono::steady_clock;

// Files are joined into one message up to this size (one larger file goes alone): beyond it a
// round trip costs nothing next to the server's work, and a bigger message only costs memory.
constexpr std::size_t kBatchBytes = std::size_t{1} << 20;

std::int64_t elapsed_ms(Clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count();
}

bool runs_in_transaction(const Migration& migration) {
  for (const auto& file : migration.files) {
    if (!file.transactional) return false;
  }
  return true;
}

// Every migration with a row is read, so that an edited file is found before anything runs.
void read_applied(LayoutRun& layout, std::vector<Migration>& migrations,
                  const std::vector<layout::AppliedMigration>& rows) {
  std::unordered_set<std::string> keys;
  for (const auto& row : rows) {
    if (!row.checksum.empty()) keys.insert(row.key);
  }
  if (keys.empty()) return;
  for (auto& m : migrations) {
    if (keys.contains(m.key)) layout.source.read(m);
  }
}

void report_changed(const plan::Pending& plan, ChangedFile policy, const std::string& table_name) {
  if (plan.changed.empty()) return;
  if (policy == ChangedFile::warn) {
    for (const auto& c : plan.changed) {
      log::warning(
          "{} was changed after it was applied (checksum {} in {}, {} now); it is not "
          "applied again",
          c.migration->display, c.row->checksum, table_name, c.migration->checksum);
    }
    return;
  }
  const auto& first = plan.changed.front();
  Error error(fmt::format(
      "{} has been modified after being applied: its checksum is {} in {} "
      "but {} now",
      first.migration->display, first.row->checksum, table_name, first.migration->checksum));
  for (std::size_t i = 1; i < plan.changed.size(); ++i) {
    const auto& c = plan.changed[i];
    error.detail("DETAIL",
                 fmt::format("{} is modified too ({} recorded, {} now)", c.migration->display,
                             c.row->checksum, c.migration->checksum));
  }
  error.hint(
      "never edit an applied migration: undo the edit and add a new migration; if the edit is "
      "intended (a comment, a fix that changes nothing applied), accept it with pum verify "
      "--accept FILE --reason TEXT");
  throw error;
}

}  // namespace

std::vector<std::vector<Unit>> prepare_pending(LayoutRun& layout,
                                               const std::vector<Migration*>& pending) {
  std::vector<std::vector<Unit>> result;
  result.reserve(pending.size());
  for (Migration* migration : pending) {
    layout.source.read(*migration);
    std::vector<Unit> units;
    units.reserve(migration->files.size());
    for (const auto& file : migration->files) {
      if (file.python) {
        units.push_back(Unit{file.display, sql::parse_script(SourceText(file.display, "")), {}});
        continue;
      }
      units.push_back(prepare_file(file.path, file.display, layout.rules));
      release(units.back());  // prepared again when it runs (reload)
    }
    result.push_back(std::move(units));
  }
  return result;
}

void apply_migrations(db::Connection& conn, LayoutRun& layout,
                      const std::vector<const Migration*>& pending,
                      const std::vector<std::vector<Unit>>& units, const layout::Record& base,
                      std::optional<db::Transaction>& transaction,
                      std::vector<std::int64_t>* durations) {
  // The previous migration's row travels ahead of the next migration's SQL in the same round
  // trip: before the next migration runs, as pum 1.x records it, but without a round trip of its
  // own. Installing 1,000 one-file versions took 1.57x `psql -1 -f` with one INSERT per version
  // and runs at par this way (the benchmark table of README.md). An empty sql means no row.
  std::size_t file_count = 0;
  for (const auto& files : units) file_count += files.size();
  progress::Run progress("files", file_count);
  Prefix row;
  auto flush = [&] {
    if (row.sql.empty()) return;
    try {
      conn.exec(row.sql);
      for (const auto& more : row.then) conn.exec(more);
    } catch (Error& e) {
      throw e.prefix(row.what + ": ");
    }
    row = Prefix{};
  };
  for (std::size_t i = 0; i < pending.size(); ++i) {
    const Migration& migration = *pending[i];
    const auto started = Clock::now();
    if (layout.lifecycle != nullptr && layout.lifecycle->has(Event::pre_execute)) {
      flush();
      layout.lifecycle->fire(Event::pre_execute, &conn, {&migration, "pending", 0, nullptr});
    }
    if (layout.on_start) {
      layout.on_start(migration);
    } else {
      log::info("Applying {}", migration.display);
    }
    layout::Record record = base;
    record.migration = &migration;
    record.version = migration.version;
    record.files.clear();
    for (const auto& unit : units[i]) record.files.push_back(unit.label);
    const std::string record_what = fmt::format(
        "cannot record {} in {}", layout.describe ? layout.describe(migration) : migration.display,
        layout.tracking.display_name());

    if (!runs_in_transaction(migration)) {
      // Committed before, run statement by statement in autocommit, recorded at once: the
      // database keeps what such a file did even if a later migration fails.
      flush();
      if (transaction) {
        transaction->commit();
        transaction.reset();
      }
      for (const auto& unit : units[i]) {
        if (layout.log_files) log::info("Executing {} (outside a transaction)", unit.label);
        progress.step(unit.label);
        execute_each(conn, unit.released ? reload(unit, layout.rules) : unit);
      }
      record.execution_ms = elapsed_ms(started);
      try {
        conn.exec(layout.tracking.record_sql(record));
      } catch (Error& e) {
        throw e.prefix(record_what + ": ");
      }
      transaction.emplace(conn);
      if (durations != nullptr) durations->push_back(record.execution_ms);
      if (layout.lifecycle != nullptr) {
        layout.lifecycle->fire(Event::post_execute, &conn,
                               {&migration, "applied", record.execution_ms, nullptr});
      }
      if (layout.on_done) layout.on_done(migration, record.execution_ms);
      continue;
    }

    // The files of a migration go in one message too (a round trip per file was most of what a
    // small install spent over psql), broken after a file whose last statement lacks its ';'
    // (see ends_with_semicolon), around a Python file, and before a file that would take the
    // message past kBatchBytes: a released file is prepared again just before it is sent and
    // freed with its message, so memory follows the largest file, not the version.
    std::deque<Unit> loaded;
    std::vector<const Unit*> batch;
    std::size_t batch_bytes = 0;
    auto send = [&] {
      if (batch.empty()) return;
      auto on_file = [&](std::size_t k) {
        if (layout.log_files) log::info("Executing {}", batch[k]->label);
        progress.step(batch[k]->label);
      };
      execute_batch(conn, batch, row.sql.empty() ? nullptr : &row, on_file);
      row = Prefix{};
      batch.clear();
      loaded.clear();
      batch_bytes = 0;
    };
    for (std::size_t f = 0; f < units[i].size(); ++f) {
      const Unit& unit = units[i][f];
      const bool python = f < migration.files.size() && migration.files[f].python;
      if (python) {  // runs on its own, after everything before it
        send();
        flush();
        if (layout.log_files) log::info("Executing {}", unit.label);
        progress.step(unit.label);
        if (!layout.run_python) {
          throw Error(fmt::format("{}: this layout cannot run Python files", unit.label));
        }
        layout.run_python(conn, migration, migration.files[f]);
        continue;
      }
      if (!unit.has_statements) {  // only comments: nothing to send
        if (layout.log_files) log::info("Executing {}", unit.label);
        progress.step(unit.label);
        continue;
      }
      if (batch_bytes + unit.sql_bytes > kBatchBytes) send();
      const Unit* ready = &unit;
      if (unit.released) {
        loaded.push_back(reload(unit, layout.rules));
        ready = &loaded.back();
      }
      batch.push_back(ready);
      batch_bytes += ready->sql_bytes;
      if (!ends_with_semicolon(*ready)) send();
    }
    send();
    flush();  // when no SQL of this migration carried it (an application-only release)
    record.execution_ms = elapsed_ms(started);
    row = Prefix{layout.tracking.record_sql(record), record_what};
    const bool post_hooks =
        layout.lifecycle != nullptr && layout.lifecycle->has(Event::post_execute);
    if (post_hooks) {
      // The hooks see the migration recorded.
      flush();
      layout.lifecycle->fire(Event::post_execute, &conn,
                             {&migration, "applied", record.execution_ms, nullptr});
    }
    if (layout.atomicity == Atomicity::per_migration && transaction) {
      if (row.sql.empty()) {  // sent already, for the post_execute hooks
        transaction->commit();
        transaction.emplace(conn);
      } else {
        // The row, the COMMIT and the next BEGIN travel ahead of the next migration's SQL: one
        // message a migration instead of four (its SQL, its row, COMMIT, BEGIN). A failing row
        // or COMMIT still rolls this migration back: the rest of that message is not run.
        row.then = {"COMMIT", std::string(db::Transaction::kBegin)};
        row.what = fmt::format("cannot record and commit {} in {}",
                               layout.describe ? layout.describe(migration) : migration.display,
                               layout.tracking.display_name());
      }
    }
    if (durations != nullptr) durations->push_back(record.execution_ms);
    if (layout.on_done) layout.on_done(migration, record.execution_ms);
  }
  flush();
}

namespace {

UpgradeResult upgrade_body(db::Connection& conn, LayoutRun& layout, const UpgradeRequest& request,
                           Clock::time_point started) {
  UpgradeResult result;
  result.dry_run = request.dry_run;
  result.migrations = layout.source.list();
  const layout::LockSpec lock = layout.tracking.lock();
  const std::string table = layout.tracking.display_name();

  if (request.dry_run) {
    // Reads only: no table is created, no lock taken, nothing written.
    std::vector<layout::AppliedMigration> rows;
    if (layout.tracking.exists()) rows = layout.tracking.read();
    read_applied(layout, result.migrations, rows);
    plan::Pending plan =
        plan::plan_pending(result.migrations, rows, {request.max_version, layout.below_current});
    report_changed(plan, layout.changed_file, table);
    result.from = plan.current;
    std::vector<Migration*> pending;
    for (const Migration* m : plan.to_apply) {
      auto index = static_cast<std::size_t>(m - result.migrations.data());
      result.applied.push_back(index);
      pending.push_back(&result.migrations[index]);
    }
    auto units = prepare_pending(layout, pending);
    print_plan(layout, plan.to_apply, units,
               fmt::format("Dry run: {} migration(s) would be applied to {}{}", pending.size(),
                           table, layout.tracking.exists() ? "" : " (created first)"));
    return result;
  }

  if (lock.session) db::acquire_lock(conn, lock, request.lock_timeout);
  struct Unlock {
    db::Connection& conn;
    const layout::LockSpec& lock;
    ~Unlock() {
      if (!lock.session) return;
      try {
        db::release_lock(conn, lock);
      } catch (...) {  // the session ends soon anyway, and with it the lock
      }
    }
  } unlock{conn, lock};

  std::optional<db::Transaction> transaction;
  transaction.emplace(conn);
  if (!lock.session) db::acquire_lock(conn, lock, request.lock_timeout);
  if (!layout.tracking.exists()) {
    if (!request.create_tracking) {
      throw Error(fmt::format("{} does not exist", table))
          .hint("create it with a baseline or a first upgrade");
    }
    log::info("Creating {}", table);
    layout.tracking.create();
    if (layout.atomicity == Atomicity::per_migration && !request.rehearse) {
      transaction->commit();
      transaction.emplace(conn);
    }
  }
  std::vector<layout::AppliedMigration> rows = layout.tracking.read();
  read_applied(layout, result.migrations, rows);
  plan::Pending plan =
      plan::plan_pending(result.migrations, rows, {request.max_version, layout.below_current});
  report_changed(plan, layout.changed_file, table);
  result.from = plan.current;

  std::vector<Migration*> pending;
  for (const Migration* m : plan.to_apply) {
    auto index = static_cast<std::size_t>(m - result.migrations.data());
    result.applied.push_back(index);
    pending.push_back(&result.migrations[index]);
  }
  std::vector<std::vector<Unit>> units = prepare_pending(layout, pending);
  if (request.rehearse) {
    // Such a migration commits what ran before it: a rehearsal could not roll it all back.
    for (const Migration* m : pending) {
      if (runs_in_transaction(*m)) continue;
      throw Error(fmt::format("cannot rehearse: {} must run outside a transaction, so what runs "
                              "before it would be committed",
                              m->display))
          .hint(fmt::format("rehearse the migrations before it (a maximum version below {}), or "
                            "use --dry-run",
                            m->version.str()));
    }
  }
  if (layout.lifecycle != nullptr) {
    layout.lifecycle->fire(Event::pre_validate, &conn, {nullptr, "pending", 0, nullptr});
  }
  layout::Record base;
  base.module = request.module;
  base.parameters = request.parameters;
  std::vector<const Migration*> run(pending.begin(), pending.end());
  // A rehearsal keeps every migration in the one transaction, whatever the layout commits.
  const Atomicity atomicity = layout.atomicity;
  if (request.rehearse) layout.atomicity = Atomicity::whole_run;
  try {
    apply_migrations(conn, layout, run, units, base, transaction, &result.durations_ms);
  } catch (...) {
    layout.atomicity = atomicity;
    throw;
  }
  layout.atomicity = atomicity;
  if (request.rehearse) {
    transaction.reset();  // rolls back
    log::info("Rehearsal: {} migration(s) applied in {} ms, then rolled back; {} is unchanged",
              run.size(), elapsed_ms(started), table);
    return result;
  }
  if (transaction) transaction->commit();
  if (layout.lifecycle != nullptr) {
    try {
      layout.lifecycle->fire(Event::post_complete, &conn,
                             {nullptr, "applied", elapsed_ms(started), nullptr});
    } catch (Error& error) {
      throw error.prefix("the upgrade is committed, but a post_complete hook failed: ");
    }
  }
  return result;
}

}  // namespace

UpgradeResult upgrade_layout(db::Connection& conn, LayoutRun& layout,
                             const UpgradeRequest& request) {
  db::CancelOnSignal cancel_on_signal(conn);
  const auto started = Clock::now();
  try {
    return upgrade_body(conn, layout, request, started);
  } catch (const Error& error) {
    if (layout.lifecycle != nullptr && !request.dry_run) {
      layout.lifecycle->fire_on_error(error, elapsed_ms(started), &conn);
    }
    throw;
  }
}

void print_plan(const LayoutRun& layout, const std::vector<const Migration*>& pending,
                const std::vector<std::vector<Unit>>& units, const std::string& title,
                const std::vector<std::string>& before, const std::vector<std::string>& after) {
  auto hooks = [&](Event event, const char* indent) {
    if (layout.lifecycle == nullptr) return;
    for (const auto& label : layout.lifecycle->describe(event)) {
      log::info("{}{} hook: {}", indent, config::event_name(event), label);
    }
  };
  log::info("{}", title);
  hooks(Event::pre_validate, "  ");
  for (const auto& line : before) log::info("  {}", line);
  for (std::size_t i = 0; i < pending.size(); ++i) {
    const Migration& m = *pending[i];
    log::info("  {} ({})", layout.describe ? layout.describe(m) : m.display, m.version.str());
    hooks(Event::pre_execute, "    ");
    for (const auto& unit : units[i]) {
      log::info("    {}{}", unit.label, unit.has_statements ? "" : " (no statement)");
      if (log::enabled(log::Level::debug) && unit.has_statements) {
        auto show = [](const Unit& ready) {
          for (const auto& statement : ready.statements) log::debug("      {};", statement.sql);
        };
        if (unit.released) {
          show(reload(unit, layout.rules));
        } else {
          show(unit);
        }
      }
    }
    if (m.app_only) log::info("    (application-only release: recorded, runs no SQL)");
    hooks(Event::post_execute, "    ");
  }
  for (const auto& line : after) log::info("  {}", line);
  hooks(Event::post_complete, "  ");
  log::info("Nothing was changed (dry run).");
}

namespace {

RollbackResult rollback_body(db::Connection& conn, LayoutRun& layout,
                             const RollbackRequest& request,
                             const std::function<void(bool)>& around) {
  RollbackResult result;
  result.migrations = layout.source.list();
  const layout::LockSpec lock = layout.tracking.lock();
  const std::string table = layout.tracking.display_name();
  if (lock.session && !request.dry_run) db::acquire_lock(conn, lock, request.lock_timeout);
  struct Unlock {
    db::Connection& conn;
    const layout::LockSpec& lock;
    bool held;
    ~Unlock() {
      if (!held) return;
      try {
        db::release_lock(conn, lock);
      } catch (...) {  // the session ends soon anyway, and with it the lock
      }
    }
  } unlock{conn, lock, lock.session && !request.dry_run};
  std::optional<db::Transaction> transaction;
  transaction.emplace(conn);
  if (!lock.session && !request.dry_run) db::acquire_lock(conn, lock, request.lock_timeout);
  if (!layout.tracking.exists()) {
    throw Error(fmt::format("{} does not exist: nothing was applied, nothing to roll back", table));
  }
  std::vector<layout::AppliedMigration> rows = layout.tracking.read();
  std::unordered_map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < result.migrations.size(); ++i) {
    index_of[result.migrations[i].key] = i;
  }
  // Applied migrations, newest first (the order they ran, reversed).
  struct Applied {
    std::size_t index;
    const layout::AppliedMigration* row;
  };
  std::vector<Applied> applied;
  std::vector<const layout::AppliedMigration*> orphans;
  for (const auto& row : rows) {
    if (!row.success || row.baseline) continue;
    auto it = index_of.find(row.key);
    if (it == index_of.end()) {
      orphans.push_back(&row);
    } else {
      applied.push_back({it->second, &row});
    }
  }
  std::sort(applied.begin(), applied.end(),
            [](const Applied& a, const Applied& b) { return a.index > b.index; });
  std::vector<Applied> selected;
  for (const auto& a : applied) {
    if (request.steps && static_cast<int>(selected.size()) >= *request.steps) break;
    if (request.to && result.migrations[a.index].version <= *request.to) continue;
    selected.push_back(a);
  }
  for (const auto* orphan : orphans) {
    if (request.to && orphan->version > *request.to) {
      throw Error(fmt::format("{} records {} above {}, but no migration of {} has it: it cannot "
                              "be undone",
                              table, orphan->name.empty() ? orphan->version_text : orphan->name,
                              request.to->str(), layout.source.display()))
          .hint(
              "restore the migration's file (and its down script), or roll back to a version "
              "above it");
    }
  }
  if (selected.empty()) {
    log::info("Nothing to roll back in {}", table);
    return result;
  }
  std::vector<std::string> missing;
  for (const auto& a : selected) {
    Migration& m = result.migrations[a.index];
    layout.source.read(m);
    if (m.down_files.empty()) missing.push_back(m.display);
  }
  if (!missing.empty()) {
    Error error(fmt::format("cannot roll back: {} migration(s) have no down script: {}",
                            missing.size(), fmt::join(missing, ", ")));
    error.hint(
        "add the down scripts (NNN_name.down.sql beside a flat file, a down/ directory in a pum "
        "1.x version, delta_X.Y.Z_name.down.sql beside a delta); nothing was changed");
    throw error;
  }
  std::vector<std::vector<Unit>> units;
  for (const auto& a : selected) {
    std::vector<Unit> down;
    for (const auto& file : result.migrations[a.index].down_files) {
      if (file.python) {
        throw Error(fmt::format("{}: a down script must be SQL", file.display));
      }
      down.push_back(prepare_file(file.path, file.display, layout.rules));
    }
    units.push_back(std::move(down));
  }
  if (request.dry_run) {
    log::info("Dry run: {} migration(s) would be rolled back in {}, newest first:", selected.size(),
              table);
    for (std::size_t i = 0; i < selected.size(); ++i) {
      const Migration& m = result.migrations[selected[i].index];
      log::info("  {}", layout.describe ? layout.describe(m) : m.display);
      if (layout.lifecycle != nullptr) {
        for (const auto& label : layout.lifecycle->describe(Event::pre_rollback)) {
          log::info("    pre_rollback hook: {}", label);
        }
      }
      for (const auto& unit : units[i]) {
        log::info("    {}", unit.label);
        if (log::enabled(log::Level::debug)) {
          for (const auto& statement : unit.statements) log::debug("      {};", statement.sql);
        }
      }
      if (layout.lifecycle != nullptr) {
        for (const auto& label : layout.lifecycle->describe(Event::post_rollback)) {
          log::info("    post_rollback hook: {}", label);
        }
      }
    }
    log::info("Nothing was changed (dry run).");
    for (const auto& a : selected) result.undone.push_back(a.index);
    return result;
  }
  if (around) around(true);
  std::size_t file_count = 0;
  for (const auto& files : units) file_count += files.size();
  progress::Run progress("files", file_count);
  for (std::size_t i = 0; i < selected.size(); ++i) {
    const Migration& m = result.migrations[selected[i].index];
    const auto started = Clock::now();
    log::info("Rolling back {}", layout.describe ? layout.describe(m) : m.display);
    if (layout.lifecycle != nullptr) {
      layout.lifecycle->fire(Event::pre_rollback, &conn, {&m, "applied", 0, nullptr});
    }
    std::vector<const Unit*> batch;
    for (const auto& unit : units[i]) batch.push_back(&unit);
    auto on_file = [&](std::size_t k) {
      log::info("Executing {}", batch[k]->label);
      progress.step(batch[k]->label);
    };
    execute_batch(conn, batch, nullptr, on_file);
    try {
      conn.exec(layout.tracking.unrecord_sql(*selected[i].row));
    } catch (Error& e) {
      throw e.prefix(fmt::format("cannot forget {} in {}: ", m.display, table));
    }
    if (layout.lifecycle != nullptr) {
      layout.lifecycle->fire(Event::post_rollback, &conn,
                             {&m, "rolled_back", elapsed_ms(started), nullptr});
    }
    result.undone.push_back(selected[i].index);
  }
  if (around) around(false);
  transaction->commit();
  for (const auto& a : applied) {
    if (std::find_if(selected.begin(), selected.end(),
                     [&](const Applied& s) { return s.index == a.index; }) != selected.end()) {
      continue;
    }
    const Version& v = result.migrations[a.index].version;
    if (!result.now || v > *result.now) result.now = v;
  }
  log::info("Rolled back {} migration(s) in {}", selected.size(), table);
  return result;
}

}  // namespace

RollbackResult rollback_layout(db::Connection& conn, LayoutRun& layout,
                               const RollbackRequest& request,
                               const std::function<void(bool)>& around) {
  db::CancelOnSignal cancel_on_signal(conn);
  const auto started = Clock::now();
  try {
    return rollback_body(conn, layout, request, around);
  } catch (const Error& error) {
    if (layout.lifecycle != nullptr && !request.dry_run) {
      layout.lifecycle->fire_on_error(error, elapsed_ms(started), &conn);
    }
    throw;
  }
}

}  // namespace pum::run
