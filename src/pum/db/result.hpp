#pragma once
// RAII owner of a PGresult with checked accessors.
#include <libpq-fe.h>

#include <optional>
#include <string>
#include <string_view>

namespace pum::db {

class Result {
 public:
  Result() = default;
  explicit Result(PGresult* result) : result_(result) {}
  ~Result() { PQclear(result_); }
  Result(Result&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  Result& operator=(Result&& other) noexcept {
    if (this != &other) {
      PQclear(result_);
      result_ = other.result_;
      other.result_ = nullptr;
    }
    return *this;
  }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;

  [[nodiscard]] int rows() const { return result_ != nullptr ? PQntuples(result_) : 0; }
  [[nodiscard]] int columns() const { return result_ != nullptr ? PQnfields(result_) : 0; }
  [[nodiscard]] bool is_null(int row, int col) const { return PQgetisnull(result_, row, col) != 0; }
  // The text value; empty for NULL.
  [[nodiscard]] std::string_view text(int row, int col) const {
    return {PQgetvalue(result_, row, col),
            static_cast<std::size_t>(PQgetlength(result_, row, col))};
  }
  [[nodiscard]] std::optional<std::string> optional_text(int row, int col) const {
    if (is_null(row, col)) return std::nullopt;
    return std::string(text(row, col));
  }
  // Boolean column as libpq returns it ("t"/"f").
  [[nodiscard]] bool boolean(int row, int col) const { return text(row, col) == "t"; }
  [[nodiscard]] PGresult* raw() const { return result_; }

 private:
  PGresult* result_ = nullptr;
};

}  // namespace pum::db
