// pum_python.so: the interpreter, started when pum loads the plugin (first Python hook), and the
// Engine that drives the `pum._runtime` module of the shipped package.
#include <dlfcn.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pum/hooks/embed/native_module.hpp"
#include "pum/hooks/embed/py_ref.hpp"
#include "pum/hooks/python_plugin.hpp"

namespace pum::hooks::embed {

namespace {

// The pending Python exception as a Failure (pum._runtime.describe_exception does the reading),
// cleared.
plugin::Failure take_failure(PyObject* describe);

plugin::Frame to_frame(PyObject* tuple) {
  plugin::Frame frame;
  if (tuple == nullptr || !PyTuple_Check(tuple) || PyTuple_Size(tuple) != 5) return frame;
  frame.file = to_string(PyTuple_GetItem(tuple, 0));
  frame.line = static_cast<int>(PyLong_AsLong(PyTuple_GetItem(tuple, 1)));
  frame.column = static_cast<int>(PyLong_AsLong(PyTuple_GetItem(tuple, 2)));
  frame.function = to_string(PyTuple_GetItem(tuple, 3));
  frame.line_text = to_string(PyTuple_GetItem(tuple, 4));
  if (PyErr_Occurred() != nullptr) PyErr_Clear();
  return frame;
}

std::vector<std::string> to_strings(PyObject* list) {
  std::vector<std::string> out;
  if (list == nullptr || !PyList_Check(list)) return out;
  for (Py_ssize_t i = 0; i < PyList_Size(list); ++i)
    out.push_back(to_string(PyList_GetItem(list, i)));
  return out;
}

plugin::Failure take_failure(PyObject* describe) {
  plugin::Failure failure;
#if PY_VERSION_HEX >= 0x030C0000
  Ref value(PyErr_GetRaisedException());
#else
  PyObject* type = nullptr;
  PyObject* raw_value = nullptr;
  PyObject* traceback = nullptr;
  PyErr_Fetch(&type, &raw_value, &traceback);
  PyErr_NormalizeException(&type, &raw_value, &traceback);
  if (raw_value != nullptr && traceback != nullptr) PyException_SetTraceback(raw_value, traceback);
  Py_XDECREF(type);
  Py_XDECREF(traceback);
  Ref value(raw_value);
#endif
  if (!value) {
    failure.message = "unknown Python error";
    return failure;
  }
  Ref described;
  if (describe != nullptr) described = Ref(PyObject_CallOneArg(describe, value.get()));
  if (!described || !PyTuple_Check(described.get()) || PyTuple_Size(described.get()) != 6) {
    PyErr_Clear();
    failure.message = std::string(Py_TYPE(value.get())->tp_name) + ": " + to_string(value.get());
    return failure;
  }
  PyObject* d = described.get();
  failure.message = to_string(PyTuple_GetItem(d, 0));
  failure.sqlstate = to_string(PyTuple_GetItem(d, 1));
  PyObject* details = PyTuple_GetItem(d, 2);
  if (PyList_Check(details)) {
    for (Py_ssize_t i = 0; i < PyList_Size(details); ++i) {
      PyObject* pair = PyList_GetItem(details, i);
      if (PyTuple_Check(pair) && PyTuple_Size(pair) == 2) {
        failure.details.emplace_back(to_string(PyTuple_GetItem(pair, 0)),
                                     to_string(PyTuple_GetItem(pair, 1)));
      }
    }
  }
  failure.hints = to_strings(PyTuple_GetItem(d, 3));
  PyObject* frames = PyTuple_GetItem(d, 4);
  if (PyList_Check(frames)) {
    for (Py_ssize_t i = 0; i < PyList_Size(frames); ++i) {
      failure.traceback.push_back(to_frame(PyList_GetItem(frames, i)));
    }
  }
  PyObject* where = PyTuple_GetItem(d, 5);
  if (where != Py_None) failure.where = to_frame(where);
  return failure;
}

plugin::Failure message_failure(std::string message) {
  plugin::Failure failure;
  failure.message = std::move(message);
  return failure;
}

class PythonEngine final : public plugin::Engine {
 public:
  // Imports pum._runtime; on failure returns false with `failure` set.
  bool attach(const plugin::StartOptions& options, plugin::Failure& failure) {
    Ref sys_path = Ref::borrow(PySys_GetObject("path"));
    Ref package_dir = from_string(options.package_dir);
    if (!sys_path || !package_dir || PyList_Insert(sys_path.get(), 0, package_dir.get()) != 0) {
      failure = take_failure(nullptr);
      return false;
    }
    Ref native(PyImport_ImportModule(kNativeModule));
    Ref address(PyLong_FromUnsignedLongLong(options.pq_status_address));
    if (!native || !address ||
        PyObject_SetAttrString(native.get(), "pq_status_address", address.get()) != 0) {
      failure = take_failure(nullptr);
      return false;
    }
    module_ = Ref(PyImport_ImportModule("pum._runtime"));
    if (!module_) {
      failure = take_failure(nullptr);
      failure.hints.push_back("pum's Python package is expected in " + options.package_dir);
      return false;
    }
    describe_exception_ = Ref(PyObject_GetAttrString(module_.get(), "describe_exception"));
    if (!describe_exception_) {
      failure = take_failure(nullptr);
      return false;
    }
    return true;
  }

