#pragma once
// A minimal expected<T, Error> for building blocks that report failure as a value.
// Written by hand because g++ 12 has no std::expected in C++20 and Debian 12 packages no
// tl-expected; it holds either a T or a pum::Error and nothing more.
#include <utility>
#include <variant>

#include "pum/util/error.hpp"

namespace pum {

template <typename T>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Expected(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & {
    if (!has_value()) throw std::get<1>(v_);
    return std::get<0>(v_);
  }
  const T& value() const& {
    if (!has_value()) throw std::get<1>(v_);
    return std::get<0>(v_);
  }
  T&& value() && {
    if (!has_value()) throw std::get<1>(v_);
    return std::get<0>(std::move(v_));
  }
  [[nodiscard]] const Error& error() const { return std::get<1>(v_); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace pum
