#include "pum/hooks/embed/native_module.hpp"

#include <string>

namespace pum::hooks::embed {

namespace {

plugin::Host* g_host = nullptr;

bool text_argument(PyObject* arg, std::string& out) {
  if (!PyUnicode_Check(arg)) {
    PyErr_SetString(PyExc_TypeError, "a str is expected");
    return false;
  }
  out = to_string(arg);
  return true;
}

PyObject* rendered_to_python(const plugin::Rendered& rendered) {
  if (rendered.error) {
    Ref hints(PyList_New(0));
    if (!hints) return nullptr;
    for (const auto& hint : rendered.hints) {
      Ref item = from_string(hint);
      if (!item || PyList_Append(hints.get(), item.get()) != 0) return nullptr;
    }
    Ref message = from_string(*rendered.error);
    if (!message) return nullptr;
    return Py_BuildValue("(O(OO))", Py_None, message.get(), hints.get());
  }
  Ref statements(PyList_New(0));
  if (!statements) return nullptr;
  for (const auto& statement : rendered.statements) {
    Ref item = from_string(statement);
    if (!item || PyList_Append(statements.get(), item.get()) != 0) return nullptr;
  }
  return Py_BuildValue("(OO)", statements.get(), Py_None);
}

PyObject* render_text(PyObject* /*self*/, PyObject* arg) {
  std::string sql;
  if (!text_argument(arg, sql)) return nullptr;
  return rendered_to_python(g_host->render_text(sql));
}

PyObject* render_file(PyObject* /*self*/, PyObject* arg) {
  std::string path;
  if (!text_argument(arg, path)) return nullptr;
  return rendered_to_python(g_host->render_file(path));
}

PyObject* split_file(PyObject* /*self*/, PyObject* arg) {
  std::string path;
  if (!text_argument(arg, path)) return nullptr;
  return rendered_to_python(g_host->split_file(path));
}

PyObject* ends_transaction(PyObject* /*self*/, PyObject* arg) {
  std::string sql;
  if (!text_argument(arg, sql)) return nullptr;
  std::string what = g_host->ends_transaction(sql);
  if (what.empty()) Py_RETURN_NONE;
  return from_string(what).release();
}

PyObject* log(PyObject* /*self*/, PyObject* args) {
  int level = 0;
  PyObject* message = nullptr;
  if (PyArg_ParseTuple(args, "iU", &level, &message) == 0) return nullptr;
  g_host->log(level, to_string(message));
  Py_RETURN_NONE;
}

PyObject* log_enabled(PyObject* /*self*/, PyObject* arg) {
  long level = PyLong_AsLong(arg);
  if (level == -1 && PyErr_Occurred() != nullptr) return nullptr;
  return PyBool_FromLong(g_host->log_enabled(static_cast<int>(level)) ? 1 : 0);
}

PyMethodDef g_methods[] = {
    {"render_text", render_text, METH_O, "Render {name} placeholders of inline SQL."},
    {"render_file", render_file, METH_O, "Read, check and render an SQL file."},
    {"split_file", split_file, METH_O, "Read, check and split an SQL file, unrendered."},
    {"ends_transaction", ends_transaction, METH_O, "What in the SQL would end the transaction."},
    {"log", log, METH_VARARGS, "Write to pum's log."},
    {"log_enabled", log_enabled, METH_O, "Whether pum logs this level."},
    {nullptr, nullptr, 0, nullptr},
};

PyModuleDef g_module = {
    PyModuleDef_HEAD_INIT,
    "_pum_native",
    "pum itself, for the pum package of Python hooks.",
    -1,
    g_methods,
};

PyObject* init_module() { return PyModule_Create(&g_module); }

}  // namespace

bool register_native_module(plugin::Host* host) {
  g_host = host;
  return PyImport_AppendInittab(kNativeModule, &init_module) == 0;
}

bool install_native_module(plugin::Host* host) {
  g_host = host;
  Ref module(init_module());
  if (!module) return false;
  // pum._runtime leaves Python's logging alone then: it is where pum's own lines go.
  if (PyObject_SetAttrString(module.get(), "in_process", Py_True) != 0) return false;
  return PyDict_SetItemString(PyImport_GetModuleDict(), kNativeModule, module.get()) == 0;
}

}  // namespace pum::hooks::embed
