#include "pum/changelog/version.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

namespace pum {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z'); }
bool is_separator(char c) { return c == '.' || c == '-' || c == '_'; }
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Thrown inside the parser only; parse() turns it into the user-facing Error.
struct Failure {
  std::string reason;
};

// A cursor over the lower-cased, trimmed text.
class Parser {
 public:
  explicit Parser(std::string text) : s_(std::move(text)) {}

  [[nodiscard]] bool at_end() const { return pos_ == s_.size(); }
  [[nodiscard]] char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0';
  }
  [[nodiscard]] std::string_view rest() const { return std::string_view(s_).substr(pos_); }
  [[nodiscard]] std::size_t pos() const { return pos_; }
  void reset(std::size_t pos) { pos_ = pos; }
  void skip(std::size_t n = 1) { pos_ += n; }

  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  bool eat_separator() {
    if (!is_separator(peek())) return false;
    ++pos_;
    return true;
  }
  bool eat_word(std::string_view word) {
    if (rest().substr(0, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  // One or more digits (the caller checked there is one) as a number.
  std::uint64_t number() {
    const std::size_t start = pos_;
    std::uint64_t value = 0;
    bool overflow = false;
    while (is_digit(peek())) {
      const auto digit = static_cast<std::uint64_t>(peek() - '0');
      if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) overflow = true;
      value = value * 10 + digit;
      ++pos_;
    }
    if (overflow) {
      throw Failure{fmt::format("the number {} is too large", s_.substr(start, pos_ - start))};
    }
    return value;
  }
  // Optional separator then optional digits: the number after a pre/post/dev label, 0 if absent.
  std::uint64_t implicit_number() {
    eat_separator();
    return is_digit(peek()) ? number() : 0;
  }

 private:
  std::string s_;
  std::size_t pos_ = 0;
};

std::optional<Version::PreKind> eat_pre_label(Parser& p) {
  // Longest spellings first: "preview" before "pre", "alpha" before "a".
  static constexpr std::array<std::pair<std::string_view, Version::PreKind>, 8> labels{{
      {"alpha", Version::PreKind::a},
      {"a", Version::PreKind::a},
      {"beta", Version::PreKind::b},
      {"b", Version::PreKind::b},
      {"preview", Version::PreKind::rc},
      {"pre", Version::PreKind::rc},
      {"rc", Version::PreKind::rc},
      {"c", Version::PreKind::rc},
  }};
  for (const auto& [word, kind] : labels) {
    if (p.eat_word(word)) return kind;
  }
  return std::nullopt;
}

bool eat_post_label(Parser& p) {
  return p.eat_word("post") || p.eat_word("rev") || p.eat_word("r");
}

std::string strip_leading_zeros(std::string_view digits) {
  const auto first = digits.find_first_not_of('0');
  return first == std::string_view::npos ? std::string("0") : std::string(digits.substr(first));
}

bool is_number(const std::string& segment) {
  return !segment.empty() && std::all_of(segment.begin(), segment.end(), is_digit);
}

// Numbers of any length, without leading zeros: longer is larger, else compare the digits.
std::weak_ordering compare_numeric_strings(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() <=> b.size();
  return a.compare(b) <=> 0;
}

// PEP 440 local segments: a numeric segment sorts after an alphanumeric one; numbers compare
// numerically, words lexically; a shorter local version that is a prefix of a longer one sorts
// first.
std::weak_ordering compare_local(const std::vector<std::string>& a,
                                 const std::vector<std::string>& b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const bool an = is_number(a[i]);
    const bool bn = is_number(b[i]);
    std::weak_ordering c = std::weak_ordering::equivalent;
    if (an != bn) {
      c = an ? std::weak_ordering::greater : std::weak_ordering::less;
    } else if (an) {
      c = compare_numeric_strings(a[i], b[i]);
    } else {
      c = a[i].compare(b[i]) <=> 0;
    }
    if (std::is_neq(c)) return c;
  }
  return a.size() <=> b.size();
}

}  // namespace

