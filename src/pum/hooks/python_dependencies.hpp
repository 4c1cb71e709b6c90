#pragma once
// `dependencies:`: the Python distributions a module's Python hooks need, each with
// inclusive PEP 440 bounds. pum checks what is installed for its own interpreter before loading
// the first Python hook, and never installs anything (pum 1.8 ran pip; we refuse instead and say
// what to install).
#include <optional>
#include <string>

#include "pum/config/config.hpp"
#include "pum/util/error.hpp"

namespace pum::hooks {

// "pirogue>=3.0.0,<=3.9", or the bare name without bounds.
std::string requirement(const config::Dependency& dependency);

// The error for one dependency given the installed version (nullopt: not installed), located at
// the dependency in .pum.yaml; nullopt when the installed version is within the bounds.
// `python` names the interpreter in the hint ("Python 3.11 (/usr)").
std::optional<Error> dependency_problem(const config::Config& config,
                                        const config::Dependency& dependency,
                                        const std::optional<std::string>& installed,
                                        const std::string& python);

}  // namespace pum::hooks
