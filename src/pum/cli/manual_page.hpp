#pragma once
// The man page and the bash, zsh and fish completion scripts, generated from the CLI11 app that
// --help prints (run.cpp builds it), so that they cannot drift from the command line; and the
// examples each `pum COMMAND --help` ends with (one table, also the man page's EXAMPLES).
// `pum --generate-manual man|bash|zsh|fish` writes them; the build installs its output
// (cmake/packaging.cmake).
#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pum/cli/command_table.hpp"

namespace pum::cli {

// "Examples:" and two or three command lines with what they do: the footer of the command's
// --help. Empty for a command without examples.
std::string command_examples(const Command& command);

// What generate_manual can write: man, bash, zsh, fish.
std::vector<std::string> manual_kinds();

// The man page (roff) or a completion script of `app` (global options, every sub-command with
// its options and positionals); the flat layout's commands are added when `app` is pum 1.x's.
// Throws std::invalid_argument for a kind not in manual_kinds().
std::string generate_manual(const CLI::App& app, std::string_view kind);

}  // namespace pum::cli
