# Where pg_dump, pg_restore and psql are looked for first (ops/pg_program.cpp): the directory of
# the PostgreSQL client programs that match the libpq we build against (`pg_config --bindir`),
# with its major version, so that pum does not depend on PATH or on Debian's pg_wrapper.
# Override with -DPUM_PG_BINDIR=/path at configure time, or PUM_PG_BINDIR=/path at run time.
find_program(PUM_PG_CONFIG_EXECUTABLE pg_config)
set(_pum_bindir "")
set(_pum_major 0)
if(PUM_PG_CONFIG_EXECUTABLE)
  execute_process(COMMAND ${PUM_PG_CONFIG_EXECUTABLE} --bindir
                  OUTPUT_VARIABLE _pum_bindir OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE _pum_rc ERROR_QUIET)
  if(NOT _pum_rc EQUAL 0)
    set(_pum_bindir "")
  endif()
  execute_process(COMMAND ${PUM_PG_CONFIG_EXECUTABLE} --version
                  OUTPUT_VARIABLE _pum_version OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(_pum_version MATCHES "PostgreSQL ([0-9]+)")
    set(_pum_major ${CMAKE_MATCH_1})
  endif()
endif()
set(PUM_PG_BINDIR "${_pum_bindir}" CACHE PATH "Directory of pg_dump, pg_restore and psql")
set(PUM_PG_BINDIR_MAJOR "${_pum_major}" CACHE STRING
    "PostgreSQL major version of the programs in PUM_PG_BINDIR (0: unknown)")
target_compile_definitions(pum_ops PRIVATE
  PUM_BUILD_PG_BINDIR="${PUM_PG_BINDIR}" PUM_BUILD_PG_MAJOR=${PUM_PG_BINDIR_MAJOR})
