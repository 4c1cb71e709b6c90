# pum._native: the Python extension under pum 1.8's Python API (src/pum/python, python/pum).
# Built when Python hooks are (Debian's python3-dev) and pybind11 is found (pybind11-dev); it
# links the same static libraries as the binary, plus the plugin's sources (hooks run in the
# interpreter that imported pum). Output: <build>/pum-python/python/pum/_native<EXT_SUFFIX>, so
# that the build tree's package imports as an installed one does.
if(NOT TARGET pum_python_package)
  message(STATUS "Python API: disabled (no Python hooks in this build)")
  return()
endif()
# pybind11's FindPython must see Debian's interpreter, the one python3-psycopg belongs to.
if(NOT DEFINED Python_ROOT_DIR AND EXISTS /usr/bin/python3)
  set(Python_ROOT_DIR /usr)
endif()
set(PYBIND11_FINDPYTHON ON)
find_package(pybind11 CONFIG QUIET)
if(NOT pybind11_FOUND)
  message(STATUS "Python API: disabled (install pybind11-dev)")
  return()
endif()
message(STATUS "Python API: enabled (pybind11 ${pybind11_VERSION})")

# What src/pum/hooks/module.cmake gave the plugin (its sources, the interpreter's home, where the
# package is copied), read back from the plugin's target.
get_target_property(pum_python_plugin_sources pum_python_plugin SOURCES)
get_target_property(pum_python_plugin_definitions pum_python_plugin COMPILE_DEFINITIONS)
get_target_property(pum_python_dir pum_python_plugin LIBRARY_OUTPUT_DIRECTORY)

file(GLOB pum_python_api_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/pum/python/*.cpp)
pybind11_add_module(pum_native_extension MODULE ${pum_python_api_sources} ${pum_python_plugin_sources})
target_include_directories(pum_native_extension PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(pum_native_extension PRIVATE pum_check pum_ops pum_run pum_config pum_history
                                                   pum_db pum_ui ${CMAKE_DL_LIBS})
target_compile_definitions(pum_native_extension PRIVATE ${pum_python_plugin_definitions})
set_target_properties(pum_native_extension PROPERTIES
  OUTPUT_NAME _native
  LIBRARY_OUTPUT_DIRECTORY ${pum_python_dir}/python/pum)
# Built with ALL; the Python tests depend on it (tests/python).
