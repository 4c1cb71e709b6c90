#include "pum/sql/copy_stream.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pum/util/error.hpp"
#include "temp_file.hpp"

namespace pum::sql {
namespace {

TEST(CheckPiece, CompleteStatements) {
  EXPECT_TRUE(check_piece("").complete);
  EXPECT_TRUE(check_piece("-- only a comment\n").complete);
  EXPECT_TRUE(check_piece("SELECT 1;\n").complete);
  EXPECT_TRUE(check_piece("SELECT 1; -- done\n").complete);
  EXPECT_TRUE(check_piece("SELECT 'a;b', $$ ; $$, \"x;\"; /* ; */\n").complete);
  EXPECT_TRUE(check_piece("SELECT E'\\';';\n").complete);
}

TEST(CheckPiece, OpenStatements) {
  EXPECT_FALSE(check_piece("SELECT 1\n").complete);
  EXPECT_FALSE(check_piece("SELECT 'a;\n").complete);
  EXPECT_FALSE(check_piece("SELECT $body$ ;\n").complete);
  EXPECT_FALSE(check_piece("/* ;\n").complete);
  EXPECT_FALSE(check_piece("SELECT (1;\n").complete);
  EXPECT_FALSE(check_piece("SELECT 1; SELECT 2\n").complete);
  EXPECT_FALSE(check_piece("CREATE FUNCTION f() RETURNS int LANGUAGE sql\n"
                           "BEGIN ATOMIC\n  SELECT 1;\n")
                   .complete);
  EXPECT_TRUE(check_piece("CREATE FUNCTION f() RETURNS int LANGUAGE sql\n"
                          "BEGIN ATOMIC\n  SELECT 1;\nEND;\n")
                  .complete);
}

TEST(CheckPiece, CopyFromStdin) {
  EXPECT_TRUE(check_piece("COPY public.t (a, b) FROM stdin;\n").ends_with_copy_from_stdin);
  EXPECT_TRUE(check_piece("copy t from STDIN with (format csv);\n").ends_with_copy_from_stdin);
  EXPECT_TRUE(check_piece("SELECT 1;\nCOPY t FROM\n  stdin\n;\n").ends_with_copy_from_stdin);
  EXPECT_FALSE(check_piece("COPY (SELECT * FROM stdin) TO stdout;\n").ends_with_copy_from_stdin);
  EXPECT_FALSE(check_piece("COPY t FROM '/tmp/stdin';\n").ends_with_copy_from_stdin);
  EXPECT_FALSE(check_piece("SELECT 'COPY t FROM stdin';\n").ends_with_copy_from_stdin);
  PieceCheck misplaced = check_piece("SELECT 1;\nCOPY t FROM stdin; SELECT 2;\n");
  EXPECT_TRUE(misplaced.complete);
  EXPECT_FALSE(misplaced.ends_with_copy_from_stdin);
  ASSERT_TRUE(misplaced.misplaced_copy);
  EXPECT_EQ(*misplaced.misplaced_copy, 10U);
}

struct Read {
  std::vector<ScriptPiece> pieces;
  std::vector<CopyBlock> blocks;
  std::vector<std::string> data;
};

Read read_all(const std::filesystem::path& file, std::size_t chunk = 1 << 20,
              std::size_t block = 1 << 16) {
  CopyStream stream(file, "demo.sql", chunk);
  Read read;
  while (auto piece = stream.next()) {
    read.pieces.push_back(*piece);
    if (!piece->copy_data_follows) continue;
    std::string data;
    read.blocks.push_back(stream.copy_data(
        [&](std::string_view d) {
          data += d;
          return true;
        },
        block));
    read.data.push_back(data);
  }
  return read;
}

TEST(CopyStream, SqlCopyDataAndMetaCommands) {
  test::TempDir dir;
  auto file = dir.write("demo.sql",
                        "\\restrict KEY\n"
                        "SET x = 1;\n"
                        "COPY t (a, b) FROM stdin;\n"
                        "1\tSELECT 'x;\n"
                        "\\N\t{a}\n"
                        "\\.\n"
                        "INSERT INTO t VALUES (3);\n"
                        "\\unrestrict KEY\n");
  Read read = read_all(file);
  ASSERT_EQ(read.pieces.size(), 4U);
  EXPECT_EQ(read.pieces[0].kind, ScriptPiece::Kind::meta_command);
  EXPECT_EQ(read.pieces[0].text, "\\restrict KEY");
  EXPECT_EQ(read.pieces[0].first_line, 1);
  EXPECT_EQ(read.pieces[1].kind, ScriptPiece::Kind::sql);
  EXPECT_EQ(read.pieces[1].first_line, 2);
  EXPECT_EQ(read.pieces[1].text, "SET x = 1;\nCOPY t (a, b) FROM stdin;\n");
  EXPECT_TRUE(read.pieces[1].copy_data_follows);
  ASSERT_EQ(read.blocks.size(), 1U);
  EXPECT_EQ(read.blocks[0].first_line, 4);
  EXPECT_EQ(read.blocks[0].lines, 2U);
  EXPECT_TRUE(read.blocks[0].terminated);
  EXPECT_EQ(read.data[0], "1\tSELECT 'x;\n\\N\t{a}\n");
  EXPECT_EQ(read.pieces[2].first_line, 7);
  EXPECT_EQ(read.pieces[2].text, "INSERT INTO t VALUES (3);\n");
  EXPECT_FALSE(read.pieces[2].copy_data_follows);
  EXPECT_EQ(read.pieces[3].kind, ScriptPiece::Kind::meta_command);
  EXPECT_EQ(read.pieces[3].first_line, 8);
}

TEST(CopyStream, CopyDataToTheEndOfTheFile) {
  test::TempDir dir;
  auto file = dir.write("demo.sql", "COPY t FROM stdin;\r\n1\r\n2");
  Read read = read_all(file);
  ASSERT_EQ(read.blocks.size(), 1U);
  EXPECT_FALSE(read.blocks[0].terminated);
  EXPECT_EQ(read.blocks[0].lines, 2U);
  EXPECT_EQ(read.data[0], "1\r\n2");
}

TEST(CopyStream, CrLfEndOfData) {
  test::TempDir dir;
  auto file = dir.write("demo.sql",
                        "\xEF\xBB\xBF"
                        "COPY t FROM stdin;\r\n1\r\n\\.\r\nSELECT 1;\r\n");
  Read read = read_all(file);
  ASSERT_EQ(read.pieces.size(), 2U);
  ASSERT_EQ(read.blocks.size(), 1U);
  EXPECT_TRUE(read.blocks[0].terminated);
  EXPECT_EQ(read.data[0], "1\r\n");
  EXPECT_EQ(read.pieces[1].first_line, 4);
}

TEST(CopyStream, BackslashLinesInsideAStringAreSql) {
  test::TempDir dir;
  auto file = dir.write("demo.sql", "SELECT E'a\n\\echo not a command\n';\n\\echo yes\n");
  Read read = read_all(file);
  ASSERT_EQ(read.pieces.size(), 2U);
  EXPECT_EQ(read.pieces[0].text, "SELECT E'a\n\\echo not a command\n';\n");
  EXPECT_EQ(read.pieces[1].kind, ScriptPiece::Kind::meta_command);
  EXPECT_EQ(read.pieces[1].first_line, 4);
}

TEST(CopyStream, MisplacedCopyIsLocated) {
  test::TempDir dir;
  auto file = dir.write("demo.sql", "SELECT 1;\n\nSELECT 2; COPY t FROM stdin; SELECT 3;\n");
  CopyStream stream(file, "demo.sql");
  try {
    stream.next();
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.what(),
              "demo.sql:3:11: COPY ... FROM STDIN must be the last statement of its line");
  }
}

TEST(CopyStream, DataBlocksAreBounded) {
  test::TempDir dir;
  std::string content = "COPY t FROM stdin;\n";
  for (int i = 0; i < 1000; ++i) content += std::to_string(i) + "\tsome text of the row\n";
  content += "\\.\n";
  auto file = dir.write("demo.sql", content);
  CopyStream stream(file, "demo.sql");
  ASSERT_TRUE(stream.next());
  std::size_t calls = 0;
  std::size_t largest = 0;
  CopyBlock block = stream.copy_data(
      [&](std::string_view d) {
        ++calls;
        largest = std::max(largest, d.size());
        EXPECT_EQ(d.back(), '\n');  // whole lines
        return true;
      },
      1024);
  EXPECT_EQ(block.lines, 1000U);
  EXPECT_GT(calls, 10U);
  EXPECT_LT(largest, 1100U);
  EXPECT_FALSE(stream.next());
}

TEST(CopyStream, SinkCanStopTheCopy) {
  test::TempDir dir;
  auto file = dir.write("demo.sql", "COPY t FROM stdin;\n1\n2\n\\.\n");
  CopyStream stream(file, "demo.sql");
  ASSERT_TRUE(stream.next());
  stream.copy_data([](std::string_view) { return false; }, 1);
  EXPECT_THROW(stream.next(), std::logic_error);
}

// The code of each statement (comments before it left out: a comment after the last statement
// of a piece stays in that piece instead of going with the next statement).
std::vector<std::string> code_of_statements(const Script& script) {
  std::vector<std::string> out;
  for (const auto& s : script.statements) {
    if (!s.has_code) continue;
    std::size_t first = next_code_token(script, s.first_token, s.last_token);
    out.emplace_back(std::string_view(script.source.text())
                         .substr(script.tokens[first].begin, s.end - script.tokens[first].begin));
  }
  return out;
}

// However small the pieces, they split into the statements the whole file splits into.
TEST(CopyStream, PiecesSplitLikeTheWholeFile) {
  std::string content;
  for (int i = 0; i < 40; ++i) {
    content += "INSERT INTO t VALUES (" + std::to_string(i) + ", 'a;b', $x$ ; $x$);\n";
    content += "SELECT 'multi\nline ; string';  -- comment ;\n";
    content += "CREATE FUNCTION f" + std::to_string(i) +
               "() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND;\n";
    content +=
        "/* block ;\n comment */ CREATE RULE r AS ON INSERT TO t DO (\n  SELECT 1;\n"
        "  SELECT 2\n);\n";  // ';' inside parentheses
  }
  test::TempDir dir;
  auto file = dir.write("demo.sql", content);
  std::vector<std::string> expected =
      code_of_statements(parse_script(SourceText("demo.sql", content)));
  ASSERT_EQ(expected.size(), 160U);

  for (std::size_t chunk : {std::size_t{1}, std::size_t{50}, std::size_t{500}}) {
    Read read = read_all(file, chunk);
    std::vector<std::string> got;
    std::string joined;
    for (const auto& piece : read.pieces) {
      joined += piece.text;
      for (auto& code : code_of_statements(parse_script(SourceText("demo.sql", piece.text)))) {
        got.push_back(std::move(code));
      }
    }
    EXPECT_EQ(joined, content) << "chunk " << chunk;
    EXPECT_EQ(got, expected) << "chunk " << chunk;
    if (chunk == 50) {
      EXPECT_GT(read.pieces.size(), 40U);
    }
  }
}

}  // namespace
}  // namespace pum::sql
