#pragma once
// pum 0.x's command line (the delta-file pum: pum baseline/info/upgrade -p SERVICE -t TABLE
// -d DIR ...), beside pum 1.x's. See docs/layout-pum0x.md.

namespace pum::cli {

// Whether argv is a pum 0.x command line rather than a pum 1.x one. True when
//   - any argument is an option only pum 0.x has: --pg_service, --pg_service1, --pg_service2,
//     --pg_service_prod, --pg_service_test, --pg_service_comp, --table, --var, --verbose_level
//     (also written --name=value), -t, -p1, -p2, -pp, -pt, -pc; or
//   - the command (the first argument that is not an option or the value of -c/--config_file) is
//     test-and-upgrade; or
//   - the command is baseline, info, upgrade, check, dump or restore, no -p/--pg-connection comes
//     before it (pum 1.x requires it there) and a -p follows it (pum 0.x's -p/--pg_service).
// Anything else is pum 1.x's, including `pum -v` (pum 0.x: print the version; pum 1.x: verbose)
// and `pum upgrade --help`.
bool looks_like_pum0x(int argc, char** argv);

// Parses and runs a pum 0.x command line; returns the exit code (0, 1 on failure, 2 on a usage
// error). Implements baseline, info, upgrade and rollback; check, dump and restore are handed to
// pum 1.x's commands (cli::run) on the same services; test-and-upgrade chains dump, restore,
// upgrade and check, asks, then upgrades production.
int run_pum0x(int argc, char** argv);

}  // namespace pum::cli
