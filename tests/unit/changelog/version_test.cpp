#include "pum/changelog/version.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pum {
namespace {

Version v(std::string_view text) { return Version::parse(text).value(); }

struct NormaliseCase {
  const char* input;
  const char* normalised;
};

// Expected values checked against Python's packaging.version.
TEST(Version, ParsesAndNormalises) {
  const std::vector<NormaliseCase> cases = {
      {"1.2.3", "1.2.3"},
      {"1.2", "1.2"},
      {"2025.0.1", "2025.0.1"},
      {"1", "1"},
      {"1.2.3.4", "1.2.3.4"},
      {"v1.2.3", "1.2.3"},
      {"V1.2.3", "1.2.3"},
      {" 1.2.3\n", "1.2.3"},
      {"1.02.3", "1.2.3"},
      {"01.00.000", "1.0.0"},
      {"1.0.0rc1", "1.0.0rc1"},
      {"1.0.0RC1", "1.0.0rc1"},
      {"1.0a", "1.0a0"},
      {"1.0.alpha.1", "1.0a1"},
      {"1.0-beta2", "1.0b2"},
      {"1.0c1", "1.0rc1"},
      {"1.0pre", "1.0rc0"},
      {"1.0.preview3", "1.0rc3"},
      {"1.0rc", "1.0rc0"},
      {"1.0a-1", "1.0a1"},
      {"1.0a.", "1.0a0"},
      {"1.0.0.post1", "1.0.0.post1"},
      {"1.0-1", "1.0.post1"},
      {"1.0r", "1.0.post0"},
      {"1.0rev2", "1.0.post2"},
      {"1.0.post", "1.0.post0"},
      {"1.0a1-1", "1.0a1.post1"},
      {"1.0.dev2", "1.0.dev2"},
      {"1.0-dev", "1.0.dev0"},
      {"1.0_dev_3", "1.0.dev3"},
      {"1.0a1-dev", "1.0a1.dev0"},
      {"1.0.post.dev", "1.0.post0.dev0"},
      {"1.0a1.post2.dev3", "1.0a1.post2.dev3"},
      {"1!2.0", "1!2.0"},
      {"01!02.03", "1!2.3"},
      {"0!1.2", "1.2"},
      {"v1!2.0", "1!2.0"},
      {"1.0+local", "1.0+local"},
      {"1.0+Ubuntu-1_02", "1.0+ubuntu.1.2"},
      {"1.0+01", "1.0+1"},
  };
  for (const auto& c : cases) {
    auto parsed = Version::parse(c.input);
    ASSERT_TRUE(parsed.has_value()) << c.input << ": " << parsed.error().message();
    EXPECT_EQ(parsed->str(), c.normalised) << c.input;
    // Normalising twice changes nothing.
    EXPECT_EQ(v(parsed->str()).str(), c.normalised) << c.input;
  }
}

TEST(Version, ExposesItsParts) {
  const Version x = v("2!1.02.3rc4.post5.dev6+abc.07");
  EXPECT_EQ(x.epoch(), 2U);
  EXPECT_EQ(x.release(), (std::vector<std::uint64_t>{1, 2, 3}));
  ASSERT_TRUE(x.pre().has_value());
  EXPECT_EQ(x.pre()->kind, Version::PreKind::rc);
  EXPECT_EQ(x.pre()->number, 4U);
  EXPECT_EQ(x.post(), 5U);
  EXPECT_EQ(x.dev(), 6U);
  EXPECT_EQ(x.local(), (std::vector<std::string>{"abc", "7"}));
  EXPECT_EQ(x.str(), "2!1.2.3rc4.post5.dev6+abc.7");
}

TEST(Version, DefaultIsZero) {
  EXPECT_EQ(Version().str(), "0");
  EXPECT_EQ(Version(), v("0.0.0"));
}

struct InvalidCase {
  const char* input;
  const char* message;
};

TEST(Version, RejectsInvalidInputWithExactMessages) {
  const std::vector<InvalidCase> cases = {
      {"", "invalid version '': it is empty; a version looks like 1.2.3 (PEP 440)"},
      {"   ", "invalid version '   ': it is empty; a version looks like 1.2.3 (PEP 440)"},
      {"foo",
       "invalid version 'foo': it must start with a number; a version looks like 1.2.3 (PEP 440)"},
      {"v",
       "invalid version 'v': it must start with a number; a version looks like 1.2.3 (PEP 440)"},
      {".1",
       "invalid version '.1': it must start with a number; a version looks like 1.2.3 (PEP 440)"},
      {"-1",
       "invalid version '-1': it must start with a number; a version looks like 1.2.3 (PEP 440)"},
      {"1.2.x", "invalid version '1.2.x': unexpected '.x'; a version looks like 1.2.3 (PEP 440)"},
      {"1..2", "invalid version '1..2': unexpected '..2'; a version looks like 1.2.3 (PEP 440)"},
      {"1.2.", "invalid version '1.2.': unexpected '.'; a version looks like 1.2.3 (PEP 440)"},
      {"1.0-", "invalid version '1.0-': unexpected '-'; a version looks like 1.2.3 (PEP 440)"},
      {"1.0+", "invalid version '1.0+': unexpected '+'; a version looks like 1.2.3 (PEP 440)"},
      {"1.0+a.", "invalid version '1.0+a.': unexpected '.'; a version looks like 1.2.3 (PEP 440)"},
      {"1.0+a..b",
       "invalid version '1.0+a..b': unexpected '..b'; a version looks like 1.2.3 (PEP 440)"},
      {"1.0prev",
       "invalid version '1.0prev': unexpected 'v'; a version looks like 1.2.3 (PEP 440)"},
      {"1.2 3", "invalid version '1.2 3': unexpected ' 3'; a version looks like 1.2.3 (PEP 440)"},
      {"1!",
       "invalid version '1!': a number must follow the epoch 'N!'; a version looks like 1.2.3 "
       "(PEP 440)"},
      {"1.99999999999999999999",
       "invalid version '1.99999999999999999999': the number 99999999999999999999 is too large; a "
       "version looks like 1.2.3 (PEP 440)"},
  };
  for (const auto& c : cases) {
    auto parsed = Version::parse(c.input);
    ASSERT_FALSE(parsed.has_value()) << c.input << " parsed as " << parsed->str();
    EXPECT_EQ(parsed.error().message(), c.message);
  }
}

TEST(Version, LargestNumberStillParses) {
  EXPECT_EQ(v("18446744073709551615.0").str(), "18446744073709551615.0");
}

TEST(Version, ValueThrowsTheParseError) {
  try {
    (void)Version::parse("nope").value();
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(),
              "invalid version 'nope': it must start with a number; a version looks like 1.2.3 "
              "(PEP 440)");
  }
}

