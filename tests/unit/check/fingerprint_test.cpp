#include "pum/check/fingerprint.hpp"

#include <gtest/gtest.h>

namespace pum::check {
namespace {

TEST(TreeFingerprint, DropsLocationsAndNamesTheReferencedObjects) {
  TreeReferences refs;
  refs.objects = {{16390, "shop.orders"}, {16400, "shop.f(integer)"}};
  refs.columns = {"shop.orders#2=amount"};
  std::string a = tree_fingerprint(
      "{QUERY :rtable ({RTE :relid 16390 :relkind r}) :quals {FUNCEXPR :funcid 16400 :args "
      "({VAR :varno 1 :varattno 2 :vartype 1700 :location 74}) :location -1}}",
      refs);
  EXPECT_EQ(a,
            "{QUERY :rtable ({RTE :relid @shop.orders :relkind r}) :quals {FUNCEXPR :funcid "
            "@shop.f(integer) :args ({VAR :varno 1 :varattno 2 :vartype 1700})}}"
            "\x1e\x1fshop.f(integer)\x1fshop.orders\x1e\x1fshop.orders#2=amount");
}

TEST(TreeFingerprint, SameStructureWithOtherOidsGivesTheSameFingerprint) {
  TreeReferences first{{{16390, "s.t"}}, {"s.t#1=a"}};
  TreeReferences second{{{31000, "s.t"}}, {"s.t#1=a"}};
  EXPECT_EQ(tree_fingerprint("{RTE :relid 16390 :location 5}", first),
            tree_fingerprint("{RTE :relid 31000 :location 9}", second));
}

TEST(TreeFingerprint, ARenamedColumnOrAnotherReferencedObjectChangesIt) {
  TreeReferences before{{{16390, "s.t"}}, {"s.t#1=a"}};
  TreeReferences renamed{{{16390, "s.t"}}, {"s.t#1=b"}};
  TreeReferences other{{{16390, "s.u"}}, {"s.u#1=a"}};
  std::string tree = "{RTE :relid 16390}";
  EXPECT_NE(tree_fingerprint(tree, before), tree_fingerprint(tree, renamed));
  EXPECT_NE(tree_fingerprint(tree, before), tree_fingerprint(tree, other));
  // An OID hidden in a constant's bytes is not replaced, but the referenced object's name is
  // part of the fingerprint all the same.
  std::string constant = "{CONST :consttype 2205 :constvalue 4 [ 6 64 0 0 ]}";
  EXPECT_NE(tree_fingerprint(constant, {{{16390, "s.t"}}, {}}),
            tree_fingerprint(constant, {{{16390, "s.u"}}, {}}));
}

TEST(TreeFingerprint, OnlyWholeNumbersAreReplaced) {
  TreeReferences refs{{{12, "X"}}, {}};
  EXPECT_EQ(tree_fingerprint(":aliasname t_12 :x 12 :y 120 :z (12)", refs),
            ":aliasname t_12 :x @X :y 120 :z (@X)\x1e\x1fX\x1e");
}

TEST(MakeFingerprint, IsMarkedAndJoined) {
  EXPECT_EQ(make_fingerprint({"a", "b"}),
            "\x01"
            "a\x1f"
            "b");
  EXPECT_TRUE(fingerprints_supported(150004));
  EXPECT_FALSE(fingerprints_supported(110000));
  EXPECT_FALSE(fingerprints_supported(190000));
}

}  // namespace
}  // namespace pum::check
