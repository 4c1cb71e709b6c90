#pragma once
// pum's own SQL lexer, the same job psql's psqlscan.l does: cut a script file into tokens so that
// the splitter knows where statements end and the placeholder renderer knows what is a comment.
//
// Why not libpg_query's scanner: we need byte positions in the raw file *including* pum's `{name}`
// placeholders (which are not SQL and would make the server's grammar fail), comments as tokens
// (placeholders inside comments are left alone), and psql-like statement splitting including
// BEGIN ATOMIC bodies, which the server scanner alone does not give us.
//
// It follows PostgreSQL's quoting rules with standard_conforming_strings on:
//   '..' ('' doubles a quote; backslash is an ordinary character), E'..' (backslash escapes the
//   next character, so E'\'' is one string), U&'..' / U&".." (UESCAPE is just following tokens),
//   B'..', X'..', N'..', $tag$..$tag$ (tag empty or identifier-like; $1 is a parameter; a $ inside
//   an identifier such as foo$bar is part of it; other tags inside a body are body text),
//   ".." identifiers ("" doubles), -- comments, nesting /* */ comments.
// Bytes >= 0x80 are identifier characters, as in PostgreSQL.
#include <string_view>
#include <vector>

#include "pum/sql/token.hpp"
#include "pum/util/source_text.hpp"

namespace pum::sql {

// Cuts text into tokens. `text` is where.text() or a view into it; token offsets are relative to
// `text`, error locations are computed in `where`.
// Throws pum::Error located at the opening quote (or its prefix letter) / comment for an
// unterminated string, dollar-quoted body ("unterminated dollar-quoted string $tag$"), quoted
// identifier or block comment, with a hint.
std::vector<Token> tokenize(std::string_view text, const SourceText& where);

}  // namespace pum::sql
