// The three report formats on one hand-made Report.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pum/check/html_report.hpp"
#include "pum/check/json_report.hpp"
#include "pum/check/output.hpp"
#include "pum/check/text_report.hpp"

namespace pum::check {
namespace {

Report sample() {
  Report report;
  report.connection1 = "service=prod";
  report.connection2 = "dbname=<test> password=***";
  report.timestamp = "2026-07-09T14:03:27.123456";
  Row product{{std::string("shop"), std::string("product")},
              relation_key("shop", "product"),
              "shop.product",
              {}};
  Row view_before{{std::string("shop"), std::string("v"), std::string(" SELECT 1\n  WHERE a > 0;")},
                  relation_key("shop", "v"),
                  "shop.v",
                  {}};
  Row view_after = view_before;
  view_after.values[2] = std::string(" SELECT 1\n  WHERE a > 1 AND b <> 'x';");
  report.results.push_back({Kind::tables, {{DiffType::removed, product}}});
  report.results.push_back({Kind::columns, {}});
  report.results.push_back(
      {Kind::views, {{DiffType::removed, view_before}, {DiffType::added, view_after}}});
  return report;
}

TEST(TextReport, TitlesThenDictsAndNoFinalNewline) {
  EXPECT_EQ(text_report(sample()),
            "Tables\n"
            "- {'table_schema': 'shop', 'table_name': 'product'}\n"
            "Columns\n"
            "Views\n"
            "- {'table_schema': 'shop', 'table_name': 'v', 'replace': ' SELECT 1\\n  WHERE a > "
            "0;'}\n"
            "+ {'table_schema': 'shop', 'table_name': 'v', 'replace': \" SELECT 1\\n  WHERE a > 1 "
            "AND b <> 'x';\"}");
  EXPECT_EQ(text_report(Report{}), "");
}

TEST(JsonReport, PumKeysInPumOrder) {
  std::string text = json_report(sample());
  auto json = nlohmann::ordered_json::parse(text);
  std::vector<std::string> keys;
  for (auto& [key, value] : json.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "pg_connection1", "pg_connection2", "timestamp", "passed", "total_checks",
                      "passed_checks", "failed_checks", "total_differences", "check_results"}));
  EXPECT_EQ(json["pg_connection1"], "service=prod");
  EXPECT_EQ(json["passed"], false);
  EXPECT_EQ(json["total_checks"], 3);
  EXPECT_EQ(json["passed_checks"], 1);
  EXPECT_EQ(json["failed_checks"], 2);
  EXPECT_EQ(json["total_differences"], 3);
  const auto& views = json["check_results"][2];
  keys.clear();
  for (auto& [key, value] : views.items()) keys.push_back(key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"name", "key", "passed", "difference_count", "differences"}));
  EXPECT_EQ(views["name"], "Views");
  EXPECT_EQ(views["key"], "views");
  EXPECT_EQ(views["difference_count"], 2);
  EXPECT_EQ(views["differences"][1]["type"], "added");
  EXPECT_EQ(views["differences"][1]["content"]["replace"],
            " SELECT 1\n  WHERE a > 1 AND b <> 'x';");
  EXPECT_EQ(json["check_results"][1]["differences"], nlohmann::ordered_json::array());
  // Indented by 2, as Python's json.dumps(indent=2).
  EXPECT_EQ(text.substr(0, 38), "{\n  \"pg_connection1\": \"service=prod\",\n");
}

TEST(JsonReport, NullsStayNull) {
  Report report;
  Row seq{{std::string("s"), std::nullopt}, {}, {}, {}};
  report.results.push_back({Kind::sequences, {{DiffType::added, seq}}});
  auto json = nlohmann::json::parse(json_report(report));
  EXPECT_TRUE(json["check_results"][0]["differences"][0]["content"]["schema_name"].is_null());
}

TEST(HtmlReport, HasWhatPumTestsLookFor) {
  std::string html = html_report(sample());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0U);
  for (const char* needle : {"Database Comparison Report", "toggleCollapsible",
                             "collapsible-toggle", "collapsible-content", "schema-object",
                             "object-detail", "service=prod", "Content-Security-Policy"}) {
    EXPECT_NE(html.find(needle), std::string::npos) << needle;
  }
}

TEST(HtmlReport, EscapesEverythingAndLoadsNothing) {
  std::string html = html_report(sample());
  EXPECT_NE(html.find("dbname=&lt;test&gt; password=***"), std::string::npos);
  EXPECT_EQ(html.find("dbname=<test>"), std::string::npos);
  EXPECT_NE(html.find("b &lt;&gt; &#39;x&#39;"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html_escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(HtmlReport, SummarySectionsAndSideBySide) {
  std::string html = html_report(sample(), {"a subtitle", "changelogs", "database"});
  EXPECT_NE(html.find("<p class=\"subtitle\">a subtitle</p>"), std::string::npos);
  EXPECT_NE(html.find("Differences found: 3 differences in 2 of 3 checks."), std::string::npos);
  EXPECT_NE(html.find("id=\"check-tables\""), std::string::npos);
  EXPECT_NE(html.find("<h3>shop.product"), std::string::npos);
  EXPECT_NE(html.find("only in changelogs"), std::string::npos);
  EXPECT_NE(html.find("missing in database"), std::string::npos);
  // The changed view: both versions side by side, the differing line marked.
  EXPECT_NE(html.find("replace side by side"), std::string::npos);
  EXPECT_NE(html.find("<tr class=\"changed\"><td class=\"left\">  WHERE a &gt; 0;</td>"
                      "<td class=\"right\">  WHERE a &gt; 1 AND b &lt;&gt; &#39;x&#39;;</td>"),
            std::string::npos);
  // A passing check starts collapsed, a failing one open.
  EXPECT_NE(html.find("aria-expanded=\"false\" onclick=\"toggleCollapsible(this)\"><span "
                      "class=\"chevron\"></span><span class=\"check-title\">Columns"),
            std::string::npos);
  EXPECT_NE(html.find("<p class=\"no-differences\">No differences.</p>"), std::string::npos);
}

TEST(Output, Formats) {
  EXPECT_EQ(format_from_string("json"), Format::json);
  EXPECT_EQ(format_from_string("html"), Format::html);
  EXPECT_EQ(format_from_string("text"), Format::text);
  EXPECT_EQ(format_from_string("xml"), std::nullopt);
  EXPECT_EQ(render(sample(), Format::text), text_report(sample()));
}

}  // namespace
}  // namespace pum::check
