#include "pum/fleet/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "pum/db/connection.hpp"

namespace pum::fleet {

const char* status_name(Status status) {
  switch (status) {
    case Status::ok:
      return "ok";
    case Status::failed:
      return "failed";
    case Status::interrupted:
      return "interrupted";
    case Status::skipped:
      return "skipped";
    case Status::differs:
      return "differs";
  }
  return "?";
}

int exit_code(const std::vector<TargetResult>& results, const RunSummary& summary,
              int interrupt_signal) {
  if (summary.interrupted) return 128 + interrupt_signal;
  const bool all_done = std::all_of(results.begin(), results.end(), [](const TargetResult& r) {
    return r.status == Status::ok || r.status == Status::differs;
  });
  if (!all_done) return 4;
  const bool any_differs = std::any_of(results.begin(), results.end(), [](const TargetResult& r) {
    return r.status == Status::differs;
  });
  return any_differs ? 1 : 0;
}

std::string format_duration(std::int64_t ms) {
  if (ms < 1000) return fmt::format("{} ms", ms);
  if (ms < 60000) return fmt::format("{:.1f} s", static_cast<double>(ms) / 1000.0);
  return fmt::format("{}:{:02}", ms / 60000, (ms / 1000) % 60);
}

std::string first_error_line(const std::string& log) {
  std::string last;
  std::size_t start = 0;
  while (start < log.size()) {
    std::size_t end = log.find('\n', start);
    if (end == std::string::npos) end = log.size();
    std::string_view line(log.data() + start, end - start);
    if (line.starts_with("ERROR: ")) return std::string(line.substr(7));
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) last = std::string(line);
    start = end + 1;
  }
  return last;
}

namespace {

const char* stop_text(StopReason stop) {
  switch (stop) {
    case StopReason::none:
      return "";
    case StopReason::failure:
      return "stopped after the first failure (--keep-going to go on)";
    case StopReason::canary:
      return "a canary failed: the other targets were not started";
    case StopReason::interrupted:
      return "interrupted: no new target was started";
  }
  return "";
}

std::string optional_text(const std::optional<std::string>& value) {
  return value ? *value : std::string("-");
}

}  // namespace

std::string render_table(const std::vector<Target>& targets,
                         const std::vector<TargetResult>& results, const RunSummary& summary) {
  const bool info = summary.action == "info";
  std::vector<std::vector<std::string>> rows;
  rows.push_back(
      info ? std::vector<std::string>{"target", "version", "latest", "pending", "result", "error"}
           : std::vector<std::string>{"target", "from", "to", "duration", "result", "error"});
  std::size_t counts[kStatusCount] = {};
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const TargetResult& r = results[i];
    ++counts[static_cast<int>(r.status)];
    std::vector<std::string> row{targets[i].name, optional_text(r.from), optional_text(r.to)};
    if (info) {
      row.push_back(r.pending ? std::to_string(*r.pending) : std::string("-"));
    } else {
      row.push_back(r.status == Status::skipped ? std::string("-")
                                                : format_duration(r.duration_ms));
    }
    row.emplace_back(status_name(r.status));
    row.push_back(r.error);
    rows.push_back(std::move(row));
  }
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c + 1 == row.size()) {
        line.append(row[c]);
      } else {
        line.append(row[c]);
        line.append(widths[c] - row[c].size() + 2, ' ');
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out.append(line);
    out.push_back('\n');
  }
  const bool compares = summary.action == "check" || summary.action == "drift";
  out.append(
      fmt::format("{} target{}: {} ok, {}{} failed, {} interrupted, {} skipped ({}, -j {})\n",
                  targets.size(), targets.size() == 1 ? "" : "s", counts[0],
                  compares ? fmt::format("{} differ, ", counts[4]) : std::string(), counts[1],
                  counts[2], counts[3], format_duration(summary.duration_ms), summary.jobs));
  if (summary.stop != StopReason::none) {
    out.append(stop_text(summary.stop));
    out.push_back('\n');
  }
  // What check or drift found, target by target, after the table.
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (results[i].status != Status::differs) continue;
    out.append(fmt::format("\n--- {}: differences ---\n", targets[i].name));
    out.append(results[i].output);
    if (!results[i].output.empty() && results[i].output.back() != '\n') out.push_back('\n');
  }
  return out;
}

std::string render_json(const std::vector<Target>& targets,
                        const std::vector<TargetResult>& results, const RunSummary& summary) {
  using nlohmann::json;
  auto optional = [](const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); };
  json list = json::array();
  const bool compares = summary.action == "check" || summary.action == "drift";
  std::size_t counts[kStatusCount] = {};
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const Target& t = targets[i];
    const TargetResult& r = results[i];
    ++counts[static_cast<int>(r.status)];
    json entry = {
        {"name", t.name},
        {"connection", db::redact_conninfo(t.pg_connection)},
        {"schema", t.schema.empty() ? json(nullptr) : json(t.schema)},
        {"status", status_name(r.status)},
        {"from", optional(r.from)},
        {"to", optional(r.to)},
        {"duration_ms", r.status == Status::skipped ? json(nullptr) : json(r.duration_ms)},
        {"exit_code", r.exit_code >= 0 ? json(r.exit_code) : json(nullptr)},
        {"error", r.error.empty() ? json(nullptr) : json(r.error)},
    };
    if (summary.action == "info") entry["pending"] = r.pending ? json(*r.pending) : json(nullptr);
    if (compares) {
      // The target's own report (check's JSON format) when it found differences.
      json report = r.status == Status::differs ? json::parse(r.output, nullptr, false) : json();
      entry["report"] = report.is_discarded() ? json(r.output) : report;
    }
    list.push_back(std::move(entry));
  }
  json doc = {
      {"fleet", 1},
      {"action", summary.action},
      {"layout", summary.layout},
      {"jobs", summary.jobs},
      {"duration_ms", summary.duration_ms},
      {"interrupted", summary.interrupted},
      {"stopped", summary.stop == StopReason::none ? json(nullptr) : json(stop_text(summary.stop))},
      {"summary",
       {{"total", targets.size()},
        {"ok", counts[0]},
        {"failed", counts[1]},
        {"interrupted", counts[2]},
        {"skipped", counts[3]},
        {"differs", counts[4]}}},
      {"targets", std::move(list)},
  };
  return doc.dump(2) + "\n";
}

}  // namespace pum::fleet
