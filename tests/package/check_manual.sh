#!/usr/bin/env bash
# The man page and the completion scripts cannot drift from the command line: every sub-command
# `pum --help` lists (pum 1.x's, and the flat layout's) is a section of the man page and is
# offered by bash completion, with every option its --help lists; every command's --help ends
# with examples; the zsh and fish scripts are valid when those shells are installed.
# Usage: tests/package/check_manual.sh PATH/TO/pum
set -euo pipefail

pum="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
cd "${work}"  # no numbered .sql files here: pum 1.x's command table
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# The sub-commands of a --help text (CLI11: "Subcommands:" then "  name  summary" lines).
commands_of() {
  awk 'tolower($0) ~ /^(sub)?commands:/ { on = 1; next } on && /^  [^ ]/ { print $1 } on && /^$/ { on = 0 }'
}
# The long options a --help text defines (its option lines, not the mentions in descriptions).
long_options_of() {
  grep -E '^ +-' | awk '{ print $1 }' | tr ',' '\n' | grep -E '^--[A-Za-z]' | sort -u || true
}

"${pum}" --generate-manual man >pum.1
"${pum}" --generate-manual bash >pum.bash
"${pum}" --generate-manual zsh >_pum
"${pum}" --generate-manual fish >pum.fish
# The man page as text: roff's \- back to -.
sed 's/\\-/-/g' pum.1 >man.txt

mkdir flat
echo 'SELECT 1;' >flat/001_init.sql

check_layout() {
  local label="$1"
  shift
  local help commands command options option
  help="$("${pum}" "$@" --help)"
  commands="$(commands_of <<<"${help}")"
  [[ -n "${commands}" ]] || fail "${label}: no SUBCOMMANDS in pum --help"
  for option in $(long_options_of <<<"${help}"); do
    grep -qF -- "${option}" man.txt || fail "${label}: global option ${option} not in the man page"
  done
  for command in ${commands}; do
    grep -q "^\.SS \"${command}\"" pum.1 || fail "${label}: command ${command} has no section in the man page"
    # bash: `pum -p x <TAB>` offers the command, `pum -p x COMMAND --<TAB>` its options.
    offered="$(bash -c 'source ./pum.bash; COMP_WORDS=(pum -p x ""); COMP_CWORD=3; _pum; printf "%s\n" "${COMPREPLY[@]}"')"
    grep -qx -- "${command}" <<<"${offered}" || fail "${label}: bash completion does not offer ${command}"
    command_help="$("${pum}" "$@" -p x "${command}" --help)"
    grep -q '^Examples:' <<<"${command_help}" || fail "${label}: pum ${command} --help has no examples"
    offered="$(bash -c 'source ./pum.bash; COMP_WORDS=(pum -p x "$1" --); COMP_CWORD=4; _pum; printf "%s\n" "${COMPREPLY[@]}"' _ "${command}")"
    options="$(long_options_of <<<"${command_help}")"
    for option in ${options}; do
      grep -qx -- "${option}" <<<"${offered}" ||
        fail "${label}: bash completion of 'pum ${command} --' does not offer ${option}"
      grep -qF -- "${option}" man.txt || fail "${label}: ${command} ${option} not in the man page"
    done
    # The examples of --help are the man page's.
    while read -r line; do
      [[ "${line}" == pum\ * ]] || continue
      grep -qF -- "${line}" man.txt || fail "${label}: example '${line}' not in the man page"
    done <<<"${command_help}"
  done
}
check_layout "pum 1.x"
check_layout "flat layout" -d flat

for section in 'NAME' 'SYNOPSIS' 'OPTIONS' 'COMMANDS' 'EXAMPLES' 'EXIT STATUS' 'ENVIRONMENT'; do
  grep -q "^\.SH ${section}\$" pum.1 || fail "no ${section} section in the man page"
done
for code in 0 1 2 3; do
  grep -A1 '^\.SH EXIT STATUS' -A20 pum.1 | grep -qx "\\\\fB${code}\\\\fR" || fail "exit code ${code} not in EXIT STATUS"
done
grep -q 'NO_COLOR' pum.1 || fail "NO_COLOR not in ENVIRONMENT"
grep -q 'PGHOST' pum.1 || fail "PGHOST not in ENVIRONMENT"

bash -n pum.bash || fail "pum.bash: syntax error"
if command -v groff >/dev/null 2>&1; then
  warnings="$(groff -man -Tutf8 -ww -z pum.1 2>&1)"
  [[ -z "${warnings}" ]] || fail "groff warns about pum.1: ${warnings}"
fi
if command -v zsh >/dev/null 2>&1; then zsh -n _pum || fail "_pum: zsh syntax error"; fi
if command -v fish >/dev/null 2>&1; then fish --no-execute pum.fish || fail "pum.fish: fish syntax error"; fi
head -1 _pum | grep -qx '#compdef pum' || fail "_pum does not start with #compdef pum"
grep -q 'complete -c pum' pum.fish || fail "pum.fish has no completions"

if ((failures > 0)); then
  echo "${failures} check(s) failed" >&2
  exit 1
fi
echo "man page and completions match pum --help"
