#include "pum/delta/delta_source.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unordered_map>

#include "pum/delta/delta_name.hpp"
#include "pum/util/error.hpp"

namespace fs = std::filesystem;

namespace pum::delta {

std::string join_display(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

std::string md5_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_md5(), nullptr) != 1) {
    throw Error("cannot compute an MD5 checksum (OpenSSL refused it)");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0x0f]);
  }
  return out;
}

std::string md5_file(const fs::path& path, const std::string& display) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("cannot read {}", display));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(fmt::format("cannot read {}", display));
  return md5_hex(bytes);
}

std::string down_file_name(const std::string& delta_file_name) {
  constexpr std::string_view sql = ".sql";
  if (delta_file_name.ends_with(sql)) {
    return delta_file_name.substr(0, delta_file_name.size() - sql.size()) + ".down.sql";
  }
  return delta_file_name + ".down.sql";  // delta_X.Y.Z_name.py.down.sql
}

DeltaSource::DeltaSource(std::vector<std::string> dirs) : dirs_(std::move(dirs)) {}

namespace {

struct Found {
  DeltaName name;
  std::string file_name;
};

fs::path checked_dir(const std::string& dir) {
  std::error_code ec;
  const fs::path path = fs::absolute(dir, ec);
  if (ec || !fs::exists(path, ec)) {
    throw Error(fmt::format("delta directory {} does not exist", dir));
  }
  if (!fs::is_directory(path, ec)) {
    throw Error(fmt::format("delta directory {} is not a directory", dir));
  }
  return path.lexically_normal();
}

}  // namespace

std::vector<Migration> DeltaSource::list() {
  std::vector<Migration> out;
  std::unordered_map<std::string, std::string> seen;  // key -> display
  for (const auto& dir : dirs_) {
    const fs::path abs = checked_dir(dir);
    std::vector<Found> found;
    std::error_code ec;
    for (fs::directory_iterator it(abs, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code status_ec;
      if (!fs::is_regular_file(it->path(), status_ec)) continue;  // follows symlinks, as isfile
      const std::string file_name = it->path().filename().string();
      if (auto name = parse_delta_name(file_name)) found.push_back({std::move(*name), file_name});
    }
    if (ec) throw Error(fmt::format("cannot list delta directory {}: {}", dir, ec.message()));
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
      if (auto c = a.name.version <=> b.name.version; c != 0) return c < 0;
      if (a.name.priority != b.name.priority) return a.name.priority < b.name.priority;
      if (a.name.name != b.name.name) return a.name.name < b.name.name;
      if (a.name.python != b.name.python) return a.name.python;
      return a.file_name < b.file_name;
    });
    for (auto& f : found) {
      Migration m;
      m.version = f.name.version;
      m.label = f.file_name;
      m.name = f.name.name;
      m.kind = f.name.kind;
      m.key = fmt::format("{}|{}|{}", f.name.version_text, f.name.name, f.name.type);
      m.dir = abs;
      m.display = join_display(dir, f.file_name);
      auto [it, inserted] = seen.emplace(m.key, m.display);
      if (!inserted) {
        throw Error(fmt::format("{} and {} are the same delta (version {}, name '{}', type {})",
                                it->second, m.display, f.name.version_text, f.name.name,
                                f.name.kind))
            .hint(
                "pum 0.x recognises an applied delta by its version, name and type: it would run "
                "the first and never the second; rename one of them");
      }
      out.push_back(std::move(m));
    }
  }
  return out;
}

void DeltaSource::read(Migration& migration) {
  if (migration.listed) return;
  MigrationFile file;
  file.path = migration.dir / migration.label;
  file.display = migration.display;
  file.python = migration.kind.ends_with("py");
  migration.checksum = md5_file(file.path, file.display);
  migration.files = {std::move(file)};
  migration.app_only = false;
  // Its down script (our addition, for rollback): delta_X.Y.Z_name.down.sql beside
  // delta_X.Y.Z_name.sql (.pre.down.sql, .post.down.sql for pre/post; .py.down.sql etc. for a
  // Python delta). pum 0.x's name pattern matches none of these names, so it ignores them.
  migration.down_files.clear();
  const std::string down_name = down_file_name(migration.label);
  std::error_code ec;
  if (fs::is_regular_file(migration.dir / down_name, ec)) {
    MigrationFile down;
    down.path = migration.dir / down_name;
    down.display =
        migration.display.substr(0, migration.display.size() - migration.label.size()) + down_name;
    down.python = false;
    migration.down_files.push_back(std::move(down));
  }
  migration.listed = true;
}

std::vector<AllScript> DeltaSource::all_scripts(const std::string& stem, bool reversed) const {
  std::vector<std::string> order = dirs_;
  if (reversed) std::reverse(order.begin(), order.end());
  std::vector<AllScript> out;
  for (const auto& dir : order) {
    const fs::path abs = checked_dir(dir);
    for (const char* ext : {".py", ".sql"}) {
      const std::string file_name = stem + ext;
      std::error_code ec;
      if (!fs::is_regular_file(abs / file_name, ec)) continue;
      out.push_back(
          {abs / file_name, join_display(dir, file_name), dir, std::string_view(ext) == ".py"});
    }
  }
  return out;
}

std::vector<AllScript> DeltaSource::pre_all() const { return all_scripts("pre-all", true); }
std::vector<AllScript> DeltaSource::post_all() const { return all_scripts("post-all", false); }

}  // namespace pum::delta
