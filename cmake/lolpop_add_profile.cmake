# lolpop_add_profile(<target> PROFILE <file.toml> [REGISTRY <file.toml>...] [SOURCES <file>...])
#
# Builds the profile binary <target>: lolpop-gen turns the profile into
# <binary dir>/<target>.gen/lolpop_profile.hpp (rewritten only when its content changes) and the
# binary composes the workflow that header names. REGISTRY adds the user's component registries to
# the built-in one; SOURCES adds the user's own sources (custom components). Relative paths are
# relative to the calling directory, whose source directory is also on the include path. The
# header of every registry entry the profile uses must be on the target's include path (its include
# directories, those of what it links, the compiler's): lolpop-gen says so at the registry's line.
#
# lolpop_target_profile(<target> PROFILE <file.toml> [REGISTRY <file.toml>...])
#
# Generates the same header for an existing target of the calling directory, for programs that
# use a profile's workflow without the profile binary's main() (tests, embedding).
#
# Works the same in lolpop's own build and from an installed package (find_package(lolpop)).

include_guard(GLOBAL)

# Captured now: the functions are global, but the variables of the including scope are not.
if(NOT DEFINED LOLPOP_REGISTRY)
  message(FATAL_ERROR "lolpop_add_profile.cmake: set LOLPOP_REGISTRY to the built-in registry.toml before including it")
endif()
set_property(GLOBAL PROPERTY lolpop_builtin_registry "${LOLPOP_REGISTRY}")
set_property(GLOBAL PROPERTY lolpop_profile_main "${CMAKE_CURRENT_LIST_DIR}/profile_main.cpp")

function(lolpop_target_profile target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "PROFILE" "REGISTRY")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "lolpop_target_profile(${target}): unexpected arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_PROFILE)
    message(FATAL_ERROR "lolpop_target_profile(${target}): PROFILE <file.toml> is required")
  endif()
  if(NOT TARGET lolpop::lolpop-gen)
    message(FATAL_ERROR "lolpop_target_profile(${target}): the generator lolpop::lolpop-gen is not defined; use find_package(lolpop)")
  endif()

  get_property(builtin GLOBAL PROPERTY lolpop_builtin_registry)
  set(registries "${builtin}")
  foreach(registry IN LISTS arg_REGISTRY)
    cmake_path(ABSOLUTE_PATH registry BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
    list(APPEND registries "${registry}")
  endforeach()
  set(registry_args "")
  foreach(registry IN LISTS registries)
    list(APPEND registry_args --registry "${registry}")
  endforeach()

  # The include path the header is compiled with, on which lolpop-gen looks up the header of each
  # registry entry the profile uses: the target's include directories (its own, and those of what
  # it links, lolpop's included) and the compiler's.
  set(includes "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  set(include_args "$<$<BOOL:${includes}>:--include-dir$<SEMICOLON>$<JOIN:${includes},$<SEMICOLON>--include-dir$<SEMICOLON>>>")
  set(implicit_args "")
  foreach(dir IN LISTS CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES)
    list(APPEND implicit_args --include-dir "${dir}")
  endforeach()

  set(profile_path "${arg_PROFILE}")
  cmake_path(ABSOLUTE_PATH profile_path BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
  set(gen_dir "${CMAKE_CURRENT_BINARY_DIR}/${target}.gen")
  set(header "${gen_dir}/lolpop_profile.hpp")
  set(stamp "${gen_dir}/lolpop_profile.stamp")
  set(depfile "${gen_dir}/lolpop_profile.d")

  # Ninja must find the stamp, as it names it, in the depfile; CMP0116 makes CMake rewrite the paths
  # in it accordingly, whatever cmake_minimum_required() the calling project declares.
  cmake_policy(PUSH)
  cmake_policy(SET CMP0116 NEW)
  # The profile is passed as the user wrote it (run from the calling source directory), so the
  # binary reports "profiles/dev.toml" rather than a path on the build machine. The header is only
  # a byproduct: it keeps its timestamp when unchanged, the stamp records that the check ran.
  add_custom_command(
    OUTPUT "${stamp}"
    BYPRODUCTS "${header}"
    COMMAND lolpop::lolpop-gen --profile "${arg_PROFILE}" ${registry_args}
            --output "${header}" --depfile "${depfile}" --stamp "${stamp}" "${include_args}" ${implicit_args}
    DEPENDS lolpop::lolpop-gen "${profile_path}" ${registries}
    DEPFILE "${depfile}"
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    COMMENT "lolpop-gen: ${arg_PROFILE} -> ${target}"
    COMMAND_EXPAND_LISTS
    VERBATIM)
  cmake_policy(POP)
  target_sources(${target} PRIVATE "${stamp}" "${header}")
  target_include_directories(${target} PRIVATE "${gen_dir}" "${CMAKE_CURRENT_SOURCE_DIR}")
endfunction()

function(lolpop_add_profile target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "PROFILE" "REGISTRY;SOURCES")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "lolpop_add_profile(${target}): unexpected arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  get_property(profile_main GLOBAL PROPERTY lolpop_profile_main)
  add_executable(${target} "${profile_main}" ${arg_SOURCES})
  lolpop_target_profile(${target} PROFILE "${arg_PROFILE}" REGISTRY ${arg_REGISTRY})
  target_link_libraries(${target} PRIVATE lolpop::lolpop)
endfunction()
