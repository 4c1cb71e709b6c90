#include "pum/config/suggest.hpp"

#include <gtest/gtest.h>

namespace pum::config {
namespace {

const std::vector<std::string> kTopLevel = {"pum",         "changelogs_directory", "parameters",
                                            "application", "migration_hooks",      "roles",
                                            "demo_data",   "dependencies",         "uninstall"};

TEST(Suggest, EditDistance) {
  EXPECT_EQ(edit_distance("module", "module"), 0U);
  EXPECT_EQ(edit_distance("modul", "module"), 1U);
  EXPECT_EQ(edit_distance("mdoule", "module"), 1U);  // a swap counts once
  EXPECT_EQ(edit_distance("MODULE", "module"), 0U);
  EXPECT_EQ(edit_distance("", "abc"), 3U);
}

TEST(Suggest, CloseSpellings) {
  EXPECT_EQ(suggest("paramters", kTopLevel), "parameters");
  EXPECT_EQ(suggest("role", kTopLevel), "roles");
  EXPECT_EQ(suggest("Pum", kTopLevel), "pum");
  EXPECT_EQ(suggest("uninstal", kTopLevel), "uninstall");
}

TEST(Suggest, ShortenedKeys) {
  EXPECT_EQ(suggest("app", kTopLevel), "application");
  EXPECT_EQ(suggest("demo", kTopLevel), "demo_data");
  EXPECT_EQ(suggest("changelogs", kTopLevel), "changelogs_directory");
}

TEST(Suggest, NothingClose) {
  EXPECT_EQ(suggest("xyz", kTopLevel), std::nullopt);
  EXPECT_EQ(suggest("base", kTopLevel), std::nullopt);
  // "de" is too short to stand for demo_data or dependencies.
  EXPECT_EQ(suggest("de", kTopLevel), std::nullopt);
}

TEST(Suggest, Join) {
  EXPECT_EQ(join({"a", "b", "c"}), "a, b, c");
  EXPECT_EQ(join({}), "");
}

}  // namespace
}  // namespace pum::config
