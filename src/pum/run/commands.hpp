#pragma once
// The database commands. Each opens one connection and, except info, runs in one transaction
// under the migrations lock: any failure leaves the database exactly as before.
// Failures are thrown as pum::Error.
#include "pum/run/options.hpp"

namespace pum::run {

// `json`: one JSON document on stdout (docs/schemas/info.schema.json) instead of the log lines.
void info(const Global& global, bool json = false);
void install(const Global& global, const InstallOptions& options);
void upgrade(const Global& global, const UpgradeOptions& options);
void baseline(const Global& global, const BaselineOptions& options);
// Undoes the newest versions with their down/ scripts, in one transaction, between the drop and
// create application hooks.
void rollback(const Global& global, const RollbackOptions& options);
// Prints the lifecycle hooks of the module per event, in call order (stdout).
void list_hooks(const Global& global);
void app(const Global& global, const AppOptions& options);
// Returns false when the user declined the confirmation prompt.
bool uninstall(const Global& global, const UninstallOptions& options);

}  // namespace pum::run
