// The statements of the roles module: exact text, every name quoted.
#include "pum/roles/roles_sql.hpp"

#include <gtest/gtest.h>

#include "fixture.hpp"

namespace pum::roles::test {
namespace {

// One statement a line, to compare with a raw string.
std::string lines(const std::vector<std::string>& statements) {
  std::string out;
  for (const auto& statement : statements) out += statement + "\n";
  return out;
}

TEST(RolesSql, CreateCommentMembership) {
  const auto q = quoting();
  EXPECT_EQ(sql::create_role(q, "viewer", false),
            "CREATE ROLE \"viewer\" NOLOGIN NOSUPERUSER INHERIT NOCREATEDB NOCREATEROLE "
            "NOREPLICATION");
  EXPECT_EQ(sql::create_role(q, "Jean-Luc", true),
            "CREATE ROLE \"Jean-Luc\" LOGIN NOSUPERUSER INHERIT NOCREATEDB NOCREATEROLE "
            "NOREPLICATION");
  EXPECT_EQ(sql::comment_on_role(q, "Viewer-1", "It's read-only"),
            "COMMENT ON ROLE \"Viewer-1\" IS 'It''s read-only'");
  EXPECT_EQ(sql::comment_on_role(q, "v", "a\\b"), "COMMENT ON ROLE \"v\" IS  E'a\\\\b'");
  EXPECT_EQ(sql::grant_membership(q, "viewer", "user"), "GRANT \"viewer\" TO \"user\"");
  EXPECT_EQ(sql::revoke_membership(q, "viewer", "user"), "REVOKE \"viewer\" FROM \"user\"");
}

TEST(RolesSql, ReadPermission) {
  EXPECT_EQ(lines(sql::grant_permission(quoting(), config::PermissionType::read, "schéma",
                                        {"mood", "Pair Type"}, "Viewer-1")),
            R"(GRANT USAGE ON SCHEMA "schéma" TO "Viewer-1"
GRANT SELECT, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA "schéma" TO "Viewer-1"
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "schéma" TO "Viewer-1"
GRANT EXECUTE ON ALL ROUTINES IN SCHEMA "schéma" TO "Viewer-1"
GRANT USAGE ON TYPE "schéma"."mood", "schéma"."Pair Type" TO "Viewer-1"
ALTER DEFAULT PRIVILEGES IN SCHEMA "schéma" GRANT SELECT, REFERENCES, TRIGGER ON TABLES TO "Viewer-1"
ALTER DEFAULT PRIVILEGES IN SCHEMA "schéma" GRANT USAGE, SELECT ON SEQUENCES TO "Viewer-1"
ALTER DEFAULT PRIVILEGES IN SCHEMA "schéma" GRANT EXECUTE ON FUNCTIONS TO "Viewer-1"
ALTER DEFAULT PRIVILEGES IN SCHEMA "schéma" GRANT USAGE ON TYPES TO "Viewer-1"
)");
}

TEST(RolesSql, WritePermissionWithoutTypes) {
  EXPECT_EQ(lines(sql::grant_permission(quoting(), config::PermissionType::write, "od", {}, "u")),
            R"(GRANT ALL ON SCHEMA "od" TO "u"
GRANT ALL ON ALL TABLES IN SCHEMA "od" TO "u"
GRANT ALL ON ALL SEQUENCES IN SCHEMA "od" TO "u"
GRANT ALL ON ALL ROUTINES IN SCHEMA "od" TO "u"
ALTER DEFAULT PRIVILEGES IN SCHEMA "od" GRANT ALL ON TABLES TO "u"
ALTER DEFAULT PRIVILEGES IN SCHEMA "od" GRANT ALL ON SEQUENCES TO "u"
ALTER DEFAULT PRIVILEGES IN SCHEMA "od" GRANT ALL ON FUNCTIONS TO "u"
ALTER DEFAULT PRIVILEGES IN SCHEMA "od" GRANT ALL ON TYPES TO "u"
)");
}

TEST(RolesSql, RevokeAll) {
  EXPECT_EQ(lines(sql::revoke_all(quoting(), "od", {"t"}, "u")),
            R"(ALTER DEFAULT PRIVILEGES IN SCHEMA "od" REVOKE ALL ON TABLES FROM "u"
ALTER DEFAULT PRIVILEGES IN SCHEMA "od" REVOKE ALL ON SEQUENCES FROM "u"
ALTER DEFAULT PRIVILEGES IN SCHEMA "od" REVOKE ALL ON FUNCTIONS FROM "u"
ALTER DEFAULT PRIVILEGES IN SCHEMA "od" REVOKE ALL ON TYPES FROM "u"
REVOKE ALL ON ALL TABLES IN SCHEMA "od" FROM "u"
REVOKE ALL ON ALL SEQUENCES IN SCHEMA "od" FROM "u"
REVOKE ALL ON ALL ROUTINES IN SCHEMA "od" FROM "u"
REVOKE ALL ON TYPE "od"."t" FROM "u"
REVOKE ALL ON SCHEMA "od" FROM "u"
)");
}

TEST(RolesSql, DropAndOwned) {
  const auto q = quoting();
  EXPECT_EQ(sql::reassign_owned_to_current_user(q, "v"), "REASSIGN OWNED BY \"v\" TO CURRENT_USER");
  EXPECT_EQ(sql::drop_owned(q, "v"), "DROP OWNED BY \"v\"");
  EXPECT_EQ(sql::drop_role(q, "v"), "DROP ROLE \"v\"");
}

TEST(RolesSql, HostileNamesStayInsideTheirQuotes) {
  const std::string name = "x\"; DROP TABLE t; --";
  const std::string quoted = "\"x\"\"; DROP TABLE t; --\"";
  EXPECT_EQ(sql::drop_role(quoting(), name), "DROP ROLE " + quoted);
  const auto lines =
      sql::grant_permission(quoting(), config::PermissionType::read, name, {name}, name);
  EXPECT_EQ(lines.front(), "GRANT USAGE ON SCHEMA " + quoted + " TO " + quoted);
  EXPECT_EQ(lines[4], "GRANT USAGE ON TYPE " + quoted + "." + quoted + " TO " + quoted);
  EXPECT_EQ(sql::comment_on_role(quoting(), "r", "'); DROP TABLE t; --"),
            "COMMENT ON ROLE \"r\" IS '''); DROP TABLE t; --'");
}

TEST(RolesSql, CatalogQueriesTakeValuesAsParameters) {
  for (std::string_view query :
       {sql::role_query(), sql::schema_exists_query(), sql::schema_types_query(),
        sql::parents_query(), sql::login_members_query(), sql::existing_schemas_query(),
        sql::schema_usage_query()}) {
    EXPECT_NE(query.find("$1"), std::string_view::npos) << query;
  }
  EXPECT_NE(sql::access_query().find("$2"), std::string_view::npos);
}

}  // namespace
}  // namespace pum::roles::test