  std::string describe() override {
    Ref text = call("describe_python", nullptr);
    if (!text) {
      PyErr_Clear();
      return "Python " + std::string(Py_GetVersion());
    }
    return to_string(text.get());
  }

  std::optional<plugin::Failure> distribution_version(
      const std::string& name, std::optional<std::string>& version) override {
    Ref args(Py_BuildValue("(N)", from_string(name).release()));
    Ref result = call("distribution_version", args.get());
    if (!result) return take_failure(describe_exception_.get());
    if (result.get() == Py_None) {
      version.reset();
    } else {
      version = to_string(result.get());
    }
    return std::nullopt;
  }

  std::optional<plugin::Failure> load(const std::string& path, const std::string& module_dir,
                                      plugin::LoadedHook& hook) override {
    Ref args(Py_BuildValue("(NN)", from_string(path).release(), from_string(module_dir).release()));
    Ref result = call("load", args.get());
    if (!result) return take_failure(describe_exception_.get());
    PyObject* r = result.get();
    if (!PyTuple_Check(r) || PyTuple_Size(r) != 3) return message_failure("bad answer from load");
    hook.id = PyLong_AsUnsignedLongLong(PyTuple_GetItem(r, 0));
    PyObject* arguments = PyTuple_GetItem(r, 1);
    if (PyList_Check(arguments)) {
      for (Py_ssize_t i = 0; i < PyList_Size(arguments); ++i) {
        PyObject* item = PyList_GetItem(arguments, i);
        if (!PyTuple_Check(item) || PyTuple_Size(item) != 2) continue;
        hook.arguments.push_back(
            {to_string(PyTuple_GetItem(item, 0)), PyObject_IsTrue(PyTuple_GetItem(item, 1)) == 1});
      }
    }
    hook.run_hook = to_frame(PyTuple_GetItem(r, 2));
    if (PyErr_Occurred() != nullptr) return take_failure(describe_exception_.get());
    return std::nullopt;
  }

  std::optional<plugin::Failure> run(std::uint64_t id, void* pgconn,
                                     const Parameters& params) override {
    Ref dict = from_parameters(params);
    if (!dict) return take_failure(describe_exception_.get());
    Ref args(Py_BuildValue(
        "(KKN)", static_cast<unsigned long long>(id),
        static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(pgconn)), dict.release()));
    Ref result = call("run", args.get());
    if (!result) return take_failure(describe_exception_.get());
    return std::nullopt;
  }

  void release(std::uint64_t id) override {
    Ref args(Py_BuildValue("(K)", static_cast<unsigned long long>(id)));
    Ref result = call("release", args.get());
    if (!result) PyErr_Clear();
  }

  std::optional<plugin::Failure> load_lifecycle(
      const std::string& project_dir, const std::vector<std::string>& discovered,
      const std::vector<plugin::LifecycleEntry>& configured,
      std::vector<plugin::LifecycleHook>& hooks) override {
    Ref paths(PyList_New(0));
    Ref entries(PyList_New(0));
    if (!paths || !entries) return take_failure(describe_exception_.get());
    for (const auto& path : discovered) {
      Ref item = from_string(path);
      if (!item || PyList_Append(paths.get(), item.get()) != 0) {
        return take_failure(describe_exception_.get());
      }
    }
    for (const auto& entry : configured) {
      Ref item(Py_BuildValue(
          "(NNNN)", from_string(entry.event).release(), from_string(entry.module).release(),
          from_string(entry.function).release(), from_string(entry.where).release()));
      if (!item || PyList_Append(entries.get(), item.get()) != 0) {
        return take_failure(describe_exception_.get());
      }
    }
    Ref args(
        Py_BuildValue("(NOO)", from_string(project_dir).release(), paths.get(), entries.get()));
    if (!args) return take_failure(describe_exception_.get());
    Ref result = call("load_lifecycle", args.get());
    if (!result) return take_failure(describe_exception_.get());
    if (!PyList_Check(result.get())) return message_failure("bad answer from load_lifecycle");
    for (Py_ssize_t i = 0; i < PyList_Size(result.get()); ++i) {
      PyObject* item = PyList_GetItem(result.get(), i);
      if (!PyTuple_Check(item) || PyTuple_Size(item) != 2) continue;
      hooks.push_back({to_string(PyTuple_GetItem(item, 0)), to_string(PyTuple_GetItem(item, 1))});
    }
    if (PyErr_Occurred() != nullptr) return take_failure(describe_exception_.get());
    return std::nullopt;
  }

