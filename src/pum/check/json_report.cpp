#include "pum/check/json_report.hpp"

#include <nlohmann/json.hpp>

namespace pum::check {

std::string json_report(const Report& report) {
  using Json = nlohmann::ordered_json;
  Json root = Json::object();
  root["pg_connection1"] = report.connection1;
  root["pg_connection2"] = report.connection2;
  root["timestamp"] = report.timestamp;
  root["passed"] = report.passed();
  root["total_checks"] = report.results.size();
  root["passed_checks"] = report.passed_checks();
  root["failed_checks"] = report.failed_checks();
  root["total_differences"] = report.total_differences();
  Json results = Json::array();
  for (const auto& result : report.results) {
    const KindInfo& kind = info(result.kind);
    Json entry = Json::object();
    entry["name"] = kind.title;
    entry["key"] = kind.key;
    entry["passed"] = result.passed();
    entry["difference_count"] = result.differences.size();
    Json differences = Json::array();
    for (const auto& diff : result.differences) {
      Json content = Json::object();
      for (std::size_t i = 0; i < kind.columns.size(); ++i) {
        const Value& value = diff.row.values.at(i);
        content[std::string(kind.columns[i])] = value ? Json(*value) : Json(nullptr);
      }
      Json item = Json::object();
      item["type"] = diff.type == DiffType::removed ? "removed" : "added";
      item["content"] = std::move(content);
      differences.push_back(std::move(item));
    }
    entry["differences"] = std::move(differences);
    results.push_back(std::move(entry));
  }
  root["check_results"] = std::move(results);
  // Invalid UTF-8 in a value (a SQL_ASCII database) is replaced rather than aborting the report.
  return root.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace pum::check
