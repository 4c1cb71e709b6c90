#pragma once
// What the command line asked of the operations commands: db, dump, restore.
#include <optional>
#include <string>
#include <vector>

namespace pum::ops {

enum class DbAction { create, drop, access };

struct DbOptions {
  DbAction action = DbAction::create;
  std::string name;                          // the database
  std::optional<std::string> template_name;  // create --template
  bool force = false;                        // drop without asking
  std::vector<std::string> grant_connect;    // access --grant-connect
  std::vector<std::string> revoke_connect;   // access --revoke-connect
  bool keep_public = false;                  // access: leave PUBLIC's CONNECT alone
};

enum class DumpFormat { custom, plain };

struct DumpOptions {
  std::string file;
  DumpFormat format = DumpFormat::plain;  // pum's CLI default
  std::vector<std::string> exclude_schemas;
  // The pg_dump to run instead of the one pum finds (the Python API's pg_dump_exe): a path, or
  // a name looked up in PATH.
  std::optional<std::string> program;
};

struct RestoreOptions {
  std::string file;
  bool ignore_errors = false;  // -x: a failing pg_restore is a warning
  std::vector<std::string> exclude_schemas;
  // The pg_restore to run for an archive instead of the one pum finds (the Python API's
  // pg_restore_exe); a plain SQL file still goes to psql.
  std::optional<std::string> program;
};

}  // namespace pum::ops
