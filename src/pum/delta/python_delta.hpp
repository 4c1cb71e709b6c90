#pragma once
// pum 0.x Python deltas (delta_X.Y.Z_name.py, .pre.py, .post.py) and pre-all.py / post-all.py.
//
// pum 0.x imported the file and ran every subclass of pum.core.deltapy.DeltaPy in it; such
// scripts get a pg_service name and open their OWN connections. We run each in a child process
// (`python3` from PATH, spawned without a shell) with python/pum/core/_run_delta.py, our `pum`
// package on PYTHONPATH (with its pum-1.8.0.dist-info, so that pkg_resources/importlib.metadata
// find "pum"), the working directory first on sys.path as `python -m pum` had it, and stdout and
// stderr inherited. Nothing runs in our process, and nothing can see our open transaction: the
// caller commits everything before (docs/layout-pum0x.md, "Transaction model").
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pum::delta {

struct PythonContext {
  std::string pg_service;
  std::string upgrades_table;           // "schema.name", as given
  std::vector<std::string> delta_dirs;  // as given
  std::string variables_json = "{}";    // Variables::json()
};

// Where python/ (holding pum/core/_run_delta.py and pum-*.dist-info) is: set explicitly, else
// beside the binary (<bin>/pum-python/python, <prefix>/share/pum/python), else the source tree
// this binary was built from. Throws pum::Error when none has it.
std::filesystem::path python_package_dir();
void set_python_package_dir(std::optional<std::filesystem::path> dir);

// The first executable `python3` of PATH; throws pum::Error when there is none.
std::filesystem::path find_python3();

// Runs one Python delta: imports `file` as module `module_name` ("001_x" for a delta, "pre-all"
// / "post-all") and runs its DeltaPy subclasses with current_db_version, delta_dir (the file's
// directory as given, ending with '/'). Throws pum::Error naming the file when the script fails
// (its traceback is already on stderr).
void run_python_delta(const PythonContext& context, const std::filesystem::path& file,
                      const std::string& display, const std::string& delta_dir,
                      const std::string& module_name, const std::string& current_db_version);

}  // namespace pum::delta
