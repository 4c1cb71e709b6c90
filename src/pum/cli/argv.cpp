#include "pum/cli/argv.hpp"

#include <algorithm>
#include <string_view>

#include "pum/config/suggest.hpp"

namespace pum::cli {

namespace {

struct LongMatch {
  const CLI::Option* option = nullptr;
  std::string name;                 // the full long name, without "--"
  std::vector<std::string> others;  // the candidates when ambiguous ("--a", "--b")
};

// The option of `scope` whose long name is `typed` or, as argparse does, the only option with a
// long name starting with `typed`.
LongMatch match_long(const CLI::App& scope, std::string_view typed) {
  LongMatch found;
  std::vector<std::pair<const CLI::Option*, std::string>> prefixed;
  for (const CLI::Option* option : scope.get_options()) {
    for (const std::string& name : option->get_lnames()) {
      if (name == typed) {
        found.option = option;
        found.name = name;
        return found;
      }
      if (name.starts_with(typed)) prefixed.emplace_back(option, name);
    }
  }
  if (prefixed.empty()) return found;
  const bool one_option = std::all_of(prefixed.begin(), prefixed.end(), [&](const auto& p) {
    return p.first == prefixed.front().first;
  });
  if (one_option) {
    found.option = prefixed.front().first;
    found.name = prefixed.front().second;
    return found;
  }
  for (const auto& [option, name] : prefixed) {
    const std::string dashed = "--" + name;
    if (std::find(found.others.begin(), found.others.end(), dashed) == found.others.end()) {
      found.others.push_back(dashed);
    }
  }
  return found;
}

const CLI::Option* match_short(const CLI::App& scope, char letter) {
  for (const CLI::Option* option : scope.get_options()) {
    for (const std::string& name : option->get_snames()) {
      if (name.size() == 1 && name[0] == letter) return option;
    }
  }
  return nullptr;
}

// How many of the following arguments an option typed without an attached value takes.
int values_taken(const CLI::Option* option) {
  if (option == nullptr || option->get_expected_max() == 0 || option->get_type_size_max() == 0) {
    return 0;  // a flag
  }
  return std::max(1, option->get_items_expected_min());
}

std::vector<std::string> long_names(const CLI::App& scope) {
  std::vector<std::string> names;
  for (const CLI::Option* option : scope.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
  }
  return names;
}

const char* const kGlobalFirst =
    "global options (-p, -c, -d, -v, -q) go before the command: pum -p CONNECTION [-d DIR] "
    "COMMAND [options of the command]";

}  // namespace

NormalisedArgs normalise_argv(CLI::App& app, int argc, char** argv) {
  NormalisedArgs out;
  std::vector<std::string> in(argv + 1, argv + argc);
  const CLI::App* scope = &app;
  bool global_connection = false;  // -p/--pg-connection before the command
  bool connection_after = false;   // something like it after the command
  std::size_t i = 0;
  for (; i < in.size(); ++i) {
    const std::string arg = in[i];
    if (arg == "--") break;
    const bool global = scope == &app;
    if (arg.starts_with("--")) {
      const std::size_t eq = arg.find('=');
      const std::string typed = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      const LongMatch match = match_long(*scope, typed);
      if (!global && !typed.empty() && std::string_view("pg-connection").starts_with(typed)) {
        connection_after = true;
      }
      if (match.option == nullptr) {
        if (!match.others.empty()) {
          out.error = "ambiguous option: --" + typed + " could match " + config::join(match.others);
        } else {
          out.error = "unknown option '--" + typed + "'";
          if (auto close = config::suggest("--" + typed, long_names(*scope))) {
            out.error += " (did you mean '" + *close + "'?)";
          }
          if (!global && match_long(app, typed).option != nullptr) out.hint = kGlobalFirst;
        }
        out.args.clear();
        return out;
      }
      if (global && match.option->check_lname("pg-connection")) global_connection = true;
      out.args.push_back("--" + match.name +
                         (eq == std::string::npos ? std::string() : arg.substr(eq)));
      if (eq == std::string::npos) {
        for (int n = values_taken(match.option); n > 0 && i + 1 < in.size(); --n) {
          out.args.push_back(in[++i]);
        }
      }
      continue;
    }
    if (arg.size() >= 2 && arg[0] == '-') {
      const CLI::Option* option = match_short(*scope, arg[1]);
      if (global && arg[1] == 'p') global_connection = true;
      if (!global && option == nullptr && match_short(app, arg[1]) != nullptr) {
        out.error =
            "unknown option '" + arg.substr(0, 2) + "' for command '" + scope->get_name() + "'";
        out.hint = kGlobalFirst;
        out.args.clear();
        return out;
      }
      if (!global && arg == "-p" && match_short(app, 'p') != nullptr &&
          (option == nullptr || (i + 2 >= in.size()))) {
        connection_after = true;  // -p CONNECTION after a command whose -p is something else
      }
      out.args.push_back(arg);
      if (arg.size() == 2) {
        for (int n = values_taken(option); n > 0 && i + 1 < in.size(); --n) {
          out.args.push_back(in[++i]);
        }
      }
      continue;
    }
    out.args.push_back(arg);
    if (global) {
      const CLI::App* sub = nullptr;
      for (const CLI::App* candidate : app.get_subcommands({})) {
        if (candidate->check_name(arg)) sub = candidate;
      }
      if (sub == nullptr) {
        ++i;
        break;  // an unknown command: CLI11 reports it
      }
      scope = sub;
    }
  }
  out.args.insert(out.args.end(), in.begin() + static_cast<std::ptrdiff_t>(std::min(i, in.size())),
                  in.end());
  if (!global_connection && connection_after) out.hint = kGlobalFirst;
  return out;
}

}  // namespace pum::cli
