#include "pum/sql/render.hpp"

#include "pum/sql/placeholders.hpp"

namespace pum::sql {

namespace {

class Renderer final : public FieldVisitor {
 public:
  Renderer(const Script& script, const Parameters& params, std::size_t size_hint)
      : script_(script), text_(script.source.text()), params_(params) {
    out_.sql.reserve(size_hint + size_hint / 16);
  }

  void text(std::size_t from, std::size_t to) override {
    out_.map.add_copy(out_.sql.size(), from);
    out_.sql.append(text_, from, to - from);
  }

  void field(std::string_view name, std::size_t brace, std::size_t /*end*/) override {
    name_.assign(name);
    auto it = params_.find(name_);
    if (it == params_.end()) throw_unknown_parameter(script_, name, brace);
    out_.map.add_generated(out_.sql.size(), brace);
    out_.sql += render_literal(it->second);
  }

  Rendered finish(std::size_t source_end) {
    out_.map.finish(out_.sql.size(), source_end);
    return std::move(out_);
  }

 private:
  const Script& script_;
  const std::string& text_;
  const Parameters& params_;
  std::string name_;  // reused lookup key
  Rendered out_;
};

}  // namespace

Rendered render(const Script& script, const Statement& statement, const Parameters& params) {
  Renderer renderer(script, params, statement.end - statement.begin);
  scan_placeholders(script, statement.first_token, statement.last_token, renderer);
  return renderer.finish(statement.end);
}

Rendered render_whole(const Script& script, const Parameters& params) {
  const std::string& text = script.source.text();
  std::size_t first = 0;
  if (!script.tokens.empty() && script.tokens[0].kind == TokenKind::whitespace &&
      text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    first = 1;  // the lexer gives a byte order mark its own token
  }
  Renderer renderer(script, params, text.size());
  scan_placeholders(script, first, script.tokens.size(), renderer);
  return renderer.finish(text.size());
}

SourceLocation source_location(const Script& script, const Rendered& rendered,
                               std::size_t rendered_offset) {
  return script.source.location(rendered.map.to_source(rendered_offset));
}

}  // namespace pum::sql
