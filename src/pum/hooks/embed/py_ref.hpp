#pragma once
// Owning references to Python objects and the few conversions the plugin needs. Every function
// here needs the GIL, which pum's main thread holds from Py_Initialize on.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <string>
#include <utility>

#include "pum/params/value.hpp"

namespace pum::hooks::embed {

// A strong reference, released in the destructor.
class Ref {
 public:
  Ref() = default;
  explicit Ref(PyObject* object) : object_(object) {}  // steals the reference
  ~Ref() { Py_XDECREF(object_); }
  Ref(Ref&& other) noexcept : object_(std::exchange(other.object_, nullptr)) {}
  Ref& operator=(Ref&& other) noexcept {
    if (this != &other) {
      Py_XDECREF(object_);
      object_ = std::exchange(other.object_, nullptr);
    }
    return *this;
  }
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;

  // A new reference to a borrowed object.
  static Ref borrow(PyObject* object) {
    Py_XINCREF(object);
    return Ref(object);
  }

  [[nodiscard]] PyObject* get() const { return object_; }
  PyObject* release() { return std::exchange(object_, nullptr); }
  explicit operator bool() const { return object_ != nullptr; }

 private:
  PyObject* object_ = nullptr;
};

// UTF-8 text of a str (undecodable characters kept as they came, through surrogateescape); the
// str() of anything else; empty on failure (the error is cleared).
std::string to_string(PyObject* object);

// A str from UTF-8 bytes (invalid bytes kept through surrogateescape).
Ref from_string(const std::string& text);

// None, bool, int, float or str.
Ref from_value(const Value& value);

// A dict name -> value.
Ref from_parameters(const Parameters& params);

}  // namespace pum::hooks::embed
