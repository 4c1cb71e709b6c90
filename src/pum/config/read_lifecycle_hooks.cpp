// `hooks:` — lifecycle hooks, by event:
//
//   hooks:
//     pre_execute:
//       - module: scripts.hooks        # a Python function: module importable from the module
//         function: log_migration      # directory, called with a HookContext
//       - file: hooks/audit.sql        # SQL, run on pum's connection
//       - code: INSERT INTO audit ...  # inline SQL
//       - command: [./notify.sh, --quiet]   # a program (no shell); a string is split on spaces
//
// Event names come from a key table, so a misspelt one is an error at load with did-you-mean.
#include <fmt/format.h>

#include <sstream>

#include "pum/config/fields.hpp"
#include "pum/config/sections.hpp"

namespace pum::config::detail {

namespace {

const KeyTable& event_keys() {
  static const KeyTable table = [] {
    KeyTable t{"in 'hooks' (an event name)", {}};
    for (std::string_view name : kEventNames) t.keys.push_back({.name = name});
    return t;
  }();
  return table;
}

const KeyTable& entry_keys() {
  static const KeyTable table{"in a lifecycle hook",
                              {{.name = "module"},
                               {.name = "function"},
                               {.name = "file"},
                               {.name = "code"},
                               {.name = "command"}}};
  return table;
}

// "./notify.sh --quiet 'a b'" -> {"./notify.sh", "--quiet", "a b"}: words separated by
// whitespace, single or double quotes group, no other shell syntax (nothing is expanded).
std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (char c : text) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

LifecycleHook read_entry(const YamlDocument& doc, const YAML::Node& item, Event event,
                         const std::filesystem::path& base_dir) {
  const std::string subject = fmt::format("each hook of '{}'", event_name(event));
  if (!item.IsMap()) {
    throw doc
        .error(item,
               fmt::format("{} must be a mapping, found {}", subject, describe_node(doc, item)))
        .hint(
            "write '- module: my.hooks' with 'function: name', '- file: x.sql', '- code: <SQL>' "
            "or '- command: [program, arg]'");
  }
  const Fields fields = read_mapping(doc, item, entry_keys(), subject);
  LifecycleHook hook;
  hook.event = event;
  hook.mark = doc.mark(item);
  int kinds = 0;
  for (const char* k : {"module", "file", "code", "command"}) kinds += fields.find_set(k) ? 1 : 0;
  if (kinds != 1 || (fields.find_set("function") != nullptr && !fields.find_set("module"))) {
    throw doc
        .error(item,
               "a lifecycle hook needs exactly one of 'module' (with 'function'), "
               "'file', 'code' or 'command'")
        .hint("split it into one hook per entry");
  }
  if (const Field* module = fields.find_set("module")) {
    hook.kind = LifecycleHook::Kind::python;
    hook.module = read_nonempty_string(doc, *module);
    const Field* function = fields.find_set("function");
    if (function == nullptr) {
      throw doc.error(item, fmt::format("the hook of module '{}' names no function", hook.module))
          .hint("add 'function: <name of a function of that module>'");
    }
    hook.function = read_nonempty_string(doc, *function);
  } else if (const Field* file = fields.find_set("file")) {
    hook.kind = LifecycleHook::Kind::sql_file;
    hook.file_display = read_nonempty_string(doc, *file);
    std::filesystem::path path(hook.file_display);
    path = (path.is_absolute() ? path : base_dir / path).lexically_normal();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      throw doc
          .error(file->at(),
                 fmt::format("hook file '{}' not found: {}", hook.file_display, path.string()))
          .hint(fmt::format("paths in the configuration are relative to the module directory {}",
                            base_dir.string()));
    }
    if (path.extension() != ".sql") {
      throw doc
          .error(file->at(),
                 fmt::format("a lifecycle hook file must be .sql, not '{}'", hook.file_display))
          .hint("Python lifecycle hooks are functions: 'module: a.b' with 'function: f'");
    }
    hook.file = path;
  } else if (const Field* code = fields.find_set("code")) {
    hook.kind = LifecycleHook::Kind::sql_code;
    hook.code = read_nonempty_string(doc, *code);
    hook.code_mark = doc.mark(code->value);
  } else {
    const Field* command = fields.find_set("command");
    hook.kind = LifecycleHook::Kind::command;
    if (command->value.IsSequence()) {
      hook.command = read_string_list(doc, *command, true);
    } else {
      hook.command = split_words(read_nonempty_string(doc, *command));
    }
    if (hook.command.empty()) {
      throw doc.error(command->at(), "the command of a lifecycle hook is empty")
          .hint("write 'command: [program, arg1, arg2]'");
    }
  }
  return hook;
}

}  // namespace

std::vector<LifecycleHook> read_lifecycle_hooks(const YamlDocument& doc, const Field& field,
                                                const std::filesystem::path& base_dir) {
  const Fields events = read_mapping(doc, field, event_keys());
  std::vector<LifecycleHook> hooks;
  for (std::string_view name : kEventNames) {
    const Field* list = events.find(name);
    if (list == nullptr) continue;
    const Event event = *parse_event(name);
    for (const YAML::Node& item : read_list(doc, *list)) {
      hooks.push_back(read_entry(doc, item, event, base_dir));
    }
  }
  return hooks;
}

}  // namespace pum::config::detail
