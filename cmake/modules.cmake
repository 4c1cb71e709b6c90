# pum_module(NAME DEPS ...): builds src/pum/NAME/*.cpp into the static library pum_NAME.
# A folder without .cpp files becomes an INTERFACE library (headers only).
# Includes are rooted at src/: #include "pum/sql/lexer.hpp".
function(pum_module name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/pum/${name}/*.cpp)
  if(sources)
    add_library(pum_${name} STATIC ${sources})
    target_include_directories(pum_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(pum_${name} PUBLIC ${ARG_DEPS})
  else()
    add_library(pum_${name} INTERFACE)
    target_include_directories(pum_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(pum_${name} INTERFACE ${ARG_DEPS})
  endif()
  # A module may add its own build logic (optional dependencies, generated files).
  if(EXISTS ${PROJECT_SOURCE_DIR}/src/pum/${name}/module.cmake)
    include(${PROJECT_SOURCE_DIR}/src/pum/${name}/module.cmake)
  endif()
endfunction()

# pum_unit_tests(NAME DEPS ...): tests/unit/NAME/*.cpp into the GoogleTest binary unit_NAME.
function(pum_unit_tests name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/unit/${name}/*.cpp)
  if(sources)
    add_executable(unit_${name} ${sources})
    target_link_libraries(unit_${name} PRIVATE ${ARG_DEPS} GTest::gtest_main)
    target_compile_definitions(unit_${name} PRIVATE
      PUM_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/unit/${name}/data")
    gtest_discover_tests(unit_${name} DISCOVERY_TIMEOUT 30)
  endif()
endfunction()
