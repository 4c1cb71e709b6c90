#pragma once
// A throwaway module directory for config tests: write a .pum.yaml (and hook files) into it,
// load it as ".pum.yaml", and get the Error when loading must fail.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "pum/config/config.hpp"
#include "pum/util/error.hpp"

namespace pum::config::test {

class TempModule {
 public:
  TempModule() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("pum_config_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~TempModule() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TempModule(const TempModule&) = delete;
  TempModule& operator=(const TempModule&) = delete;

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

  std::filesystem::path write(const std::string& relative, const std::string& text) const {
    const auto path = dir_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  [[nodiscard]] Config load(const std::string& yaml) const {
    return load_config(write(".pum.yaml", yaml), ".pum.yaml");
  }

  // The error loading `yaml` throws; a test failure when it loads.
  [[nodiscard]] Error error(const std::string& yaml) const {
    try {
      (void)load(yaml);
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << "the configuration loaded without error:\n" << yaml;
    return Error("no error");
  }

 private:
  std::filesystem::path dir_;
};

// The first hint of an error, or "" when it has none.
inline std::string first_hint(const Error& e) { return e.hints().empty() ? "" : e.hints()[0]; }

}  // namespace pum::config::test