TEST(Version, ReleaseComparesNumerically) {
  EXPECT_LT(v("1.9"), v("1.10"));
  EXPECT_LT(v("1.9.0"), v("1.10.0"));
  EXPECT_LT(v("1.2.9"), v("1.2.10"));
  EXPECT_LT(v("2.0"), v("10.0"));
  EXPECT_GT(v("1.10.0"), v("1.9.99"));
  EXPECT_LT(v("1.2.3"), v("1.2.3.1"));
}

TEST(Version, TrailingZerosAreIgnored) {
  EXPECT_EQ(v("1.2"), v("1.2.0"));
  EXPECT_EQ(v("1.2"), v("1.2.0.0"));
  EXPECT_EQ(v("1"), v("1.0.0"));
  EXPECT_EQ(v("1.02.3"), v("1.2.3"));
  EXPECT_EQ(v("v1.2.3"), v("1.2.3"));
  EXPECT_TRUE(std::is_eq(v("1.2") <=> v("1.2.0")));
  EXPECT_FALSE(v("1.2") < v("1.2.0"));
  EXPECT_FALSE(v("1.2.0") < v("1.2"));
  EXPECT_NE(v("1.2"), v("1.2.1"));
}

// dev < a < b < rc < final < post, as packaging sorts them (checked with packaging.version).
TEST(Version, PreAndPostReleasesOrderAsPep440) {
  const std::vector<std::string> ascending = {
      "0.9",        "1.0.dev1",    "1.0a1.dev1", "1.0a1",    "1.0a1.post1",
      "1.0a2.dev0", "1.0a2",       "1.0b1",      "1.0rc1",   "1.0rc2",
      "1.0",        "1.0+abc",     "1.0+abc.1",  "1.0+1",    "1.0.post1.dev1",
      "1.0.post1",  "1.0.post1+x", "1.0.post2",  "1.1.dev0", "1.1",
      "1.9",        "1.10",        "2.0.dev0",   "2.0",      "1!0.1",
  };
  for (std::size_t i = 0; i < ascending.size(); ++i) {
    for (std::size_t j = 0; j < ascending.size(); ++j) {
      const Version a = v(ascending[i]);
      const Version b = v(ascending[j]);
      EXPECT_EQ(a < b, i < j) << ascending[i] << " < " << ascending[j];
      EXPECT_EQ(a == b, i == j) << ascending[i] << " == " << ascending[j];
      EXPECT_EQ(a > b, i > j) << ascending[i] << " > " << ascending[j];
    }
  }
}

TEST(Version, SpellingsOfTheSameVersionAreEqual) {
  EXPECT_EQ(v("1.0alpha1"), v("1.0a1"));
  EXPECT_EQ(v("1.0-c1"), v("1.0rc1"));
  EXPECT_EQ(v("1.0-1"), v("1.0.post1"));
  EXPECT_EQ(v("1.0+ABC"), v("1.0+abc"));
  EXPECT_EQ(v("1.0+01"), v("1.0+1"));
  EXPECT_EQ(v("0!1.0"), v("1.0"));
}

TEST(Version, PlainReleaseIsXYorXYZ) {
  EXPECT_TRUE(v("1.2").is_plain_release());
  EXPECT_TRUE(v("1.2.3").is_plain_release());
  EXPECT_TRUE(v("v1.2.3").is_plain_release());
  EXPECT_TRUE(v("1.02.3").is_plain_release());
  EXPECT_TRUE(v("2025.0.1").is_plain_release());
  EXPECT_TRUE(v("0!1.2").is_plain_release());  // normalises to 1.2
  EXPECT_FALSE(v("1").is_plain_release());
  EXPECT_FALSE(v("1.2.3.4").is_plain_release());
  EXPECT_FALSE(v("1.0.0rc1").is_plain_release());
  EXPECT_FALSE(v("1.0.0.post1").is_plain_release());
  EXPECT_FALSE(v("1.0.dev2").is_plain_release());
  EXPECT_FALSE(v("1!2.0").is_plain_release());
  EXPECT_FALSE(v("1.0+local").is_plain_release());
}

}  // namespace
}  // namespace pum
