#pragma once
// Reading a configuration without requiring its hook files (pum 1.x loads it with
// validate=False for `info` and `baseline`, which never run a hook): while a
// MissingHookFilesAllowed is alive on this thread, load_config accepts a hook file that does not
// exist and records a warning instead (the hook's path is kept; running it would fail).
#include <string>
#include <vector>

namespace pum::config {

class MissingHookFilesAllowed {
 public:
  MissingHookFilesAllowed();
  ~MissingHookFilesAllowed();
  MissingHookFilesAllowed(const MissingHookFilesAllowed&) = delete;
  MissingHookFilesAllowed& operator=(const MissingHookFilesAllowed&) = delete;

  // "file:line:col: hook file 'x' not found: /abs/x", in file order.
  [[nodiscard]] const std::vector<std::string>& warnings() const { return warnings_; }

  // The active scope of this thread, or null.
  static MissingHookFilesAllowed* active();
  void warn(std::string message) { warnings_.push_back(std::move(message)); }

 private:
  MissingHookFilesAllowed* previous_;
  std::vector<std::string> warnings_;
};

}  // namespace pum::config
