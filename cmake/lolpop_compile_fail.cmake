# lolpop_compile_fail_test(<name> PROFILE <file.toml> | SOURCE <file.cpp>
#                          [INCLUDE_DIRECTORIES <dir>...] [TARGET <target>])
#
# Adds the CTest test <name>: a mistake that must not build, with the diagnostic it must give and
# a twin that must build. The case file says what to expect in comments ("#" in a profile, "//"
# in C++), read by lolpop_compile_fail_check.cmake (see there):
#
#   first-error: <regex>   a line of the first error (the first "error:" line and its context:
#                          the lines before it with GCC, the notes after it with clang)
#   expect: <regex>        a line of the whole diagnostic
#   first-error-gcc: <regex>, first-error-clang: <regex>, expect-gcc: <regex>, expect-clang:
#                          <regex>   the same, for that compiler only (its own wording)
#   max-lines: <n>         the diagnostic's budget in lines (default 30)
#   max-lines-gcc: <n>, max-lines-clang: <n>   that compiler's budget, in place of max-lines
#   registry: <file.toml>  (profiles) a user registry, relative to the calling source directory
#   <line>  # fix: <text>  (profiles and registries) the twin has <text> in place of that line
#
# PROFILE goes through lolpop-gen and then the compiler, on the generated header and the profile
# binary's main(), as lolpop_add_profile() builds it; the profile is relative to the calling
# source directory, which is on the include path (user components). SOURCE is a C++ file
# compiled alone. The twin of either is compiled with LOLPOP_FIX defined. Compiling stops at
# -fsyntax-only: the errors are the same, and the suite stays fast. TARGET (default lolpop::lolpop)
# gives the include directories and definitions the compiler gets.

include_guard(GLOBAL)

set_property(GLOBAL PROPERTY lolpop_compile_fail_check "${CMAKE_CURRENT_LIST_DIR}/lolpop_compile_fail_check.cmake")

function(lolpop_compile_fail_test name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "PROFILE;SOURCE;TARGET" "INCLUDE_DIRECTORIES")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "lolpop_compile_fail_test(${name}): unexpected arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if((arg_PROFILE AND arg_SOURCE) OR (NOT arg_PROFILE AND NOT arg_SOURCE))
    message(FATAL_ERROR "lolpop_compile_fail_test(${name}): give exactly one of PROFILE <file.toml> and SOURCE <file.cpp>")
  endif()
  if(NOT arg_TARGET)
    set(arg_TARGET lolpop::lolpop)
  endif()
  get_target_property(aliased ${arg_TARGET} ALIASED_TARGET)
  if(aliased)
    set(arg_TARGET ${aliased})
  endif()

  get_property(check GLOBAL PROPERTY lolpop_compile_fail_check)
  # "|" separates the items of a list here: add_test() would split ";" into arguments.
  string(JOIN "|" includes "${CMAKE_CURRENT_SOURCE_DIR}" ${arg_INCLUDE_DIRECTORIES})
  string(JOIN "|" implicit ${CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES})
  set(standard "${CMAKE_CXX20_STANDARD_COMPILE_OPTION}")
  if(NOT standard)
    set(standard "-std=c++20")
  endif()
  set(args "-DCXX=${CMAKE_CXX_COMPILER}" "-DCOMPILER_ID=${CMAKE_CXX_COMPILER_ID}" "-DSTANDARD=${standard}"
           "-DINCLUDES=${includes}|$<JOIN:$<TARGET_PROPERTY:${arg_TARGET},INTERFACE_INCLUDE_DIRECTORIES>,|>"
           "-DIMPLICIT=${implicit}"
           "-DDEFINES=$<JOIN:$<TARGET_PROPERTY:${arg_TARGET},INTERFACE_COMPILE_DEFINITIONS>,|>"
           "-DSOURCE_DIR=${CMAKE_CURRENT_SOURCE_DIR}" "-DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/${name}.work")
  if(arg_PROFILE)
    if(NOT TARGET lolpop::lolpop-gen)
      message(FATAL_ERROR "lolpop_compile_fail_test(${name}): the generator lolpop::lolpop-gen is not defined")
    endif()
    get_property(registry GLOBAL PROPERTY lolpop_builtin_registry)
    get_property(profile_main GLOBAL PROPERTY lolpop_profile_main)
    list(APPEND args "-DCASE=${arg_PROFILE}" "-DGENERATOR=$<TARGET_FILE:lolpop::lolpop-gen>"
                     "-DREGISTRY=${registry}" "-DMAIN=${profile_main}")
  else()
    list(APPEND args "-DCASE=${arg_SOURCE}")
  endif()
  add_test(NAME ${name} COMMAND "${CMAKE_COMMAND}" ${args} -P "${check}"
           WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}")
  set_tests_properties(${name} PROPERTIES LABELS compile_fail)
endfunction()
