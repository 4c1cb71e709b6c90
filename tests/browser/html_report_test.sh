#!/usr/bin/env bash
# Opens the HTML report of `pum check` in headless Chromium.
#
# Usage: tests/browser/html_report_test.sh PUM_BINARY OUT_DIR
#
# Builds two small databases that differ (a missing table whose name is HTML, a changed view
# with a column alias that is an <img onerror=...>, a changed function, a missing index), writes
# `pum check -f html` to OUT_DIR/report.html, then:
#   1. takes a screenshot of it (OUT_DIR/report.png, path printed);
#   2. opens a copy with a test script appended (OUT_DIR/report-test.html) that clicks the
#      toggles, types in the filter and checks the result in the DOM; Chromium's --dump-dom
#      returns the DOM, whose <body data-test-result="..."> says PASS or what failed; a second
#      screenshot shows the page with everything expanded (OUT_DIR/report-expanded.png).
# Needs PUM_TEST_PG=1 and the PG* variables of scripts/pg.sh, psql, and chromium (or
# chromium-browser / google-chrome, or CHROMIUM=/path). Without a browser it fails, unless
# PUM_SKIP_BROWSER=1 (then exit 77: skipped).
set -euo pipefail

pum="${1:?usage: html_report_test.sh PUM_BINARY OUT_DIR}"
out="${2:?usage: html_report_test.sh PUM_BINARY OUT_DIR}"

fail() {
  echo "html_report_test: $*" >&2
  exit 1
}

[[ "${PUM_TEST_PG:-}" == 1 ]] ||
  fail "needs a PostgreSQL server: run scripts/test.sh, or scripts/pg.sh start, source its env file and set PUM_TEST_PG=1"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
if [[ -z "${chromium}" ]]; then
  [[ "${PUM_SKIP_BROWSER:-}" == 1 ]] && {
    echo "html_report_test: no Chromium, skipped (PUM_SKIP_BROWSER=1)"
    exit 77
  }
  fail "Chromium not found (apt-get install chromium, or set CHROMIUM=/path/to/chrome)"
fi

mkdir -p "${out}"
work="$(mktemp -d "${TMPDIR:-/tmp}/pum-browser-XXXXXX")"
db1="pum_browser_$$_a"
db2="pum_browser_$$_b"
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cleanup() {
  psql -qX -d postgres -c "DROP DATABASE IF EXISTS ${db1}" -c "DROP DATABASE IF EXISTS ${db2}" \
    >/dev/null 2>&1 || true
  rm -rf "${work}"
}
trap cleanup EXIT

psql -qX -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE ${db1}" -c "CREATE DATABASE ${db2}" >/dev/null
common="
CREATE SCHEMA shop;
CREATE TABLE shop.orders (id serial PRIMARY KEY, amount numeric CHECK (amount > 0), note text);
CREATE TABLE shop.customer (id serial PRIMARY KEY, name text);
CREATE INDEX orders_amount_idx ON shop.orders (amount);
"
psql -qX -v ON_ERROR_STOP=1 -d "${db1}" >/dev/null <<SQL
${common}
CREATE TABLE shop."<b>bold</b>" (id integer);
CREATE VIEW shop.big AS SELECT id, amount AS "<img src=x onerror=window.pumXss=1>"
  FROM shop.orders WHERE amount > 100;
CREATE FUNCTION shop.total() RETURNS numeric LANGUAGE sql AS \$\$
  SELECT sum(amount)
  FROM shop.orders
  WHERE amount > 0
\$\$;
SQL
psql -qX -v ON_ERROR_STOP=1 -d "${db2}" >/dev/null <<SQL
${common}
DROP INDEX shop.orders_amount_idx;
CREATE VIEW shop.big AS SELECT id, amount AS "<img src=x onerror=window.pumXss=1>"
  FROM shop.orders WHERE amount > 500;
CREATE FUNCTION shop.total() RETURNS numeric LANGUAGE sql AS \$\$
  SELECT sum(amount)
  FROM shop.orders
  WHERE amount > 10
\$\$;
SQL

report="${out}/report.html"
status=0
"${pum}" -p "dbname=${db1} password=secret" check "dbname=${db2}" -f html -o "${report}" || status=$?
[[ ${status} -eq 1 ]] || fail "pum check exited ${status}, expected 1 (differences)"
grep -q "password=\*\*\*" "${report}" || fail "the password is not redacted in ${report}"
if grep -q "secret" "${report}"; then fail "the password leaked into ${report}"; fi

browser() {
  "${chromium}" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-extensions \
    --user-data-dir="${work}/profile" --virtual-time-budget=5000 "$@" 2>>"${work}/chromium.log"
}

# 1. The report as it is.
rm -f "${out}/report.png"
browser --window-size=1280,1800 --screenshot="${out}/report.png" "file://${report}" >/dev/null ||
  { cat "${work}/chromium.log" >&2; fail "chromium could not take the screenshot"; }
