#pragma once
// Where a node of .pum.yaml starts, kept in the typed Config so that later stages (hooks, roles,
// the changelog check) can point back at the line that declared what failed.
namespace pum::config {

// 1-based line and column (in characters) of a YAML node; 0 = unknown.
struct Mark {
  int line = 0;
  int column = 0;
};

}  // namespace pum::config