  std::optional<plugin::Failure> fire_lifecycle(const std::string& event,
                                                const std::string& context_json,
                                                void* pgconn) override {
    Ref args(
        Py_BuildValue("(NNK)", from_string(event).release(), from_string(context_json).release(),
                      static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(pgconn))));
    if (!args) return take_failure(describe_exception_.get());
    Ref result = call("fire_lifecycle", args.get());
    if (!result) return take_failure(describe_exception_.get());
    return std::nullopt;
  }

 private:
  Ref call(const char* function, PyObject* args) {
    Ref callable(PyObject_GetAttrString(module_.get(), function));
    if (!callable) return callable;
    if (args == nullptr) return Ref(PyObject_CallNoArgs(callable.get()));
    return Ref(PyObject_CallObject(callable.get(), args));
  }

  Ref module_;
  Ref describe_exception_;
};

void set_string(PyConfig& config, wchar_t** field, const std::string& value) {
  PyStatus status = PyConfig_SetBytesString(&config, field, value.c_str());
  (void)status;  // only fails on memory exhaustion; Py_InitializeFromConfig reports that
}

// The interpreter pum was built with (its prefix, compiled in), whatever PATH, a pyenv shim or a
// virtualenv say; PYTHONPATH and the user's site-packages still count, as for python3 itself.
bool start_interpreter(plugin::Failure& failure) {
  PyConfig config;
  PyConfig_InitPythonConfig(&config);
  config.install_signal_handlers = 0;  // pum's SIGINT/SIGTERM handlers cancel the query
  config.parse_argv = 0;
  config.write_bytecode = 0;  // no __pycache__ in module directories (often read-only, or git)
  namespace fs = std::filesystem;
  std::error_code ec;
  const std::string home = PUM_PYTHON_HOME;
  if (fs::exists(fs::path(home) / "lib" / PUM_PYTHON_VERSION_DIR / "os.py", ec)) {
    set_string(config, &config.home, home);
    fs::path program = fs::path(home) / "bin" / PUM_PYTHON_VERSION_DIR;
    if (fs::exists(program, ec)) set_string(config, &config.program_name, program.string());
  }
  PyStatus status = Py_InitializeFromConfig(&config);
  PyConfig_Clear(&config);
  if (PyStatus_Exception(status) != 0) {
    failure.message = std::string(status.func != nullptr ? status.func : "Py_Initialize") + ": " +
                      (status.err_msg != nullptr ? status.err_msg : "failed");
    failure.hints.emplace_back("pum embeds the Python found at build time in " + home);
    return false;
  }
  // libpython came in as a dependency of this plugin; make its symbols global for the extension
  // modules Python loads later, whatever flags pum used.
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&Py_InitializeFromConfig), &info) != 0 &&
      info.dli_fname != nullptr) {
    dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_GLOBAL);
  }
  return true;
}

}  // namespace

}  // namespace pum::hooks::embed

extern "C" __attribute__((visibility("default"))) pum::hooks::plugin::Engine*
pum_python_plugin_create(int abi_version, pum::hooks::plugin::Host* host,
                         const pum::hooks::plugin::StartOptions* options,
                         pum::hooks::plugin::Failure* failure) {
  using namespace pum::hooks;
  if (abi_version != plugin::kAbiVersion) {
    failure->message = "pum_python.so does not belong to this pum (interface " +
                       std::to_string(plugin::kAbiVersion) + ", pum asks for " +
                       std::to_string(abi_version) + ")";
    failure->hints.emplace_back("install pum and its lib/pum directory from the same build");
    return nullptr;
  }
  if (Py_IsInitialized() != 0) {
    failure->message = "Python is already initialised in this process";
    return nullptr;
  }
  if (!embed::register_native_module(host)) {
    failure->message = "cannot register the _pum_native module";
    return nullptr;
  }
  if (!embed::start_interpreter(*failure)) return nullptr;
  auto* engine = new embed::PythonEngine();
  if (!engine->attach(*options, *failure)) {
    delete engine;
    return nullptr;
  }
  return engine;
}

// The Python API's variant: Python is already running (it imported pum._native, which links this
// file); hooks run in that interpreter, which pum neither starts nor configures.
extern "C" pum::hooks::plugin::Engine* pum_python_plugin_attach(
    int abi_version, pum::hooks::plugin::Host* host,
    const pum::hooks::plugin::StartOptions* options, pum::hooks::plugin::Failure* failure) {
  using namespace pum::hooks;
  if (abi_version != plugin::kAbiVersion || Py_IsInitialized() == 0) {
    failure->message = "pum._native was not loaded by a running Python";
    return nullptr;
  }
  if (!embed::install_native_module(host)) {
    failure->message = "cannot register the _pum_native module";
    return nullptr;
  }
  auto* engine = new embed::PythonEngine();
  if (!engine->attach(*options, *failure)) {
    delete engine;
    return nullptr;
  }
  return engine;
}