[[ -s "${out}/report.png" ]] || { cat "${work}/chromium.log" >&2; fail "no screenshot written"; }
echo "screenshot: ${out}/report.png"

# 2. A copy that tests itself once loaded.
test_page="${out}/report-test.html"
sed '/<\/body>/,$d' "${report}" >"${test_page}"
cat >>"${test_page}" <<'HTML'
<script>
window.addEventListener('load', function () {
  var errors = [];
  function check(ok, what) { if (!ok) errors.push(what); }
  function section(key) { return document.getElementById('check-' + key); }
  function toggle(el) { return el.querySelector('.collapsible-toggle'); }
  function content(button) { return contentOf(button); }

  check(document.title === 'Database Comparison Report', 'title');
  check(document.querySelectorAll('.check-section').length === 9, 'nine sections');
  check(section('tables').classList.contains('failed'), 'tables failed');
  check(section('sequences').classList.contains('passed'), 'sequences passed');

  // A failing section starts open, a passing one closed; clicks toggle them.
  var failing = toggle(section('tables'));
  check(!content(failing).hidden && failing.getAttribute('aria-expanded') === 'true',
        'failing section open');
  failing.click();
  check(content(failing).hidden && failing.getAttribute('aria-expanded') === 'false',
        'failing section closes on click');
  var passing = toggle(section('sequences'));
  check(content(passing).hidden, 'passing section closed');
  passing.click();
  check(!content(passing).hidden && content(passing).offsetHeight > 0,
        'passing section opens on click and shows');
  check(content(passing).textContent.indexOf('No differences.') >= 0, 'no differences text');

  // The changed function: a side-by-side block, open, with the changed line on both sides.
  var functions = section('functions');
  var sbs = functions.querySelector('.side-by-side');
  check(sbs && sbs.offsetHeight > 0, 'side by side shown');
  var changed = functions.querySelector('.side-by-side tr.changed');
  check(changed && changed.children[0].textContent.indexOf('amount > 0') >= 0 &&
        changed.children[1].textContent.indexOf('amount > 10') >= 0, 'changed line paired');

  // A long unchanged value is behind a toggle: closed, then open.
  var inline = document.querySelector('#check-indexes button.collapsible-toggle.inline') ||
               document.querySelector('button.collapsible-toggle.inline[aria-expanded="false"]');
  if (inline) {
    check(content(inline).hidden, 'long value closed');
    inline.click();
    check(!content(inline).hidden, 'long value opens');
  }

  // Objects are grouped: schema-object boxes holding object-detail entries.
  check(document.querySelectorAll('.schema-object .object-detail').length >= 4, 'grouped details');

  // Nothing from the databases became markup.
  check(window.pumXss === undefined, 'no script from a column alias ran');
  check(document.querySelector('main b') === null, 'no <b> from a table name');
  check(document.querySelector('main img') === null, 'no <img> from a column alias');
  check(document.body.textContent.indexOf('<b>bold</b>') >= 0, 'the table name shown as text');

  // The filter hides the objects that do not match.
  var filter = document.querySelector('.toolbar input');
  filter.value = 'shop.big';
  filter.dispatchEvent(new Event('input'));
  var objects = document.querySelectorAll('.schema-object');
  var visible = 0;
  for (var i = 0; i < objects.length; i++) if (!objects[i].hidden) visible++;
  check(visible >= 1 && visible < objects.length, 'filter keeps some and hides others');
  filter.value = '';
  filter.dispatchEvent(new Event('input'));

  // Expand all opens everything (for the second screenshot).
  setAllCollapsibles(true);
  var closed = 0;
  document.querySelectorAll('.collapsible-content').forEach(function (c) { if (c.hidden) closed++; });
  check(closed === 0, 'expand all');

  document.body.setAttribute('data-test-result', errors.length ? 'FAIL: ' + errors.join('; ') : 'PASS');
});
</script>
</body>
</html>
HTML

dom="${work}/dom.html"
browser --dump-dom "file://${test_page}" >"${dom}" ||
  { cat "${work}/chromium.log" >&2; fail "chromium could not open ${test_page}"; }
result="$(grep -o 'data-test-result="[^"]*"' "${dom}" || true)"
[[ "${result}" == 'data-test-result="PASS"' ]] ||
  fail "the page failed its test: ${result:-no result (did the script run?)}; page: ${test_page}"
echo "scripted clicks: PASS (${test_page})"

rm -f "${out}/report-expanded.png"
browser --window-size=1280,3000 --screenshot="${out}/report-expanded.png" "file://${test_page}" \
  >/dev/null || fail "chromium could not take the second screenshot"
echo "screenshot: ${out}/report-expanded.png"
