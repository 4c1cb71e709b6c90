#pragma once
// The pum 0.x layout's source: the delta files of one or several delta directories (`--dir`),
// each file a migration (docs/layout-pum0x.md).
//
// Order: directory after directory, as given; within one, by (version compared as a version,
// pre < main < post, name, Python before SQL, file name). pum 0.x sorts by (version, priority,
// name) and leaves ties — a .py and a .sql of the same version, kind and name — in the order the
// file system lists them; we put the Python file first, always.
//
// A migration's key is "version|name|type code" (what pum 0.10.0 recognises an applied delta
// by), its display the path as pum 0.x records it in `script`: the directory as given, joined
// with the file name as Python's os.path.join does.
#include <filesystem>
#include <string>
#include <vector>

#include "pum/layout/layout.hpp"

namespace pum::delta {

// A pre-all.{py,sql} or post-all.{py,sql} file: run before / after the deltas on every upgrade.
struct AllScript {
  std::filesystem::path path;  // absolute
  std::string display;         // the directory as given joined with the file name
  std::string dir;             // the directory as given
  bool python = false;
};

class DeltaSource : public layout::MigrationSource {
 public:
  // `dirs` as the user gave them (relative to the working directory or absolute).
  explicit DeltaSource(std::vector<std::string> dirs);

  [[nodiscard]] std::string display() const override { return "delta"; }
  // Every delta file of every directory, in order. Throws pum::Error when a directory does not
  // exist or is not a directory, and when two files have the same key (the same version, name
  // and type: delta_1.0.0_a.sql in two directories, or delta_1.0.0__a.sql beside it): pum 0.x
  // would run the first and silently skip the other. An empty list is not an error.
  std::vector<Migration> list() override;
  // Fills `files` (the one file), `checksum` (MD5 hex of the file's bytes) and `down_files` (its
  // down script, down_file_name beside it, when present).
  void read(Migration& migration) override;

  // pre-all.py, pre-all.sql of each directory, directories in reverse order.
  [[nodiscard]] std::vector<AllScript> pre_all() const;
  // post-all.py, post-all.sql of each directory, directories in order.
  [[nodiscard]] std::vector<AllScript> post_all() const;

  [[nodiscard]] const std::vector<std::string>& dirs() const { return dirs_; }

 private:
  std::vector<AllScript> all_scripts(const std::string& stem, bool reversed) const;
  std::vector<std::string> dirs_;
};

// os.path.join(dir, name) for a POSIX path: "dir/name", or "dir" + name when dir ends with '/'.
std::string join_display(const std::string& dir, const std::string& name);

// The down script of a delta file (our addition; pum 0.x's pattern matches none of these):
// delta_1.0.0_a.sql -> delta_1.0.0_a.down.sql, delta_1.0.0_a.pre.sql -> delta_1.0.0_a.pre.down.sql,
// delta_1.0.0_a.py -> delta_1.0.0_a.py.down.sql.
std::string down_file_name(const std::string& delta_file_name);

// MD5 hex (32 lower-case digits) of a file's bytes. Throws pum::Error when it cannot be read.
std::string md5_file(const std::filesystem::path& path, const std::string& display);
// MD5 hex of bytes.
std::string md5_hex(std::string_view bytes);

}  // namespace pum::delta
