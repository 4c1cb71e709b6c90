#include "pum/run/demo_data.hpp"

#include <fmt/format.h>

#include "pum/roles/roles.hpp"
#include "pum/run/demo_data_file.hpp"
#include "pum/run/project.hpp"
#include "pum/ui/log.hpp"
#include "pum/ui/progress.hpp"

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
  std::vector<std::pair<std::filesystem::path, std::string>> files;
  for (const auto& file : demo.files) {
    std::filesystem::path path = config.base_dir / file;
    check_demo_file(path, file, params);
    files.emplace_back(std::move(path), file);
  }
  AppHooks hooks =
      prepare_app_hooks(config, params, !options.skip_drop_app, !options.skip_create_app);
  log::info("Loading demo data '{}'...", demo.name);
  auto step = [&conn](auto&& body) {
    db::Transaction transaction(conn);
    body();
    transaction.commit();
  };
  step([&] { run_hooks(conn, hooks.drop, HookKind::drop); });
  step([&] {
    progress::Run progress("files", files.size());
    for (const auto& [path, display] : files) {
      log::info("Executing {}", display);
      progress.step(display);
      load_demo_file(conn, path, display, params);
    }
  });
  step([&] { run_hooks(conn, hooks.create, HookKind::create); });
  if (!options.skip_grant) step([&] { roles::grant_configured_permissions(conn, config); });
  log::info("Demo data '{}' loaded.", demo.name);
}

}  // namespace pum::run
