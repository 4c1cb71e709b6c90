#pragma once
// `pum baseline --from-pum0x SCHEMA.TABLE` (our addition; pum itself never offered it): adopts a
// database that pum 0.x (or our 0.x command line) upgraded into a pum 1.x project. The highest
// successful version of the 0.x upgrades table (compared as versions) becomes the baseline row
// of a new pum_migrations table; the 0.x table is left untouched (its history stays readable).
#include <string>

#include "pum/run/options.hpp"

namespace pum::run {

// Refuses (pum::Error, nothing written) when pum_migrations already exists, or when the 0.x
// table is missing or holds no successful row. One transaction under the migrations lock.
void adopt_pum0x(const Global& global, const BaselineOptions& options,
                 const std::string& pum0x_table);

}  // namespace pum::run
