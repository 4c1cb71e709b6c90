#pragma once
// Fingerprints: the first, cheap phase of a comparison. Printing a definition the way
// PostgreSQL normalises it (pg_get_viewdef, pg_get_indexdef, pg_get_constraintdef) costs tens of
// microseconds per object on a cold backend, and pg_get_viewdef locks every table a view reads.
// So views, indexes and constraints are first compared by a fingerprint: the catalog data the
// definition is printed from, with every object identifier (OID) replaced by the object's name.
// Equal fingerprints mean equal definitions; rows whose fingerprints differ get their real
// definitions in a second phase (compare.hpp) and are compared again, so the report always
// shows, and decides on, PostgreSQL's own text.
//
// What the fingerprints cover is what the definition is printed from: for a view or a CHECK
// constraint the stored tree, the names of the objects it refers to (pg_depend) and of the
// columns it reads; for an index or a key its catalog row, its columns (names, types,
// collations, operator classes) and the referenced table. One thing is left out on purpose: the
// columns a view does not read can change the aliases PostgreSQL prints for a join; such a
// column is a difference of the columns check anyway.
//
// Fingerprints rely on the system objects (OID below 16384, never renamed) being the same on
// both servers: they are used only when both run the same PostgreSQL version, and only for the
// versions whose catalogs we know (kFingerprintVersions).
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pum/check/row.hpp"

namespace pum::check {

// Server versions (server_version_num) whose catalog columns the fingerprints cover.
inline constexpr int kFingerprintMinVersion = 120000;
inline constexpr int kFingerprintMaxVersion = 179999;

inline bool fingerprints_supported(int server_version_num) {
  return server_version_num >= kFingerprintMinVersion &&
         server_version_num <= kFingerprintMaxVersion;
}

// Starts every fingerprint, so that it never equals a printed definition.
inline constexpr char kFingerprintMark = '\x01';

// What a stored expression tree (a view's rule, a CHECK constraint) refers to, from pg_depend:
// objects by OID (relations, types, functions, operators ... as "schema.name"), and the columns
// it reads ("schema.table#3=amount": by number, as the tree does, with today's name).
struct TreeReferences {
  std::map<std::uint32_t, std::string> objects;
  std::vector<std::string> columns;
};

// The tree (pg_node_tree text) without the :location fields (offsets into the original SQL
// text) and with every number that is the OID of a referenced object replaced by its name,
// followed by the names of all referenced objects and the referenced columns, sorted.
std::string tree_fingerprint(std::string_view tree, const TreeReferences& references);

// kFingerprintMark + the parts separated by \x1f; above kShortFingerprint characters a 128-bit
// hash of them instead ("#" + 32 hex digits), which keeps the comparison keys short.
std::string make_fingerprint(const std::vector<std::string>& parts);
inline constexpr std::size_t kShortFingerprint = 48;

}  // namespace pum::check
