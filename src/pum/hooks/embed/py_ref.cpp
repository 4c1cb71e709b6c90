#include "pum/hooks/embed/py_ref.hpp"

#include <type_traits>
#include <variant>

namespace pum::hooks::embed {

std::string to_string(PyObject* object) {
  if (object == nullptr) return {};
  Ref text = PyUnicode_Check(object) ? Ref::borrow(object) : Ref(PyObject_Str(object));
  if (!text) {
    PyErr_Clear();
    return {};
  }
  Ref bytes(PyUnicode_AsEncodedString(text.get(), "utf-8", "surrogateescape"));
  if (!bytes) {
    PyErr_Clear();
    return {};
  }
  char* data = nullptr;
  Py_ssize_t size = 0;
  if (PyBytes_AsStringAndSize(bytes.get(), &data, &size) != 0) {
    PyErr_Clear();
    return {};
  }
  return {data, static_cast<std::size_t>(size)};
}

Ref from_string(const std::string& text) {
  return Ref(
      PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "surrogateescape"));
}

Ref from_value(const Value& value) {
  return std::visit(
      [](const auto& v) -> Ref {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return Ref::borrow(Py_None);
        } else if constexpr (std::is_same_v<T, bool>) {
          return Ref::borrow(v ? Py_True : Py_False);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return Ref(PyLong_FromLongLong(v));
        } else if constexpr (std::is_same_v<T, double>) {
          return Ref(PyFloat_FromDouble(v));
        } else {
          return from_string(v);
        }
      },
      value);
}

Ref from_parameters(const Parameters& params) {
  Ref dict(PyDict_New());
  if (!dict) return dict;
  for (const auto& [name, value] : params) {
    Ref item = from_value(value);
    if (!item || PyDict_SetItemString(dict.get(), name.c_str(), item.get()) != 0) return Ref();
  }
  return dict;
}

}  // namespace pum::hooks::embed
