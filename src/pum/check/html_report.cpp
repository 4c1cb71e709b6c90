#include "pum/check/html_report.hpp"

#include <fmt/format.h>

#include "pum/check/line_diff.hpp"
#include "pum/check/object_groups.hpp"

namespace pum::check {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

// A value too long for a table cell goes behind a toggle.
constexpr std::size_t kLongValue = 160;

bool is_long(const Value& value) {
  return value && (value->size() > kLongValue || value->find('\n') != std::string::npos);
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

class HtmlWriter {
 public:
  HtmlWriter(const Report& report, const HtmlOptions& options)
      : report_(report), options_(options) {}

  std::string write() {
    out_.reserve(std::size_t{64} * 1024);
    head();
    out_ += "<body>\n";
    header();
    out_ += "<main>\n";
    summary();
    for (const auto& result : report_.results) section(result);
    out_ += "</main>\n<script>";
    out_ += html_script();
    out_ += "</script>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  void head() {
    out_ +=
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // Self-contained by construction: the page may load nothing from anywhere.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        "<meta name=\"generator\" content=\"pum " PUM_VERSION
        "\">\n"
        "<title>Database Comparison Report</title>\n<style>";
    out_ += html_style();
    out_ += "</style>\n</head>\n";
  }

  void header() {
    out_ += "<header class=\"report-header\">\n<h1>Database Comparison Report</h1>\n";
    if (!options_.subtitle.empty()) {
      out_ += fmt::format("<p class=\"subtitle\">{}</p>\n", html_escape(options_.subtitle));
    }
    out_ += fmt::format(
        "<dl>\n<dt>{}</dt><dd class=\"connection\">{}</dd>\n<dt>{}</dt><dd "
        "class=\"connection\">{}</dd>\n<dt>Generated</dt><dd>{}</dd>\n</dl>\n</header>\n",
        html_escape(options_.label1), html_escape(report_.connection1),
        html_escape(options_.label2), html_escape(report_.connection2),
        html_escape(report_.timestamp));
  }

  void card(std::string_view css, std::size_t value, std::string_view label) {
    out_ += fmt::format(
        "<div class=\"card {}\"><span class=\"value\">{}</span><span "
        "class=\"label\">{}</span></div>\n",
        css, value, label);
  }

  void summary() {
    if (report_.passed()) {
      out_ += fmt::format("<p class=\"verdict passed\">No differences: the {} checks passed.</p>\n",
                          report_.results.size());
    } else {
      out_ +=
          fmt::format("<p class=\"verdict failed\">Differences found: {} in {} of {} checks.</p>\n",
                      plural(report_.total_differences(), "difference", "differences"),
                      report_.failed_checks(), report_.results.size());
    }
    out_ += "<section class=\"summary\">\n";
    card("", report_.results.size(), "Checks run");
    card("passed", report_.passed_checks(), "Passed");
    card(report_.failed_checks() > 0 ? "failed" : "", report_.failed_checks(), "Failed");
    card(report_.total_differences() > 0 ? "failed" : "", report_.total_differences(),
         "Differences");
    out_ += "</section>\n";

    out_ += fmt::format(
        "<table class=\"check-index\">\n<thead><tr><th>Check</th><th>Result</th><th>Only in "
        "{}</th><th>Only in {}</th></tr></thead>\n<tbody>\n",
        html_escape(options_.label1), html_escape(options_.label2));
    for (const auto& result : report_.results) {
      std::size_t removed = 0;
      for (const auto& d : result.differences) removed += d.type == DiffType::removed ? 1 : 0;
      const KindInfo& kind = info(result.kind);
      out_ += fmt::format(
          "<tr><td><a href=\"#check-{}\">{}</a></td><td><span class=\"badge {}\">{}</span></td>"
          "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
          kind.key, html_escape(kind.title), result.passed() ? "passed" : "failed",
          result.passed() ? "PASSED" : "FAILED", removed, result.differences.size() - removed);
    }
    out_ += "</tbody>\n</table>\n";

    out_ += fmt::format(
        "<div class=\"toolbar\"><button type=\"button\" onclick=\"setAllCollapsibles(true)\">"
        "Expand all</button><button type=\"button\" onclick=\"setAllCollapsibles(false)\">"
        "Collapse all</button><input type=\"search\" placeholder=\"Filter objects\" "
        "aria-label=\"Filter objects\" oninput=\"filterObjects(this.value)\"></div>\n"
        "<p class=\"legend\"><span class=\"tag removed\">only in {0}</span> missing in {1} "
        "&#160; <span class=\"tag added\">only in {1}</span> extra in {1} &#160; "
        "<span class=\"tag changed\">changed</span> in both, different</p>\n",
        html_escape(options_.label1), html_escape(options_.label2));
  }

  void section(const CheckResult& result) {
    const KindInfo& kind = info(result.kind);
    bool open = !result.passed();
    out_ += fmt::format(
        "<section class=\"check-section {0}\" id=\"check-{1}\">\n"
        "<button type=\"button\" class=\"collapsible-toggle check-header\" "
        "aria-expanded=\"{2}\" onclick=\"toggleCollapsible(this)\"><span "
        "class=\"chevron\"></span><span class=\"check-title\">{3}</span><span class=\"badge "
        "{0}\">{4}</span><span class=\"diff-count\">{5}</span></button>\n"
        "<div class=\"collapsible-content check-body\"{6}>\n",
        result.passed() ? "passed" : "failed", kind.key, open ? "true" : "false",
        html_escape(kind.title), result.passed() ? "PASSED" : "FAILED",
        plural(result.differences.size(), "difference", "differences"), open ? "" : " hidden");
    if (result.passed()) {
      out_ += "<p class=\"no-differences\">No differences.</p>\n";
    } else {
      for (const auto& group : group_differences(result)) object_group(kind, group);
    }
    out_ += "</div>\n</section>\n";
  }

  void object_group(const KindInfo& kind, const ObjectGroup& group) {
    std::string counts;
    if (group.removed_rows > 0) counts += fmt::format("&#8722;{}", group.removed_rows);
    if (group.added_rows > 0)
      counts += fmt::format("{}+{}", counts.empty() ? "" : " ", group.added_rows);
    out_ +=
        fmt::format("<div class=\"schema-object\">\n<h3>{}<span class=\"counts\">{}</span></h3>\n",
                    html_escape(group.object), counts);
    for (const auto& entry : group.entries) object_detail(kind, entry);
    out_ += "</div>\n";
  }

  void object_detail(const KindInfo& kind, const Entry& entry) {
    const char* css = entry.state == Entry::changed      ? "changed"
                      : entry.state == Entry::only_first ? "removed"
                                                         : "added";
    std::string tag, note;
    if (entry.state == Entry::changed) {
      tag = "changed";
      note = fmt::format("differs between {} and {}", options_.label1, options_.label2);
    } else if (entry.state == Entry::only_first) {
      tag = "only in " + options_.label1;
      note = "missing in " + options_.label2;
    } else {
      tag = "only in " + options_.label2;
      note = "extra in " + options_.label2;
    }
    out_ += fmt::format(
        "<div class=\"object-detail {}\">\n<div class=\"detail-head\"><span "
        "class=\"tag {}\">{}</span>",
        css, css, html_escape(tag));
    if (!entry.item.empty()) out_ += fmt::format("<code>{}</code>", html_escape(entry.item));
    out_ += fmt::format("<span class=\"note\">{}</span></div>\n", html_escape(note));
    if (entry.state == Entry::changed) {
      changed_fields(kind, *entry.first, *entry.second);
    } else {
      fields(kind, entry.first ? *entry.first : *entry.second);
    }
    out_ += "</div>\n";
  }

  void value_cell(const Value& value) {
    out_ += "<td>";
    if (!value) {
      out_ += "<span class=\"null\">NULL</span>";
    } else if (is_long(*value)) {
      out_ += fmt::format(
          "<button type=\"button\" class=\"collapsible-toggle inline\" aria-expanded=\"false\" "
          "onclick=\"toggleCollapsible(this)\">show ({})</button><div "
          "class=\"collapsible-content\" hidden><pre>{}</pre></div>",
          plural(split_lines(*value).size(), "line", "lines"), html_escape(*value));
    } else {
      out_ += html_escape(*value);
    }
    out_ += "</td>";
  }

  void fields(const KindInfo& kind, const MergedRow& row) {
    out_ += "<table class=\"fields\">\n";
    for (std::size_t c = 0; c < kind.columns.size(); ++c) {
      out_ += fmt::format("<tr><th>{}</th>", html_escape(kind.columns[c]));
      value_cell(row.values.at(c));
      out_ += "</tr>\n";
    }
    out_ += "</table>\n";
  }

  void changed_fields(const KindInfo& kind, const MergedRow& first, const MergedRow& second) {
    out_ += fmt::format("<table class=\"fields\">\n<tr><th></th><th>{}</th><th>{}</th></tr>\n",
                        html_escape(options_.label1), html_escape(options_.label2));
    std::vector<std::size_t> long_changes;
    for (std::size_t c = 0; c < kind.columns.size(); ++c) {
      const Value& a = first.values.at(c);
      const Value& b = second.values.at(c);
      bool differs = a != b;
      out_ += fmt::format("<tr{}><th>{}</th>", differs ? " class=\"differs\"" : "",
                          html_escape(kind.columns[c]));
      if (differs && a && b && (is_long(a) || is_long(b))) {
        long_changes.push_back(c);
        out_ += "<td colspan=\"2\"><span class=\"note\">see below</span></td>";
      } else {
        value_cell(a);
        value_cell(b);
      }
      out_ += "</tr>\n";
    }
    out_ += "</table>\n";
    for (std::size_t c : long_changes)
      side_by_side_block(kind.columns[c], *first.values[c], *second.values[c]);
  }

  void side_by_side_block(std::string_view column, const std::string& a, const std::string& b) {
    out_ += fmt::format(
        "<button type=\"button\" class=\"collapsible-toggle inline\" aria-expanded=\"true\" "
        "onclick=\"toggleCollapsible(this)\">{} side by side</button>\n<div "
        "class=\"collapsible-content\">\n<table class=\"side-by-side\">\n<colgroup><col><col>"
        "</colgroup>\n<tr><th>{}</th><th>{}</th></tr>\n",
        html_escape(column), html_escape(options_.label1), html_escape(options_.label2));
    for (const auto& line : side_by_side(a, b)) {
      const char* css = line.op == SideBySideLine::same      ? "same"
                        : line.op == SideBySideLine::changed ? "changed"
                        : line.op == SideBySideLine::removed ? "removed"
                                                             : "added";
      out_ += fmt::format(
          "<tr class=\"{}\"><td class=\"left\">{}</td><td class=\"right\">{}</td></tr>\n", css,
          html_escape(line.left), html_escape(line.right));
    }
    out_ += "</table>\n</div>\n";
  }

  const Report& report_;
  const HtmlOptions& options_;
  std::string out_;
};

}  // namespace

std::string html_report(const Report& report, const HtmlOptions& options) {
  return HtmlWriter(report, options).write();
}

}  // namespace pum::check
