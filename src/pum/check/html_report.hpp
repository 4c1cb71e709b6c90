#pragma once
// The HTML report: one self-contained page (inline CSS and JavaScript, no network access, a
// Content-Security-Policy that forbids any), with a summary, one collapsible section per check,
// the differences grouped by object, and changed definitions side by side. Every value is
// HTML-escaped. The strings pum 1.8's tests look for are kept: "Database Comparison Report",
// toggleCollapsible, collapsible-toggle, collapsible-content, schema-object, object-detail.
#include <string>
#include <string_view>

#include "pum/check/report.hpp"

namespace pum::check {

struct HtmlOptions {
  std::string subtitle;        // a line under the title (drift says what was compared)
  std::string label1 = "DB1";  // short names of the two sides
  std::string label2 = "DB2";
};

std::string html_report(const Report& report, const HtmlOptions& options = {});

// & < > " ' as entities.
std::string html_escape(std::string_view text);

// The page's style sheet and script (html_assets.cpp).
std::string_view html_style();
std::string_view html_script();

}  // namespace pum::check
