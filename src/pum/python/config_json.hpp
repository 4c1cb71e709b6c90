#pragma once
// A loaded configuration as plain data, for the accessors of pum.pum_config.PumConfig
// (parameters(), roles, hook handlers, demo_data()): the Python side never reads YAML itself.
#include <nlohmann/json.hpp>

#include "pum/config/config.hpp"

namespace pum::python {

nlohmann::json config_json(const config::Config& config);

}  // namespace pum::python
