#include "pum/ops/dump_restore.hpp"

#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pum/db/connection.hpp"
#include "pum/ops/pg_program.hpp"
#include "pum/ops/tool_connection.hpp"
#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"

namespace pum::ops {

namespace {

// The server's major version (opening the connection also checks -p before any program runs).
int server_major(const run::Global& global) {
  db::Connection conn = db::Connection::open(global.pg_connection);
  return conn.server_version() / 10000;
}

// A file name is the last argument of pg_restore: one starting with '-' would be an option.
std::string as_argument(const std::string& file) {
  return !file.empty() && file[0] == '-' ? "./" + file : file;
}

ProgramRun with_connection(std::vector<std::string> argv, const run::Global& global) {
  ToolConnection connection = tool_connection(global.pg_connection);
  if (!connection.conninfo.empty()) argv.push_back("--dbname=" + connection.conninfo);
  ProgramRun run{std::move(argv), {}};
  if (connection.password) run.env.emplace_back("PGPASSWORD", *connection.password);
  if (log::enabled(log::Level::debug)) {
    std::string line;
    for (const auto& arg : run.argv) line += (line.empty() ? "" : " ") + arg;
    log::debug("Running {}{}", line, connection.password ? " (password passed in PGPASSWORD)" : "");
  }
  return run;
}

// The program's standard error, line by line: warnings stay visible, the rest only with -v.
void log_stderr(const std::string& text) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("warning:") != std::string::npos) {
      log::warning("{}", line);
    } else if (!line.empty()) {
      log::debug("{}", line);
    }
  }
}

// The program's standard error without its blank lines (pg_restore writes two after each
// failing command).
std::string without_blank_lines(const std::string& text) {
  std::string out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (trimmed(line).empty()) continue;
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

Error program_failed(const std::string& name, const ProgramResult& result) {
  std::string text = without_blank_lines(result.stderr_text);
  return Error(
      fmt::format("{} failed ({}){}{}", name, result.status(), text.empty() ? "" : ":\n", text));
}

}  // namespace

FileFormat detect_format(const std::string& file) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) return FileFormat::archive;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw Error(fmt::format("cannot read file: {}", file))
        .hint("check that the file exists and is readable");
  }
  std::array<char, 262> head{};
  in.read(head.data(), head.size());
  auto n = static_cast<std::size_t>(in.gcount());
  std::string_view bytes(head.data(), n);
  if (bytes.substr(0, 5) == "PGDMP") return FileFormat::archive;
  if (n >= 262 && bytes.substr(257, 5) == "ustar") return FileFormat::archive;
  return FileFormat::plain_sql;
}

void dump(const run::Global& global, const DumpOptions& options) {
  int major = server_major(global);
  std::string program =
      options.program ? given_program(*options.program) : find_pg_program("pg_dump", major);
  std::vector<std::string> argv{
      program,
      options.format == DumpFormat::custom ? "--format=custom" : "--format=plain",
      "--no-password",
      "--no-owner",
      "--no-privileges",
      "--file=" + options.file,
  };
  for (const auto& schema : options.exclude_schemas) argv.push_back("--exclude-schema=" + schema);
  ProgramResult result = run_program(with_connection(std::move(argv), global));
  if (!result.ok()) throw program_failed("pg_dump", result);
  log_stderr(result.stderr_text);
  log::info("Database dumped to {}", options.file);
}

void restore(const run::Global& global, const RestoreOptions& options) {
  FileFormat format = detect_format(options.file);
  if (format == FileFormat::plain_sql && !options.exclude_schemas.empty()) {
    throw Error(fmt::format("{} is a plain SQL dump: -N/--exclude-schema cannot be applied to it",
                            options.file))
        .hint("only archives can leave schemas out: dump with 'pum dump -f custom'");
  }
  int major = server_major(global);
  std::string name = format == FileFormat::archive ? "pg_restore" : "psql";
  std::vector<std::string> argv{format == FileFormat::archive && options.program
                                    ? given_program(*options.program)
                                    : find_pg_program(name, major)};
  if (format == FileFormat::archive) {
    log::info("Restoring archive {} with pg_restore...", options.file);
    argv.insert(argv.end(), {"--no-password", "--no-owner"});
    for (const auto& schema : options.exclude_schemas) {
      argv.push_back("--exclude-schema=" + schema);
    }
    argv.push_back(as_argument(options.file));
  } else {
    log::info("Restoring plain SQL dump {} with psql...", options.file);
    argv.insert(argv.end(),
                {"--no-psqlrc", "--quiet", "--no-password",
                 options.ignore_errors ? "--set=ON_ERROR_STOP=0" : "--set=ON_ERROR_STOP=1",
                 "--file=" + options.file});
  }
  ProgramResult result = run_program(with_connection(std::move(argv), global));
  // psql without ON_ERROR_STOP goes on after an error and exits 0: its errors are in stderr.
  bool psql_errors =
      format == FileFormat::plain_sql && result.stderr_text.find(": ERROR:  ") != std::string::npos;
  if (result.ok() && !psql_errors) {
    log_stderr(result.stderr_text);
    log::info("Database restored from {}", options.file);
    return;
  }
  if (!options.ignore_errors) {
    throw program_failed(name, result)
        .hint(format == FileFormat::archive
                  ? "pg_restore goes on after an error and fails at the end; restore into an "
                    "empty database, or pass -x to only warn about the errors"
                  : "psql stopped at the first error; pass -x to go on past errors with "
                    "warnings");
  }
  log::warning("{} reported errors ({}), ignored because of -x:", name, result.status());
  std::istringstream lines(without_blank_lines(result.stderr_text));
  for (std::string line; std::getline(lines, line);) log::warning("{}", line);
  log::info("Database restored from {} (with errors)", options.file);
}

}  // namespace pum::ops
