#pragma once
// The database commands of the pum 1.x layout. Each declares what it needs before its own work
// (`needs`: configuration, changelogs, session, what the tracking table must say, parameters)
// and runs on the Context built from it (context.hpp); callers go through run_command:
//   run::run_command(global, options, run::upgrade);
// Except info, each command that writes runs in one transaction under the migrations lock: any
// failure leaves the database exactly as before. Failures are thrown as pum::Error.
#include "pum/run/context.hpp"
#include "pum/run/options.hpp"

namespace pum::run {

Needs needs(const InfoOptions& options);
void info(Context& context, const InfoOptions& options);

Needs needs(const InstallOptions& options);
void install(Context& context, const InstallOptions& options);

Needs needs(const UpgradeOptions& options);
void upgrade(Context& context, const UpgradeOptions& options);

Needs needs(const BaselineOptions& options);
void baseline(Context& context, const BaselineOptions& options);

// Undoes the newest versions with their down/ scripts, in one transaction, between the drop and
// create application hooks. The caller checks that exactly one of --to and --steps is given.
Needs needs(const RollbackOptions& options);
void rollback(Context& context, const RollbackOptions& options);

// Prints the lifecycle hooks of the module per event, in call order (stdout).
Needs needs(const HooksOptions& options);
void list_hooks(Context& context, const HooksOptions& options);

Needs needs(const AppOptions& options);
void app(Context& context, const AppOptions& options);

// Returns false when the user declined the confirmation prompt.
Needs needs(const UninstallOptions& options);
bool uninstall(Context& context, const UninstallOptions& options);

}  // namespace pum::run
