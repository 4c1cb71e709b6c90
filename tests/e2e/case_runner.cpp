#include "case_runner.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "diff.hpp"
#include "files.hpp"
#include "pg.hpp"
#include "process.hpp"

namespace e2e {

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------------------------
// Case state

struct Context {
  std::string pum_binary;
  std::string case_dir;  // {case}
  std::string tmp;       // {tmp}
  std::string project;   // {project}
  std::string scratch;   // process stdin/stdout/stderr files
  std::string db;
  std::string db2;  // empty when the case has no second database
  std::map<std::string, std::string> snapshots;
};

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  std::size_t pos = 0;
  while ((pos = text.find(from, pos)) != std::string::npos) {
    text.replace(pos, from.size(), to);
    pos += to.size();
  }
  return text;
}

// Replaces the harness placeholders only; every other brace (pum's {param}, {{ }}) is kept.
std::string expand(const Context& ctx, std::string text) {
  text = replace_all(std::move(text), "{conn2}", conninfo_for(ctx.db2));
  text = replace_all(std::move(text), "{conn}", conninfo_for(ctx.db));
  text = replace_all(std::move(text), "{db2}", ctx.db2);
  text = replace_all(std::move(text), "{db}", ctx.db);
  text = replace_all(std::move(text), "{project}", ctx.project);
  text = replace_all(std::move(text), "{case}", ctx.case_dir);
  text = replace_all(std::move(text), "{tmp}", ctx.tmp);
  const char* pghost = std::getenv("PGHOST");
  const char* pgport = std::getenv("PGPORT");
  text = replace_all(std::move(text), "{pghost}", pghost != nullptr ? pghost : "");
  text = replace_all(std::move(text), "{pgport}", pgport != nullptr ? pgport : "");
  return text;
}

// ---------------------------------------------------------------------------------------------
// YAML helpers

[[noreturn]] void bad_case(const std::string& what) { throw CaseFailure("invalid case: " + what); }

std::string scalar(const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar()) bad_case("`" + key + "` must be a string");
  return node.as<std::string>();
}

// A string or a list of strings.
std::vector<std::string> string_list(const YAML::Node& node, const std::string& key) {
  std::vector<std::string> out;
  if (!node || node.IsNull()) return out;
  if (node.IsScalar()) {
    out.push_back(node.as<std::string>());
    return out;
  }
  if (!node.IsSequence()) bad_case("`" + key + "` must be a string or a list of strings");
  for (const auto& item : node) out.push_back(scalar(item, key));
  return out;
}

std::set<std::string> keys_of(const YAML::Node& map) {
  std::set<std::string> keys;
  for (const auto& kv : map) keys.insert(kv.first.as<std::string>());
  return keys;
}

void check_keys(const YAML::Node& map, const std::set<std::string>& allowed,
                const std::string& where) {
  for (const std::string& key : keys_of(map)) {
    if (allowed.count(key) == 0) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      bad_case(where + ": unknown key `" + key + "` (allowed: " + list + ")");
    }
  }
}

std::string indent(const std::string& text) {
  if (text.empty()) return "    (empty)\n";
  std::string out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out += "    " + line + "\n";
  return out;
}

// ---------------------------------------------------------------------------------------------
// Steps

const std::set<std::string> kKinds = {"args",      "pum",        "sql",    "sql_exec", "snapshot",
                                      "unchanged", "write_file", "remove", "mkdir",    "symlink"};

const std::set<std::string> kProcessKeys = {"name",
                                            "args",
                                            "pum",
                                            "exit",
                                            "stdin",
                                            "env",
                                            "cwd",
                                            "timeout",
                                            "stdout",
                                            "stdout_contains",
                                            "stdout_not_contains",
                                            "stdout_matches",
                                            "stderr",
                                            "stderr_contains",
                                            "stderr_not_contains",
                                            "stderr_matches",
                                            "stderr_first_error"};

std::string describe_argv(const std::vector<std::string>& argv) {
  std::string out;
  for (const auto& a : argv) {
    const bool plain = !a.empty() && a.find_first_of(" \t\n'\"\\$") == std::string::npos;
    if (!out.empty()) out += ' ';
    if (plain) {
      out += a;
    } else {
      out.append(1, '\'').append(replace_all(a, "'", "'\\''")).append(1, '\'');
    }
  }
  return out;
}

