// The inline style sheet and script of the HTML report. Plain CSS and ES5 so that any browser,
// old or new, shows the report without a network connection.
#include "pum/check/html_report.hpp"

namespace pum::check {

std::string_view html_style() {
  return R"CSS(
:root { --red: #b42318; --red-bg: #fef3f2; --green: #067647; --green-bg: #ecfdf3;
        --amber: #b54708; --amber-bg: #fffaeb; --line: #d0d5dd; --muted: #667085; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: #101828; background: #f9fafb; }
header.report-header { background: #1d2939; color: #fff; padding: 24px 32px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header .subtitle { margin: 0 0 12px; color: #d0d5dd; }
header dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
header dt { font-weight: 600; color: #d0d5dd; }
header dd { margin: 0; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; word-break: break-all; }
main { padding: 24px 32px; max-width: 1400px; margin: 0 auto; }
.verdict { font-size: 18px; font-weight: 600; margin: 0 0 16px; }
.verdict.passed { color: var(--green); } .verdict.failed { color: var(--red); }
.summary { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 20px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 20px; min-width: 150px; }
.card .value { display: block; font-size: 28px; font-weight: 700; }
.card .label { color: var(--muted); text-transform: uppercase; font-size: 12px; letter-spacing: .04em; }
.card.failed .value { color: var(--red); } .card.passed .value { color: var(--green); }
table { border-collapse: collapse; }
.check-index { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin-bottom: 20px; }
.check-index th, .check-index td { padding: 6px 14px; text-align: left; border-bottom: 1px solid #eaecf0; }
.check-index td.num { text-align: right; font-variant-numeric: tabular-nums; }
.toolbar { display: flex; gap: 8px; align-items: center; margin-bottom: 12px; flex-wrap: wrap; }
.toolbar button, .toolbar input { font: inherit; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.toolbar input { min-width: 260px; }
.legend { color: var(--muted); margin: 0 0 16px; }
.check-section { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin-bottom: 14px; overflow: hidden; }
button.check-header { all: unset; box-sizing: border-box; display: flex; width: 100%; align-items: center; gap: 12px;
                      padding: 12px 16px; cursor: pointer; background: #f2f4f7; }
button.check-header:hover, button.check-header:focus-visible { background: #eaecf0; }
.check-title { font-size: 17px; font-weight: 600; }
.chevron::before { content: "\25B8"; display: inline-block; transition: transform .15s; }
[aria-expanded="true"] > .chevron::before { transform: rotate(90deg); }
.badge { font-size: 12px; font-weight: 700; padding: 2px 10px; border-radius: 999px; }
.badge.passed { background: var(--green-bg); color: var(--green); }
.badge.failed { background: var(--red-bg); color: var(--red); }
.diff-count { color: var(--muted); margin-left: auto; }
.check-body { padding: 12px 16px; }
.no-differences { color: var(--green); font-style: italic; margin: 4px 0; }
.schema-object { border: 1px solid #eaecf0; border-radius: 6px; margin: 10px 0; padding: 8px 12px; }
.schema-object h3 { margin: 0 0 6px; font-size: 15px; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.schema-object .counts { font-weight: 400; color: var(--muted); font-size: 13px; margin-left: 8px; }
.object-detail { border-left: 4px solid var(--line); padding: 6px 10px; margin: 8px 0; }
.object-detail.removed { border-color: var(--red); background: var(--red-bg); }
.object-detail.added { border-color: var(--green); background: var(--green-bg); }
.object-detail.changed { border-color: var(--amber); background: var(--amber-bg); }
.detail-head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.tag { font-size: 12px; font-weight: 700; padding: 0 8px; border-radius: 4px; color: #fff; }
.tag.removed { background: var(--red); } .tag.added { background: var(--green); } .tag.changed { background: var(--amber); }
.note { color: var(--muted); }
code, pre, .fields td { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
.fields { margin-top: 6px; width: 100%; background: #fff; }
.fields th, .fields td { border: 1px solid #eaecf0; padding: 3px 8px; vertical-align: top; text-align: left; }
.fields th { font-weight: 600; white-space: nowrap; background: #f9fafb; width: 1%; }
.fields td { white-space: pre-wrap; word-break: break-word; }
.fields tr.differs th { color: var(--amber); }
.fields tr.differs td { background: #fff4e5; }
.null { color: var(--muted); font-style: italic; }
button.collapsible-toggle.inline { font: inherit; font-size: 12px; padding: 1px 8px; margin: 2px 0; border: 1px solid var(--line);
                                   border-radius: 4px; background: #fff; cursor: pointer; }
pre { margin: 4px 0; padding: 8px; background: #f9fafb; border: 1px solid #eaecf0; border-radius: 4px; white-space: pre-wrap; word-break: break-word; }
.side-by-side { width: 100%; table-layout: fixed; background: #fff; margin-top: 6px; }
.side-by-side th { background: #f2f4f7; text-align: left; padding: 4px 8px; border: 1px solid #eaecf0; }
.side-by-side td { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; white-space: pre-wrap;
                   word-break: break-word; padding: 0 8px; border-left: 1px solid #eaecf0; border-right: 1px solid #eaecf0; vertical-align: top; }
.side-by-side tr.removed td.left, .side-by-side tr.changed td.left { background: #fee4e2; }
.side-by-side tr.added td.right, .side-by-side tr.changed td.right { background: #d1fadf; }
@media print { .toolbar { display: none; } [hidden] { display: block !important; } }
)CSS";
}

std::string_view html_script() {
  return R"JS(
function contentOf(button) {
  var next = button.nextElementSibling;
  while (next && !(next.classList && next.classList.contains('collapsible-content'))) {
    next = next.nextElementSibling;
  }
  return next;
}
function toggleCollapsible(button) {
  var content = contentOf(button);
  if (!content) return;
  var open = content.hidden;
  content.hidden = !open;
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
}
function setAllCollapsibles(open) {
  var buttons = document.querySelectorAll('.collapsible-toggle');
  for (var i = 0; i < buttons.length; i++) {
    var content = contentOf(buttons[i]);
    if (content && content.hidden === open) toggleCollapsible(buttons[i]);
  }
}
function filterObjects(text) {
  var needle = text.toLowerCase();
  var objects = document.querySelectorAll('.schema-object');
  for (var i = 0; i < objects.length; i++) {
    objects[i].hidden = needle !== '' && objects[i].textContent.toLowerCase().indexOf(needle) < 0;
  }
}
function openFromHash() {
  var section = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!section) return;
  var button = section.querySelector('.collapsible-toggle');
  var content = button && contentOf(button);
  if (content && content.hidden) toggleCollapsible(button);
}
window.addEventListener('hashchange', openFromHash);
window.addEventListener('DOMContentLoaded', openFromHash);
)JS";
}

}  // namespace pum::check
