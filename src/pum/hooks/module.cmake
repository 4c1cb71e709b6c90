# Python hooks (included by pum_module(hooks ...) right after pum_hooks is created).
#
# With Python's development files, pum gets:
#   - pum_python_plugin: pum_python.so, the only object linked with libpython. pum dlopen()s it on
#     the first Python hook, so that SQL-only runs never load libpython (src/pum/hooks/embed/);
#   - pum_python_package: the `pum` Python package hooks import (python/pum), copied beside it;
#   - python_runtime.cpp, python_hook.cpp and lifecycle_python.cpp in pum_hooks
#     (python_unavailable.cpp left out).
# Without them, python_unavailable.cpp refuses .py hooks with a clear message.
#
# Layout, found from the binary's own path (/proc/self/exe), never from the environment:
#   build tree: <build>/pum             <build>/pum-python/pum_python.so   <build>/pum-python/python/
#   installed:  <prefix>/bin/pum        <prefix>/<libdir>/pum/pum_python.so
#               <prefix>/lib/python3/dist-packages/pum (paths set in cmake/packaging.cmake)

# Debian's Python (python3-dev) over whatever comes first in PATH (pyenv shims, virtualenvs): the
# interpreter we embed must be the one whose dist-packages hold python3-psycopg.
if(NOT DEFINED Python3_ROOT_DIR AND EXISTS /usr/bin/python3)
  set(Python3_ROOT_DIR /usr)
endif()
set(Python3_FIND_VIRTUALENV STANDARD)
find_package(Python3 COMPONENTS Development.Embed)

set(pum_hooks_dir ${PROJECT_SOURCE_DIR}/src/pum/hooks)
# Built into pum_hooks only with Python; pure helpers (dependencies, errors) are always built.
set(pum_hooks_python_sources ${pum_hooks_dir}/python_runtime.cpp ${pum_hooks_dir}/python_hook.cpp
                             ${pum_hooks_dir}/lifecycle_python.cpp)

if(Python3_Development.Embed_FOUND)
  message(STATUS "Python hooks: enabled (Python ${Python3_VERSION}, ${Python3_LIBRARIES})")
  set_source_files_properties(${pum_hooks_dir}/python_unavailable.cpp PROPERTIES HEADER_FILE_ONLY ON)
  target_link_libraries(pum_hooks PRIVATE ${CMAKE_DL_LIBS})

  set(pum_python_dir ${CMAKE_BINARY_DIR}/pum-python)
  # The interpreter's prefix (<prefix>/include/pythonX.Y holds Python.h): given to Python as its
  # home, so that it never guesses it from PATH.
  list(GET Python3_INCLUDE_DIRS 0 pum_python_include)
  get_filename_component(pum_python_home ${pum_python_include} DIRECTORY)
  get_filename_component(pum_python_home ${pum_python_home} DIRECTORY)

  file(GLOB pum_python_plugin_sources CONFIGURE_DEPENDS ${pum_hooks_dir}/embed/*.cpp)
  add_library(pum_python_plugin MODULE ${pum_python_plugin_sources})
  target_include_directories(pum_python_plugin PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(pum_python_plugin PRIVATE Python3::Python ${CMAKE_DL_LIBS})
  target_compile_definitions(pum_python_plugin PRIVATE
    PUM_PYTHON_HOME="${pum_python_home}"
    PUM_PYTHON_VERSION_DIR="python${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}")
  set_target_properties(pum_python_plugin PROPERTIES
    OUTPUT_NAME pum_python
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${pum_python_dir})

  # The `pum` package, copied (not linked) so that the build tree works like an installation.
  file(GLOB_RECURSE pum_python_package_files CONFIGURE_DEPENDS
    RELATIVE ${PROJECT_SOURCE_DIR}/python ${PROJECT_SOURCE_DIR}/python/pum/*.py)
  set(pum_python_package_outputs)
  foreach(file IN LISTS pum_python_package_files)
    add_custom_command(
      OUTPUT ${pum_python_dir}/python/${file}
      COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/python/${file}
              ${pum_python_dir}/python/${file}
      DEPENDS ${PROJECT_SOURCE_DIR}/python/${file}
      COMMENT "Copying python/${file}"
      VERBATIM)
    list(APPEND pum_python_package_outputs ${pum_python_dir}/python/${file})
  endforeach()
  add_custom_target(pum_python_package ALL DEPENDS ${pum_python_package_outputs})

  # Whatever links pum_hooks (pum, the test binaries) gets the plugin and the package built.
  add_dependencies(pum_hooks pum_python_plugin pum_python_package)
  # Installed by cmake/packaging.cmake.
else()
  message(STATUS "Python hooks: disabled (no Python 3 development files; install python3-dev)")
  set_source_files_properties(${pum_hooks_python_sources} PROPERTIES HEADER_FILE_ONLY ON)
endif()