// A regular expression; a leading "(?i)" makes it case-insensitive.
bool regex_search_text(const std::string& text, std::string pattern) {
  auto flags = std::regex::ECMAScript;
  if (pattern.rfind("(?i)", 0) == 0) {
    pattern = pattern.substr(4);
    flags |= std::regex::icase;
  }
  try {
    return std::regex_search(text, std::regex(pattern, flags));
  } catch (const std::regex_error& e) {
    bad_case("invalid regular expression `" + pattern + "`: " + e.what());
  }
}

void check_stream(const Context& ctx, const YAML::Node& step, const std::string& stream,
                  const std::string& text, std::vector<std::string>& problems) {
  if (step[stream]) {
    const std::string expected = expand(ctx, scalar(step[stream], stream));
    if (text != expected) {
      problems.push_back(stream + " differs from the expected text (- expected, + actual):\n" +
                         indent(line_diff(expected, text)));
    }
  }
  for (const auto& s : string_list(step[stream + "_contains"], stream + "_contains")) {
    const std::string needle = expand(ctx, s);
    if (text.find(needle) == std::string::npos) {
      problems.push_back(stream + " does not contain: " + needle);
    }
  }
  for (const auto& s : string_list(step[stream + "_not_contains"], stream + "_not_contains")) {
    const std::string needle = expand(ctx, s);
    if (text.find(needle) != std::string::npos) {
      problems.push_back(stream + " contains (it must not): " + needle);
    }
  }
  for (const auto& s : string_list(step[stream + "_matches"], stream + "_matches")) {
    const std::string pattern = expand(ctx, s);
    if (!regex_search_text(text, pattern)) {
      problems.push_back(stream + " does not match the regular expression: " + pattern);
    }
  }
}

// The first line of stderr that starts with "ERROR: " (pum's errors) or "pum: error: " (usage
// errors), without its line end; nullopt when there is none.
std::optional<std::string> first_error_line(const std::string& text) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("ERROR: ", 0) == 0 || line.rfind("pum: error: ", 0) == 0) return line;
  }
  return std::nullopt;
}

void check_first_error(const Context& ctx, const YAML::Node& step, const std::string& text,
                       std::vector<std::string>& problems) {
  if (!step["stderr_first_error"]) return;
  const std::string expected =
      expand(ctx, scalar(step["stderr_first_error"], "stderr_first_error"));
  const std::optional<std::string> actual = first_error_line(text);
  if (!actual) {
    problems.push_back(
        "stderr has no line starting with \"ERROR: \" or \"pum: error: \"; expected:\n    " +
        expected);
  } else if (*actual != expected) {
    problems.push_back("the first error line differs:\n    expected: " + expected +
                       "\n    actual:   " + *actual);
  }
}

void run_process_step(Context& ctx, const YAML::Node& step, const std::string& label) {
  ProcessOptions options;
  options.argv.push_back(ctx.pum_binary);
  if (step["args"]) {
    options.argv.insert(options.argv.end(), {"-p", conninfo_for(ctx.db), "-d", ctx.project});
    for (const auto& a : step["args"]) options.argv.push_back(expand(ctx, scalar(a, "args")));
  } else {
    for (const auto& a : step["pum"]) options.argv.push_back(expand(ctx, scalar(a, "pum")));
  }
  if (step["stdin"]) options.stdin_text = expand(ctx, scalar(step["stdin"], "stdin"));
  options.env["NO_COLOR"] = "1";
  if (const YAML::Node env = step["env"]) {
    for (const auto& kv : env) {
      const std::string name = kv.first.as<std::string>();
      if (kv.second.IsNull()) {
        options.env[name] = std::nullopt;
      } else {
        options.env[name] = expand(ctx, scalar(kv.second, "env"));
      }
    }
  }
  if (step["cwd"]) options.cwd = expand(ctx, scalar(step["cwd"], "cwd"));
  if (step["timeout"]) options.timeout = std::chrono::seconds(step["timeout"].as<int>());
  const int expected_exit = step["exit"] ? step["exit"].as<int>() : 0;

  const ProcessResult result = run_process(options, ctx.scratch);

  if (std::getenv("PUM_E2E_VERBOSE") != nullptr) {
    std::cerr << "--- " << label << "\n$ " << describe_argv(options.argv) << "\n"
              << result.status() << "\nstdout:\n"
              << indent(result.stdout_text) << "stderr:\n"
              << indent(result.stderr_text);
  }
  std::vector<std::string> problems;
  if (result.timed_out || result.signal != 0 || result.exit_code != expected_exit) {
    problems.push_back("expected exit " + std::to_string(expected_exit) + ", got " +
                       result.status());
  }
  check_stream(ctx, step, "stdout", result.stdout_text, problems);
  check_stream(ctx, step, "stderr", result.stderr_text, problems);
  check_first_error(ctx, step, result.stderr_text, problems);
  if (!problems.empty()) {
    std::string message = label + " failed\n  command: " + describe_argv(options.argv) + "\n";
    if (!options.stdin_text.empty()) message += "  stdin:\n" + indent(options.stdin_text);
    for (const auto& p : problems) message += "  - " + p + "\n";
    message += "  exit status: " + result.status() + "\n";
    message += "  stdout:\n" + indent(result.stdout_text);
    message += "  stderr:\n" + indent(result.stderr_text);
    throw CaseFailure(message);
  }
}

