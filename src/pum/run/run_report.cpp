#include "pum/run/run_report.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

namespace pum::run {

std::vector<std::vector<std::string>> file_labels(const std::vector<std::vector<Unit>>& units) {
  std::vector<std::vector<std::string>> out;
  out.reserve(units.size());
  for (const auto& files : units) {
    auto& labels = out.emplace_back();
    for (const auto& unit : files) labels.push_back(unit.label);
  }
  return out;
}

void print_run_report(const RunReport& report) {
  using nlohmann::json;
  json migrations = json::array();
  for (std::size_t i = 0; i < report.migrations.size(); ++i) {
    json files = json::array();
    if (i < report.files.size()) {
      for (const auto& label : report.files[i]) files.push_back(label);
    }
    migrations.push_back(
        {{"version", report.migrations[i]->version.str()},
         {"files", std::move(files)},
         {"duration_ms",
          i < report.durations_ms.size() ? json(report.durations_ms[i]) : json(nullptr)}});
  }
  std::optional<std::string> to = report.from;
  if (!report.migrations.empty()) to = report.migrations.back()->version.str();
  const json doc = {
      {"run", 1},
      {"command", report.command},
      {"mode", report.mode},
      {"module", report.module},
      {"table", report.table},
      {"from", report.from ? json(*report.from) : json(nullptr)},
      {"to", to ? json(*to) : json(nullptr)},
      {"migrations", std::move(migrations)},
      {"committed", report.committed},
      {"duration_ms", report.duration_ms},
  };
  std::cout << doc.dump(2) << "\n" << std::flush;
}

void print_baseline_report(const BaselineReport& report) {
  using nlohmann::json;
  auto optional = [](const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); };
  const json doc = {
      {"baseline", 1},
      {"module", report.module},
      {"table", report.table},
      {"version", report.version},
      {"previous", optional(report.previous)},
      {"table_created", report.table_created},
      {"from_pum0x", optional(report.from_pum0x)},
      {"committed", true},
      {"duration_ms", report.duration_ms},
  };
  std::cout << doc.dump(2) << "\n" << std::flush;
}

}  // namespace pum::run
