#pragma once
// Choosing targets by name: `--databases 'city_*'`, `--schemas 'tenant_*,demo'`. Shell-style
// patterns, because users write them on a command line next to shell globs: `*` any run of
// characters, `?` one character, everything else itself (case-sensitive, as PostgreSQL names).
#include <string>
#include <string_view>
#include <vector>

namespace pum::fleet {

// Whether `name` matches the whole of `pattern`.
bool glob_match(std::string_view pattern, std::string_view name);

// "a*,b" -> {"a*", "b"}; empty items are dropped.
std::vector<std::string> split_patterns(std::string_view patterns);

// The names matching any of `include` and none of `exclude`, sorted (byte order) and without
// duplicates.
std::vector<std::string> select_names(std::vector<std::string> names,
                                      const std::vector<std::string>& include,
                                      const std::vector<std::string>& exclude);

}  // namespace pum::fleet
