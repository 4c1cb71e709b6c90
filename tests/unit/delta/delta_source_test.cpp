#include "pum/delta/delta_source.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "pum/util/error.hpp"

namespace fs = std::filesystem;

namespace pum::delta {
namespace {

class DeltaSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ =
        fs::temp_directory_path() /
        ("pum_delta_source_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    previous_ = fs::current_path();
    fs::current_path(root_);
  }
  void TearDown() override {
    fs::current_path(previous_);
    fs::remove_all(root_);
  }
  static void write(const std::string& path, const std::string& content = "SELECT 1;\n") {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << content;
  }
  static std::vector<std::string> labels(const std::vector<Migration>& ms) {
    std::vector<std::string> out;
    for (const auto& m : ms) out.push_back(m.display);
    return out;
  }

  fs::path root_;
  fs::path previous_;
};

TEST_F(DeltaSourceTest, OrderWithinADirectory) {
  for (const char* f :
       {"delta_0.15.2_001_x.sql", "delta_0.8.1_001_y.sql", "delta_1.0.0_b.sql",
        "delta_1.0.0_a.post.sql", "delta_1.0.0_z.pre.sql", "delta_1.0.0_a.sql", "delta_1.0.0_a.py",
        "delta_1.0.0_a.pre.py", "pre-all.sql", "README.md", "delta_1.0.0_c.sql.bak"}) {
    write(std::string("d/") + f);
  }
  fs::create_directories("d/delta_9.9.9_dir.sql");  // a directory: ignored
  DeltaSource source({"d"});
  const auto ms = source.list();
  // Versions compare as versions (pum 0.x's current version compared text: 0.8.1 > 0.15.2).
  EXPECT_EQ(labels(ms),
            (std::vector<std::string>{"d/delta_0.8.1_001_y.sql", "d/delta_0.15.2_001_x.sql",
                                      "d/delta_1.0.0_a.pre.py", "d/delta_1.0.0_z.pre.sql",
                                      "d/delta_1.0.0_a.py", "d/delta_1.0.0_a.sql",
                                      "d/delta_1.0.0_b.sql", "d/delta_1.0.0_a.post.sql"}));
  EXPECT_EQ(ms[0].key, "0.8.1|001_y|8");
  EXPECT_EQ(ms[2].key, "1.0.0|a|5");
  EXPECT_EQ(ms[2].kind, "pre.py");
  EXPECT_EQ(ms[2].name, "a");
  EXPECT_EQ(ms[2].label, "delta_1.0.0_a.pre.py");
  EXPECT_FALSE(ms[0].listed);
}

TEST_F(DeltaSourceTest, SeveralDirectoriesOneAfterTheOther) {
  write("a/delta_2.0.0_x.sql");
  write("b/delta_1.0.0_y.sql");
  write("b/delta_3.0.0_z.sql");
  DeltaSource source({"a/", "b"});
  EXPECT_EQ(labels(source.list()),
            (std::vector<std::string>{"a/delta_2.0.0_x.sql", "b/delta_1.0.0_y.sql",
                                      "b/delta_3.0.0_z.sql"}));
}

TEST_F(DeltaSourceTest, ReadComputesTheMd5OfTheBytes) {
  write("d/delta_1.0.0_x.sql", "SELECT 1;\r\n");
  write("d/delta_1.0.0_y.py", "");
  DeltaSource source({"d"});
  auto ms = source.list();
  source.read(ms[0]);
  ASSERT_EQ(ms[0].files.size(), 1U);
  EXPECT_TRUE(ms[0].listed);
  EXPECT_EQ(ms[0].files[0].display, "d/delta_1.0.0_x.sql");
  EXPECT_TRUE(ms[0].files[0].path.is_absolute());
  EXPECT_FALSE(ms[0].files[0].python);
  EXPECT_EQ(ms[0].checksum, md5_hex("SELECT 1;\r\n"));
  source.read(ms[1]);
  EXPECT_TRUE(ms[1].files[0].python);
  EXPECT_EQ(ms[1].checksum, "d41d8cd98f00b204e9800998ecf8427e");
}

TEST(Md5, KnownDigests) {
  EXPECT_EQ(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5_hex("The quick brown fox jumps over the lazy dog"),
            "9e107d9d372bb6826bd81d3542a419d6");
}

TEST(JoinDisplay, AsOsPathJoin) {
  EXPECT_EQ(join_display("d", "x.sql"), "d/x.sql");
  EXPECT_EQ(join_display("d/", "x.sql"), "d/x.sql");
  EXPECT_EQ(join_display("/abs/d", "x.sql"), "/abs/d/x.sql");
}

TEST_F(DeltaSourceTest, TheSameKeyTwiceIsRefused) {
  write("a/delta_1.0.0_x.sql");
  write("b/delta_1.0.0_x.sql");
  DeltaSource source({"a", "b"});
  try {
    source.list();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(),
              "a/delta_1.0.0_x.sql and b/delta_1.0.0_x.sql are the same delta (version 1.0.0, "
              "name 'x', type sql)");
  }
}

TEST_F(DeltaSourceTest, MissingDirectory) {
  DeltaSource source({"nope"});
  try {
    source.list();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "delta directory nope does not exist");
  }
}

TEST_F(DeltaSourceTest, EmptyIsNotAnError) {
  fs::create_directories("d");
  DeltaSource source({"d"});
  EXPECT_TRUE(source.list().empty());
}

TEST_F(DeltaSourceTest, PreAllAndPostAll) {
  for (const char* f : {"a/pre-all.sql", "a/pre-all.py", "a/post-all.sql", "b/pre-all.sql",
                        "b/post-all.py", "b/post-all.sql"}) {
    write(f);
  }
  DeltaSource source({"a", "b"});
  std::vector<std::string> pre;
  for (const auto& s : source.pre_all()) pre.push_back(s.display);
  EXPECT_EQ(pre, (std::vector<std::string>{"b/pre-all.sql", "a/pre-all.py", "a/pre-all.sql"}));
  std::vector<std::string> post;
  for (const auto& s : source.post_all()) post.push_back(s.display);
  EXPECT_EQ(post, (std::vector<std::string>{"a/post-all.sql", "b/post-all.py", "b/post-all.sql"}));
  EXPECT_TRUE(source.post_all()[1].python);
}

}  // namespace
}  // namespace pum::delta
