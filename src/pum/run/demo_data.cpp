#include "pum/run/demo_data.hpp"

#include <fmt/format.h>

#include "pum/run/project.hpp"
#include "pum/ui/log.hpp"

namespace pum::run {

const config::DemoData* find_demo_data(const config::Config& config,
                                       const std::optional<std::string>& name) {
  if (!name) return nullptr;
  std::string names;
  for (const auto& demo : config.demo_data) {
    if (demo.name == *name) return &demo;
    names += (names.empty() ? "'" : ", '") + demo.name + "'";
  }
  throw Error(fmt::format("Demo data '{}' not found in the configuration.", *name))
      .hint(names.empty() ? std::string("no demo_data is declared in ") + config.display_file
                          : "declared demo data sets: " + names);
}

void load_demo_data(db::Connection& conn, const config::Config& config,
                    const config::DemoData& demo, const Parameters& params,
                    const DemoOptions& options) {
  // Read and check every file before the first step commits anything.
  std::vector<Unit> files;
  for (const auto& file : demo.files) {
    std::filesystem::path path = config.base_dir / file;
    files.push_back(prepare_file(path, file, params));
  }
  std::vector<Unit> drop = options.skip_drop_app ? std::vector<Unit>{}
                                                 : prepare_hooks(config, config.drop_hooks, params);
  std::vector<Unit> create = options.skip_create_app
                                 ? std::vector<Unit>{}
                                 : prepare_hooks(config, config.create_hooks, params);
  log::info("Loading demo data '{}'...", demo.name);
  auto step = [&conn](const std::vector<Unit>& units, HookKind* kind) {
    db::Transaction transaction(conn);
    if (kind != nullptr) {
      run_hooks(conn, units, *kind);
    } else {
      for (const auto& unit : units) {
        log::info("Executing {}", unit.label);
        execute(conn, unit);
      }
    }
    transaction.commit();
  };
  HookKind drop_kind = HookKind::drop;
  HookKind create_kind = HookKind::create;
  step(drop, &drop_kind);
  step(files, nullptr);
  step(create, &create_kind);
  log::info("Demo data '{}' loaded.", demo.name);
}

}  // namespace pum::run
