# One folder = one library. Sources are discovered (CONFIGURE_DEPENDS re-globs on every build),
# so adding a file to a folder needs no edit of a shared list.

set(OVBENCH_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)

function(ovbench_set_warnings target)
  target_compile_options(${target} PRIVATE ${OVBENCH_WARNINGS})
  # The references compute in plain IEEE double without fused multiply-add; contraction (gcc's
  # default, active with -march=native or on aarch64) breaks bit identity with them.
  target_compile_options(${target} PRIVATE -ffp-contract=off)
  if(OVBENCH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(OVBENCH_NATIVE)
    target_compile_options(${target} PRIVATE -march=native)
  endif()
endfunction()

# ovbench_library(NAME <target> [DEPS <libs...>])
# Builds every *.cpp under the calling folder (recursively) into a static library whose public
# include root is the repository root, so headers are included as "metrics/coco_evaluator.h".
function(ovbench_library)
  cmake_parse_arguments(ARG "" "NAME" "DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  file(GLOB_RECURSE headers CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
  add_library(${ARG_NAME} STATIC ${sources} ${headers})
  target_include_directories(${ARG_NAME} PUBLIC ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/generated)
  target_link_libraries(${ARG_NAME} PUBLIC ${ARG_DEPS})
  ovbench_set_warnings(${ARG_NAME})
endfunction()

# ovbench_test_suite(NAME <target> DIR <folder under tests/> DEPS <libs...>)
# One GoogleTest executable per tests/ sub-folder; every TEST becomes its own ctest entry so
# `ctest -j` spreads them over the cores. Tests find the built `ovbench` and torch plugin
# through the OVBENCH_TEST_EXE and OVBENCH_TEST_TORCH_PLUGIN definitions.
function(ovbench_test_suite)
  cmake_parse_arguments(ARG "" "NAME;DIR" "DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${ARG_DIR}/*.cpp)
  if(NOT sources)
    return()
  endif()
  add_executable(${ARG_NAME} ${sources})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${ARG_NAME} PRIVATE
      OVBENCH_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
      OVBENCH_BINARY_DIR="${PROJECT_BINARY_DIR}"
      OVBENCH_TEST_EXE="$<TARGET_FILE:ovbench>"
      OVBENCH_TEST_TORCH_PLUGIN="$<TARGET_FILE:ovbench_torch>")
  ovbench_set_warnings(${ARG_NAME})
  include(GoogleTest)
  gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60)
endfunction()