std::string step_database(const Context& ctx, const YAML::Node& step) {
  if (!step["db"]) return ctx.db;
  return expand(ctx, scalar(step["db"], "db"));
}

Rows expected_rows(const YAML::Node& node, const std::string& label) {
  if (!node.IsSequence()) bad_case(label + ": `rows` must be a list of lists");
  Rows rows;
  for (const auto& r : node) {
    if (!r.IsSequence()) bad_case(label + ": each entry of `rows` must be a list");
    Row row;
    for (const auto& c : r) {
      if (c.IsNull()) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(scalar(c, "rows"));
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void run_sql_step(Context& ctx, const YAML::Node& step, const std::string& label) {
  const std::string sql = expand(ctx, scalar(step["sql"], "sql"));
  Db db(conninfo_for(step_database(ctx, step)));
  std::optional<SqlError> error;
  const Rows rows = db.query(sql, &error);
  if (step["error_contains"]) {
    const std::string needle = expand(ctx, scalar(step["error_contains"], "error_contains"));
    if (!error) {
      throw CaseFailure(label + " failed\n  sql: " + sql + "\n  expected an error containing: " +
                        needle + "\n  but it succeeded with:\n" + indent(format_rows(rows)));
    }
    const std::string text = error->sqlstate + ": " + error->message;
    if (text.find(needle) == std::string::npos) {
      throw CaseFailure(label + " failed\n  sql: " + sql +
                        "\n  expected an error containing: " + needle + "\n  got: " + text + "\n");
    }
    return;
  }
  if (error) {
    throw CaseFailure(label + " failed\n  sql: " + sql + "\n  error: " + error->sqlstate + ": " +
                      error->message + "\n");
  }
  if (step["rows"]) {
    const Rows expected = expected_rows(step["rows"], label);
    if (rows != expected) {
      throw CaseFailure(label + " failed\n  sql: " + sql +
                        "\n  rows differ (- expected, + actual):\n" +
                        indent(line_diff(format_rows(expected), format_rows(rows))));
    }
  }
}

void run_sql_exec_step(Context& ctx, const YAML::Node& step, const std::string& label) {
  const std::string sql = expand(ctx, scalar(step["sql_exec"], "sql_exec"));
  Db db(conninfo_for(step_database(ctx, step)));
  std::optional<SqlError> error;
  db.query(sql, &error);
  if (error) {
    throw CaseFailure(label + " failed\n  sql: " + sql + "\n  error: " + error->sqlstate + ": " +
                      error->message + "\n");
  }
}

void run_snapshot_step(Context& ctx, const YAML::Node& step) {
  const std::string name = scalar(step["snapshot"], "snapshot");
  ctx.snapshots[name] = snapshot_database(step_database(ctx, step), ctx.scratch);
}

void run_unchanged_step(Context& ctx, const YAML::Node& step, const std::string& label) {
  const std::string name = scalar(step["unchanged"], "unchanged");
  auto it = ctx.snapshots.find(name);
  if (it == ctx.snapshots.end()) bad_case(label + ": no snapshot named `" + name + "` was taken");
  const std::string now = snapshot_database(step_database(ctx, step), ctx.scratch);
  if (now != it->second) {
    throw CaseFailure(label + " failed: the database differs from snapshot `" + name +
                      "` (- snapshot, + now):\n" + indent(line_diff(it->second, now)));
  }
}

// `repeat: N` writes the content N times (huge files without huge fixtures); `append: true` adds
// to the end of an existing file instead of replacing it.
void run_write_file_step(Context& ctx, const YAML::Node& step) {
  const YAML::Node spec = step["write_file"];
  const std::string path = expand(ctx, scalar(spec["path"], "path"));
  const std::string piece = expand(ctx, scalar(spec["content"], "content"));
  const int repeat = spec["repeat"] ? spec["repeat"].as<int>() : 1;
  std::string content = spec["append"] && spec["append"].as<bool>() && path_exists(path)
                            ? read_text_file(path)
                            : std::string();
  content.reserve(content.size() + piece.size() * static_cast<std::size_t>(repeat));
  for (int i = 0; i < repeat; ++i) content += piece;
  write_text_file(path, content);
}

// A symbolic link at `path` pointing to `target` (which need not exist: dangling links are
// valid bad input), replacing what was there.
void run_symlink_step(Context& ctx, const YAML::Node& step, const std::string& label) {
  const YAML::Node spec = step["symlink"];
  const fs::path path = expand(ctx, scalar(spec["path"], "path"));
  const fs::path target = expand(ctx, scalar(spec["target"], "target"));
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fs::remove_all(path, ec);
  fs::create_symlink(target, path, ec);
  if (ec) {
    throw CaseFailure(label + " failed: cannot create the link " + path.string() + ": " +
                      ec.message());
  }
}

void run_remove_step(Context& ctx, const YAML::Node& step, const std::string& label) {
  const std::string path = expand(ctx, scalar(step["remove"], "remove"));
  if (!path_exists(path)) throw CaseFailure(label + " failed: " + path + " does not exist");
  remove_all(path);
}

void run_mkdir_step(Context& ctx, const YAML::Node& step, const std::string& label) {
  std::error_code ec;
  const std::string path = expand(ctx, scalar(step["mkdir"], "mkdir"));
  fs::create_directories(path, ec);
  if (ec) throw CaseFailure(label + " failed: cannot create " + path + ": " + ec.message());
}

std::string step_label(const YAML::Node& step, std::size_t index, const std::string& kind) {
  std::string label = "step " + std::to_string(index + 1) + " (" + kind;
  if (kind == "args" || kind == "pum") {
    std::string words;
    for (const auto& a : step[kind]) words += " " + (a.IsScalar() ? a.as<std::string>() : "?");
    label += ":" + words;
  } else if (step[kind].IsScalar()) {
    std::string text = step[kind].as<std::string>();
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    label += ": " + text;
  }
  label += ")";
  if (step["name"]) label += " [" + step["name"].as<std::string>() + "]";
  return label;
}

// The one kind key of a step (args, pum, sql, ...).
std::string step_kind(const YAML::Node& step, std::size_t index) {
  const std::string where = "step " + std::to_string(index + 1);
  if (!step.IsMap()) bad_case(where + " must be a map");
  std::vector<std::string> kinds;
  for (const std::string& key : keys_of(step)) {
    if (kKinds.count(key) != 0) kinds.push_back(key);
  }
  if (kinds.size() != 1) {
    bad_case(where +
             " must have exactly one of args, pum, sql, sql_exec, snapshot, unchanged, "
             "write_file, remove, mkdir, symlink");
  }
  return kinds[0];
}

// Checks a step's keys and value shapes, so a typo fails the case instead of being ignored.
void check_step(const YAML::Node& step, std::size_t index) {
  const std::string kind = step_kind(step, index);
  const std::string where = "step " + std::to_string(index + 1) + " (" + kind + ")";
  if (kind == "args" || kind == "pum") {
    check_keys(step, kProcessKeys, where);
    if (!step[kind].IsSequence()) bad_case(where + ": `" + kind + "` must be a list");
    for (const auto& a : step[kind]) scalar(a, kind);
    for (const char* key : {"stdout_contains", "stdout_not_contains", "stdout_matches",
                            "stderr_contains", "stderr_not_contains", "stderr_matches"}) {
      string_list(step[key], key);
    }
    for (const char* key : {"stdout", "stderr", "stdin", "cwd", "stderr_first_error"}) {
      if (step[key]) scalar(step[key], key);
    }
    if (step["env"] && !step["env"].IsMap()) bad_case(where + ": `env` must be a map");
    if (step["exit"]) step["exit"].as<int>();
    if (step["timeout"]) step["timeout"].as<int>();
  } else if (kind == "sql") {
    check_keys(step, {"name", "sql", "rows", "error_contains", "db"}, where);
    if (step["rows"] && step["error_contains"]) {
      bad_case(where + ": `rows` and `error_contains` exclude each other");
    }
    if (step["rows"]) expected_rows(step["rows"], where);
  } else if (kind == "write_file") {
    check_keys(step, {"name", "write_file"}, where);
    const YAML::Node spec = step["write_file"];
    if (!spec.IsMap()) bad_case(where + ": `write_file` must be a map with path and content");
    check_keys(spec, {"path", "content", "repeat", "append"}, where + " write_file");
    if (!spec["path"] || !spec["content"]) bad_case(where + ": write_file needs path and content");
    if (spec["repeat"] && spec["repeat"].as<int>() < 1) bad_case(where + ": `repeat` must be >= 1");
    if (spec["append"]) spec["append"].as<bool>();
  } else if (kind == "symlink") {
    check_keys(step, {"name", "symlink"}, where);
    const YAML::Node spec = step["symlink"];
    if (!spec.IsMap() || !spec["path"] || !spec["target"]) {
      bad_case(where + ": `symlink` must be a map with path and target");
    }
    check_keys(spec, {"path", "target"}, where + " symlink");
    scalar(spec["path"], "path");
    scalar(spec["target"], "target");
  } else {
    check_keys(step, {"name", kind, "db"}, where);
    if ((kind == "remove" || kind == "mkdir") && step["db"]) {
      bad_case(where + ": `db` does not apply");
    }
    scalar(step[kind], kind);
  }
}

void run_step(Context& ctx, const YAML::Node& step, std::size_t index) {
  const std::string kind = step_kind(step, index);
  const std::string label = step_label(step, index, kind);
  if (kind == "args" || kind == "pum") {
    run_process_step(ctx, step, label);
  } else if (kind == "sql") {
    run_sql_step(ctx, step, label);
  } else if (kind == "sql_exec") {
    run_sql_exec_step(ctx, step, label);
  } else if (kind == "snapshot") {
    run_snapshot_step(ctx, step);
  } else if (kind == "unchanged") {
    run_unchanged_step(ctx, step, label);
  } else if (kind == "write_file") {
    run_write_file_step(ctx, step);
  } else if (kind == "remove") {
    run_remove_step(ctx, step, label);
  } else if (kind == "symlink") {
    run_symlink_step(ctx, step, label);
  } else {
    run_mkdir_step(ctx, step, label);
  }
}

// Loads case.yaml and checks its whole shape.
YAML::Node load_case(const std::string& case_dir) {
  const std::string yaml_path = case_dir + "/case.yaml";
  YAML::Node root;
  try {
    root = YAML::LoadFile(yaml_path);
  } catch (const YAML::Exception& e) {
    throw CaseFailure(yaml_path + ": " + e.what());
  }
  try {
    if (!root.IsMap()) bad_case("the document must be a map");
    check_keys(root, {"description", "project", "second_database", "known_bug", "steps"},
               "top level");
    if (root["known_bug"] && scalar(root["known_bug"], "known_bug").empty()) {
      bad_case("`known_bug` says which bug makes the case fail; remove it when there is none");
    }
    if (!root["description"] || scalar(root["description"], "description").empty()) {
      bad_case("`description` is required: one line saying what behaviour the case proves");
    }
    if (!root["steps"] || !root["steps"].IsSequence() || root["steps"].size() == 0) {
      bad_case("`steps` must be a non-empty list");
    }
    if (root["project"]) {
      const std::string project = case_dir + "/" + scalar(root["project"], "project");
      if (!fs::is_directory(project)) bad_case("`project` " + project + " is not a directory");
    }
    if (root["second_database"]) root["second_database"].as<bool>();
    std::set<std::string> snapshots;
    const YAML::Node steps = root["steps"];
    for (std::size_t i = 0; i < steps.size(); ++i) {
      check_step(steps[i], i);
      if (steps[i]["snapshot"]) snapshots.insert(steps[i]["snapshot"].as<std::string>());
      if (steps[i]["unchanged"] && snapshots.count(steps[i]["unchanged"].as<std::string>()) == 0) {
        bad_case("step " + std::to_string(i + 1) + ": no earlier snapshot named `" +
                 steps[i]["unchanged"].as<std::string>() + "`");
      }
    }
  } catch (const YAML::Exception& e) {
    throw CaseFailure(yaml_path + ": " + e.what());
  } catch (const CaseFailure& e) {
    throw CaseFailure(yaml_path + ": " + e.what());
  }
  return root;
}

// Where a failed case left its files and databases.
std::string kept_message(const Context& ctx, bool second_database) {
  std::string where = "\n(kept for inspection: directory " + ctx.tmp + ", database " + ctx.db;
  if (second_database) where += " and " + ctx.db2;
  return where + ")";
}

}  // namespace

std::vector<std::string> list_cases(const std::string& cases_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(cases_dir, ec)) {
    if (entry.is_directory() && fs::exists(entry.path() / "case.yaml")) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string pum_binary_path(const std::string& built_in) {
  const char* override_path = std::getenv("PUM_E2E_BINARY");
  return override_path != nullptr && *override_path != '\0' ? override_path : built_in;
}

void check_case(const std::string& cases_dir, const std::string& name) {
  load_case(fs::absolute(fs::path(cases_dir) / name).lexically_normal().string());
}

void run_case(const std::string& cases_dir, const std::string& name,
              const std::string& pum_binary) {
  const std::string case_dir = fs::absolute(fs::path(cases_dir) / name).lexically_normal().string();
  const YAML::Node root = load_case(case_dir);
  require_test_server();
  const std::string yaml_path = case_dir + "/case.yaml";
  const std::string project_name = root["project"] ? scalar(root["project"], "project") : "project";
  const std::string yaml_text = read_text_file(yaml_path);
  const bool second_database = root["second_database"]
                                   ? root["second_database"].as<bool>()
                                   : (yaml_text.find("{conn2}") != std::string::npos ||
                                      yaml_text.find("{db2}") != std::string::npos);

  Context ctx;
  ctx.pum_binary = pum_binary;
  ctx.case_dir = case_dir;
  ctx.tmp = make_temp_dir("pum-e2e-" + name);
  ctx.project = ctx.tmp + "/project";
  ctx.scratch = ctx.tmp + "/.scratch";
  fs::create_directories(ctx.scratch);
  const std::string project_source = case_dir + "/" + project_name;
  if (fs::is_directory(project_source)) {
    copy_tree(project_source, ctx.project);
  } else {
    fs::create_directories(ctx.project);
  }
  ctx.db = database_name("e2e_", name);
  if (second_database) ctx.db2 = database_name("e2e_", name.substr(0, 50) + "_2");
  recreate_database(ctx.db);
  if (second_database) recreate_database(ctx.db2);

  const bool keep = std::getenv("PUM_E2E_KEEP") != nullptr;
  const std::string known_bug = root["known_bug"] ? scalar(root["known_bug"], "known_bug") : "";
  try {
    const YAML::Node steps = root["steps"];
    for (std::size_t i = 0; i < steps.size(); ++i) run_step(ctx, steps[i], i);
  } catch (const CaseFailure& e) {
    // Only a failed expectation is the known bug; a broken environment (std::runtime_error:
    // the binary cannot start, the server is gone) fails the test as usual, below.
    if (!known_bug.empty()) {
      if (!keep) {
        drop_database(ctx.db);
        if (second_database) drop_database(ctx.db2);
        remove_all(ctx.tmp);
      }
      throw KnownBug("known bug: " + known_bug + "\n" + e.what());
    }
    throw CaseFailure(std::string(e.what()) + kept_message(ctx, second_database));
  } catch (const std::exception& e) {
    throw CaseFailure(std::string(e.what()) + kept_message(ctx, second_database));
  }
  if (!known_bug.empty()) {
    throw CaseFailure("the case passes although it is marked `known_bug: " + known_bug +
                      "`: the bug looks fixed; remove the known_bug line from " + yaml_path);
  }
  if (!keep) {
    drop_database(ctx.db);
    if (second_database) drop_database(ctx.db2);
    remove_all(ctx.tmp);
  }
}

}  // namespace e2e
