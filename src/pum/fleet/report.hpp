#pragma once
// The end of a fleet run on stdout: a table (one row per target) or one JSON document
// (docs/schemas/fleet.schema.json).
#include <string>
#include <vector>

#include "pum/fleet/result.hpp"
#include "pum/fleet/target.hpp"

namespace pum::fleet {

std::string format_duration(std::int64_t ms);

// target, from, to, duration, result, error (info: target, version, latest, pending, result,
// error); then one summary line.
std::string render_table(const std::vector<Target>& targets,
                         const std::vector<TargetResult>& results, const RunSummary& summary);

std::string render_json(const std::vector<Target>& targets,
                        const std::vector<TargetResult>& results, const RunSummary& summary);

// The first line of a target's stderr that says what went wrong: the first "ERROR: ..." line
// (without the prefix), else the last non-empty line.
std::string first_error_line(const std::string& log);

}  // namespace pum::fleet
