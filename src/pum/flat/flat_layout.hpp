#pragma once
// The flat numbered-files layout as one object: the source (the directory's files), the tracking
// (pgdbm's schema_migrations) and the templates, on one connection. src/pum/run assembles them
// into its LayoutRun with the rules this layout needs:
//
//   rules.render                     = renderer() (pgdbm's templates, mapped back to the file)
//   rules.skip_outer_transaction     = true  (a file's own outer BEGIN/COMMIT pair, such as the
//                                             one pgdbm's create_migration writes, is left out)
//   rules.reject_transaction_control = true  (any other: a COMMIT mid-file would break all or
//                                             nothing)
//   below_current                    = apply  (numbers are names: a new file with a lower number
//                                              than an applied one still runs, as in pgdbm)
//   changed_file                     = refuse (an applied file edited stops the run, as in pgdbm)
//   atomicity                        = whole_run (all or nothing, split only around the files
//                                                 that must run outside a transaction)
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pum/db/connection.hpp"
#include "pum/flat/flat_source.hpp"
#include "pum/flat/schema_migrations.hpp"
#include "pum/flat/templates.hpp"

namespace pum::flat {

struct LayoutOptions {
  std::filesystem::path dir;  // the migrations directory
  std::string dir_display;    // how messages name it (as given)
  TrackingOptions tracking;   // schema, table, module
};

class Layout {
 public:
  // Throws a usage error for a schema or table name that is not a simple identifier.
  Layout(db::Connection& conn, LayoutOptions options);

  FlatSource source;
  FlatTracking tracking;
  Templates templates;

  // The templates as a FileRules::render function (refers to this object).
  [[nodiscard]] std::function<sql::Rendered(const sql::Script&, const sql::Statement&)> renderer()
      const;
};

// True when `dir` holds at least one `*.sql` file named as a flat migration and either no
// .pum.yaml or one that says `layout: flat` (flat_config.hpp).
bool looks_like_flat_project(const std::filesystem::path& dir);

// The name of the next migration file of a directory holding `existing` (file names), in the
// style of its latest migration: NNN_ keeps its width (009 -> 010), V<n>__ its prefix, a
// YYYYmmdd_HHMMSS_ or a 14-digit YYYYmmddHHMMSS_ name takes the time `now` (UTC), bumped past
// the latest when the clock is behind it. An empty directory starts at 001_. Throws a usage error
// when `name` is not made of letters, digits and underscores.
std::string next_file_name(const std::vector<std::string>& existing, std::string_view name,
                           std::chrono::system_clock::time_point now);

}  // namespace pum::flat
