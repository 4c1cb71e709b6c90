#pragma once
// What a command requires of the installation it finds, and the refusals when the tracking
// table says otherwise: "already installed", "not installed", "holds no version", "another
// module", "beta testing". Each refusal is written here once; the commands only declare which
// of them apply (run/context.hpp). Pure: the caller reads the table and passes what it found.
#include <optional>
#include <string>
#include <vector>

namespace pum::plan {

// The row of the highest version, as stored.
struct LatestRow {
  std::string version;
  std::string module;  // empty in a v1 table
  bool beta_testing = false;
};

// The tracking table as a command finds it.
struct Installed {
  std::string table;  // "schema.pum_migrations", for messages
  bool exists = false;
  std::optional<LatestRow> latest;  // nullopt: no row (or no table)
  // Other schemas' tracking tables ("other.pum_migrations"), looked up only when the
  // expectation refuses them and our own table is absent.
  std::vector<std::string> other_tables;
};

// The module the command works for: the `module` of .pum.yaml and the file's name.
struct Module {
  std::string name;
  std::string config_file;
};

enum class Table {
  any,      // app, uninstall, baseline, info
  present,  // upgrade, rollback: the module must be installed
  absent,   // install: the module must not be installed yet
};

enum class OtherModule {
  refuse,  // a row of another module in our table is an error
  warn,    // info: say so and go on
};

struct Expect {
  Table table = Table::any;
  // The table, when it exists, must hold a row (upgrade, app, uninstall); rollback and baseline
  // start from an empty table as well.
  bool row = false;
  OtherModule other_module = OtherModule::refuse;
  // false: an installation in beta testing is refused (upgrade without --force).
  bool beta_testing_allowed = true;
  // false: another schema's tracking table is refused when ours is absent (install without
  // --allow-multiple-modules).
  bool other_tables_allowed = true;
  // false: the refusals come without their hints; rollback has always refused tersely and its
  // output stays as it was.
  bool hints = true;
};

// Throws the first refusal that applies, in this order: table present/absent, other schemas'
// tables, no row, another module, beta testing. Returns the warning to log instead when
// `other_module` is `warn` and the row is another module's.
std::optional<std::string> check_installed(const Installed& installed, const Expect& expect,
                                           const Module& module);

// Another module's tracking table in another schema. `installing`: the hint speaks of installing
// several modules (install), else of keeping several in one database (baseline).
[[noreturn]] void refuse_other_tables(const std::vector<std::string>& other_tables,
                                      bool installing);

}  // namespace pum::plan
