#include "pum/check/catalog_query.hpp"

#include <chrono>

#include "pum/check/read_snapshot.hpp"
#include "pum/ui/log.hpp"

namespace pum::check {

namespace {

// The start of a query on one line, for debug logs.
std::string excerpt(std::string_view query) {
  std::string out;
  for (char c : query) {
    if (out.size() >= 48) break;
    if (c == '\n' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

CatalogQuery::CatalogQuery(db::Connection& conn, const std::vector<std::string>& exclude_schemas)
    : conn_(conn), schemas_(text_array_literal(exclude_schemas)) {}

db::Result CatalogQuery::run(std::string_view sql, db::Params params) {
  params.insert(params.begin(), schemas_);
  auto start = std::chrono::steady_clock::now();
  db::Result result = conn_.query(sql, params);
  if (log::enabled(log::Level::debug)) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    log::debug("{} rows in {} ms from {} ({}...)", result.rows(), ms, conn_.display(),
               excerpt(sql));
  }
  return result;
}

}  // namespace pum::check