Expected<Version> Version::parse(std::string_view text) {
  std::string_view trimmed = text;
  while (!trimmed.empty() && is_space(trimmed.front())) trimmed.remove_prefix(1);
  while (!trimmed.empty() && is_space(trimmed.back())) trimmed.remove_suffix(1);
  std::string lower(trimmed);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }

  try {
    if (lower.empty()) throw Failure{"it is empty"};
    Parser p(std::move(lower));
    Version v;
    p.eat('v');
    if (!is_digit(p.peek())) throw Failure{"it must start with a number"};

    // Epoch "N!" or the first release number.
    std::uint64_t first = p.number();
    if (p.eat('!')) {
      v.epoch_ = first;
      if (!is_digit(p.peek())) throw Failure{"a number must follow the epoch 'N!'"};
      first = p.number();
    }
    v.release_.assign(1, first);
    while (p.peek() == '.' && is_digit(p.peek(1))) {
      p.skip();
      v.release_.push_back(p.number());
    }

    // Pre-release: [sep] label [sep] [N]. Each optional part is tried and rewound on failure.
    std::size_t mark = p.pos();
    p.eat_separator();
    if (auto kind = eat_pre_label(p)) {
      v.pre_ = Pre{*kind, p.implicit_number()};
    } else {
      p.reset(mark);
    }

    // Post-release: "-N" or [sep] post|rev|r [sep] [N].
    mark = p.pos();
    if (p.peek() == '-' && is_digit(p.peek(1))) {
      p.skip();
      v.post_ = p.number();
    } else {
      p.eat_separator();
      if (eat_post_label(p)) {
        v.post_ = p.implicit_number();
      } else {
        p.reset(mark);
      }
    }

    // Development release: [sep] dev [sep] [N].
    mark = p.pos();
    p.eat_separator();
    if (p.eat_word("dev")) {
      v.dev_ = p.implicit_number();
    } else {
      p.reset(mark);
    }

    // Local version: + [a-z0-9]+ ([-_.][a-z0-9]+)*
    if (p.peek() == '+' && is_alnum(p.peek(1))) {
      p.skip();
      while (true) {
        std::string segment;
        while (is_alnum(p.peek())) {
          segment.push_back(p.peek());
          p.skip();
        }
        v.local_.push_back(is_number(segment) ? strip_leading_zeros(segment) : segment);
        if (!(is_separator(p.peek()) && is_alnum(p.peek(1)))) break;
        p.skip();
      }
    }

    if (!p.at_end()) throw Failure{fmt::format("unexpected '{}'", p.rest())};
    return v;
  } catch (const Failure& failure) {
    return Error(fmt::format("invalid version '{}': {}; a version looks like 1.2.3 (PEP 440)", text,
                             failure.reason));
  }
}

std::string Version::str() const {
  std::string out;
  if (epoch_ != 0) out += fmt::format("{}!", epoch_);
  for (std::size_t i = 0; i < release_.size(); ++i) {
    if (i != 0) out += '.';
    out += std::to_string(release_[i]);
  }
  if (pre_) {
    static constexpr std::array<std::string_view, 3> names{"a", "b", "rc"};
    out += names.at(static_cast<std::size_t>(pre_->kind));
    out += std::to_string(pre_->number);
  }
  if (post_) out += fmt::format(".post{}", *post_);
  if (dev_) out += fmt::format(".dev{}", *dev_);
  for (std::size_t i = 0; i < local_.size(); ++i) {
    out += i == 0 ? '+' : '.';
    out += local_[i];
  }
  return out;
}

bool Version::is_plain_release() const {
  return epoch_ == 0 && !pre_ && !post_ && !dev_ && local_.empty() &&
         (release_.size() == 2 || release_.size() == 3);
}

std::weak_ordering Version::compare(const Version& a, const Version& b) {
  if (a.epoch_ != b.epoch_) return a.epoch_ <=> b.epoch_;

  // Release: missing components count as 0, so trailing zeros do not matter.
  const std::size_t n = std::max(a.release_.size(), b.release_.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t x = i < a.release_.size() ? a.release_[i] : 0;
    const std::uint64_t y = i < b.release_.size() ? b.release_[i] : 0;
    if (x != y) return x <=> y;
  }

  // Pre-release rank: a bare dev release (1.0.dev1) sorts before every pre-release of the same
  // release, a final or post release after all of them.
  auto pre_rank = [](const Version& v) {
    if (v.pre_) return 1;
    if (!v.post_ && v.dev_) return 0;
    return 2;
  };
  if (auto c = pre_rank(a) <=> pre_rank(b); std::is_neq(c)) return c;
  if (a.pre_ && b.pre_) {
    if (a.pre_->kind != b.pre_->kind) return a.pre_->kind <=> b.pre_->kind;
    if (a.pre_->number != b.pre_->number) return a.pre_->number <=> b.pre_->number;
  }

  // Post-release: none sorts first.
  if (a.post_.has_value() != b.post_.has_value())
    return a.post_.has_value() <=> b.post_.has_value();
  if (a.post_ && *a.post_ != *b.post_) return *a.post_ <=> *b.post_;

  // Development release: none sorts last.
  if (a.dev_.has_value() != b.dev_.has_value()) return b.dev_.has_value() <=> a.dev_.has_value();
  if (a.dev_ && *a.dev_ != *b.dev_) return *a.dev_ <=> *b.dev_;

  return compare_local(a.local_, b.local_);
}

}  // namespace pum
