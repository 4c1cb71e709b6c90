#include "pum/config/lenient.hpp"

namespace pum::config {

namespace {
thread_local MissingHookFilesAllowed* t_active = nullptr;
}  // namespace

MissingHookFilesAllowed::MissingHookFilesAllowed() : previous_(t_active) { t_active = this; }
MissingHookFilesAllowed::~MissingHookFilesAllowed() { t_active = previous_; }
MissingHookFilesAllowed* MissingHookFilesAllowed::active() { return t_active; }

}  // namespace pum::config
