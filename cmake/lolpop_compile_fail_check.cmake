# Runs one compile-fail case; used as `cmake -P` by lolpop_compile_fail_test() (see there for the
# comments a case file holds).
#
#   -DCASE=<file>          a profile (with -DGENERATOR) or a C++ source, relative to SOURCE_DIR
#   -DSOURCE_DIR=<dir>     where the case lives; the working directory and on the include path
#   -DWORK_DIR=<dir>       scratch space for generated headers and the twin
#   -DCXX=<compiler> -DSTANDARD=<flag> -DINCLUDES=<a|b|...> -DDEFINES=<a|b|...>
#   -DIMPLICIT=<a|b|...>   the compiler's own include directories, left out of INCLUDES
#   -DGENERATOR=<lolpop-gen> -DREGISTRY=<built-in registry.toml> -DMAIN=<profile_main.cpp>
#   -DCOMPILER_ID=<id>     CMAKE_CXX_COMPILER_ID: GNU reads the "-gcc" forms, Clang the "-clang" ones
#
# The case must fail: lolpop-gen exits with 1, or else the compiler rejects the code. What either
# printed is the diagnostic; it must match the case's regexes and fit its budget. Then the twin
# (the fixed case) must go through both without a word.
#
# The first error is the first "error:" line with its context. GCC prints the context before it
# ("In instantiation of ...", "required from here"): the first error is every line up to and
# including that line. Clang prints it after, as notes ("in instantiation of ... requested
# here"): there the first error runs on to the line before the next error or warning. The budget
# counts every line printed but clang's closing tally ("2 errors generated."), which belongs to
# no error.
#
# What the diagnostic was is kept in WORK_DIR: diagnostic.txt (as printed) and result.txt (one
# line: "<stage> <lines> <budget> <passed|failed: kinds>"), which tools/compile-fail-lines reads.
cmake_minimum_required(VERSION 3.25)

foreach(var CASE SOURCE_DIR WORK_DIR CXX STANDARD)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "lolpop_compile_fail_check.cmake: -D${var}=... is required")
  endif()
endforeach()
if(COMPILER_ID STREQUAL "GNU")
  set(compiler gcc)
elseif(COMPILER_ID MATCHES "Clang$")
  set(compiler clang)
else()
  string(TOLOWER "${COMPILER_ID}" compiler)
endif()
if(DEFINED GENERATOR)
  set(kind profile)
  set(comment "#")
else()
  set(kind source)
  set(comment "//")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# `what` is one word for the kind of failure, printed on a line of its own (the error's text is
# wrapped), so that a test of this script can tell the kinds apart.
set(failures "")
function(check_failed what text)
  message(STATUS "compile-fail check failed: ${what}")
  message(SEND_ERROR "${CASE}: ${text}")
  set(failures ${failures} ${what} PARENT_SCOPE)
endfunction()

include("${CMAKE_CURRENT_LIST_DIR}/lolpop_split_lines.cmake")

# The case's own comments: what to expect, and the registries it adds. "first-error-<compiler>:"
# and "expect-<compiler>:" (gcc, clang) hold for that compiler only, besides the plain forms;
# "max-lines-<compiler>:" replaces "max-lines:" for that compiler.
file(READ "${SOURCE_DIR}/${CASE}" case_text)
split_lines(case "${case_text}")
set(first_errors "")
set(expects "")
set(registries "")
set(max_lines 30)
set(first_count 0)
set(expect_count 0)
foreach(n RANGE 1 ${case_count})
  if("${case_${n}}" MATCHES "^${comment} first-error(-${compiler})?: (.*)$")
    math(EXPR first_count "${first_count} + 1")
    set(first_${first_count} "${CMAKE_MATCH_2}")
  elseif("${case_${n}}" MATCHES "^${comment} expect(-${compiler})?: (.*)$")
    math(EXPR expect_count "${expect_count} + 1")
    set(expect_${expect_count} "${CMAKE_MATCH_2}")
  elseif("${case_${n}}" MATCHES "^${comment} max-lines: ([0-9]+)$")
    set(max_lines "${CMAKE_MATCH_1}")
  elseif("${case_${n}}" MATCHES "^${comment} max-lines-${compiler}: ([0-9]+)$")
    set(compiler_max_lines "${CMAKE_MATCH_1}")
  elseif(kind STREQUAL "profile" AND "${case_${n}}" MATCHES "^# registry: (.*)$")
    list(APPEND registries "${CMAKE_MATCH_1}")
  endif()
endforeach()
if(DEFINED compiler_max_lines)
  set(max_lines "${compiler_max_lines}")
endif()
if(first_count EQUAL 0)
  message(FATAL_ERROR "${CASE} has no '${comment} first-error: <regex>' line (nor '${comment} first-error-${compiler}: <regex>')")
endif()

string(REPLACE "|" ";" includes "${INCLUDES}")
string(REPLACE "|" ";" implicit "${IMPLICIT}")
string(REPLACE "|" ";" defines "${DEFINES}")
list(REMOVE_DUPLICATES includes)
set(compile_flags "${STANDARD}" -fsyntax-only)
# The C++ cases declare the members their components need and define none (nothing is linked);
# clang would warn of each such function with internal linkage, in the twin.
if(compiler STREQUAL "clang")
  list(APPEND compile_flags -Wno-undefined-internal)
endif()
# As CMake does, the compiler's own directories are left to the compiler.
foreach(dir IN LISTS includes)
  if(dir AND NOT dir IN_LIST implicit)
    list(APPEND compile_flags "-I${dir}")
  endif()
endforeach()
foreach(def IN LISTS defines)
  if(def)
    list(APPEND compile_flags "-D${def}")
  endif()
endforeach()

# Runs `what` (profile or source, relative to `dir`) through the generator (profiles) and the
# compiler; sets stage (generator, compiler or "" when it built), rc and out.
function(build what dir gen_dir extra_flags)
  set(stage "" PARENT_SCOPE)
  if(kind STREQUAL "profile")
    set(gen_args --profile "${what}" --registry "${REGISTRY}")
    foreach(registry IN LISTS registries)
      list(APPEND gen_args --registry "${registry}")
    endforeach()
    # The compiler's include path, its own directories too: the registry's headers are looked up there.
    foreach(dir IN LISTS includes implicit)
      if(dir)
        list(APPEND gen_args --include-dir "${dir}")
      endif()
    endforeach()
    execute_process(COMMAND "${GENERATOR}" ${gen_args} --output "${gen_dir}/lolpop_profile.hpp"
                    WORKING_DIRECTORY "${dir}" RESULT_VARIABLE gen_rc OUTPUT_VARIABLE gen_out ERROR_VARIABLE gen_err)
    if(NOT gen_rc EQUAL 0 OR NOT "${gen_out}${gen_err}" STREQUAL "")
      set(stage generator PARENT_SCOPE)
      set(rc "${gen_rc}" PARENT_SCOPE)
      set(out "${gen_out}${gen_err}" PARENT_SCOPE)
      return()
    endif()
    set(source "${MAIN}")
    set(extra_flags ${extra_flags} "-I${gen_dir}")
  else()
    set(source "${dir}/${what}")
  endif()
  # The C locale: the same quotes and words whatever the machine's language.
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env LC_ALL=C "${CXX}" ${extra_flags} ${compile_flags} "${source}"
                  WORKING_DIRECTORY "${dir}" RESULT_VARIABLE cxx_rc OUTPUT_VARIABLE cxx_out ERROR_VARIABLE cxx_err)
  if(NOT cxx_rc EQUAL 0 OR NOT "${cxx_out}${cxx_err}" STREQUAL "")
    set(stage compiler PARENT_SCOPE)
  endif()
  set(rc "${cxx_rc}" PARENT_SCOPE)
  set(out "${cxx_out}${cxx_err}" PARENT_SCOPE)
endfunction()

# The mistake.
file(MAKE_DIRECTORY "${WORK_DIR}/case")
build("${CASE}" "${SOURCE_DIR}" "${WORK_DIR}/case" "")
set(first_stage "${stage}")
if(stage STREQUAL "" OR rc EQUAL 0)
  check_failed(builds "built, but it should not (${stage} printed:)\n${out}")
else()
  file(WRITE "${WORK_DIR}/diagnostic.txt" "${out}")
  split_lines(printed "${out}")
  set(lines ${printed_count})
  if(compiler STREQUAL "clang" AND "${printed_${printed_count}}" MATCHES "^[0-9]+ (warnings? and [0-9]+ )?errors? generated\\.$")
    math(EXPR lines "${lines} - 1")
  endif()
  message(STATUS "diagnostic: ${lines} lines (budget ${max_lines})")
  # The first error (see the top of this file).
  set(first_end 0)
  foreach(m RANGE 1 ${printed_count})
    if("${printed_${m}}" MATCHES "error: ")
      set(first_end ${m})
      break()
    endif()
  endforeach()
  if(first_end EQUAL 0)
    check_failed(no-error "the ${stage} printed no 'error:' line:\n${out}")
  elseif(compiler STREQUAL "clang" AND stage STREQUAL "compiler")
    while(first_end LESS printed_count)
      math(EXPR next "${first_end} + 1")
      if("${printed_${next}}" MATCHES "(error|warning): |^[0-9]+ (warnings? and [0-9]+ )?errors? generated\\.$")
        break()
      endif()
      set(first_end ${next})
    endwhile()
  endif()
  foreach(i RANGE 1 ${first_count})
    set(found FALSE)
    foreach(m RANGE 1 ${first_end})
      if("${printed_${m}}" MATCHES "${first_${i}}")
        set(found TRUE)
        break()
      endif()
    endforeach()
    if(NOT found)
      check_failed(first-error "no line of the first error matches\n  ${first_${i}}\n--- ${stage} output ---\n${out}")
    endif()
  endforeach()
  if(expect_count GREATER 0)
    foreach(i RANGE 1 ${expect_count})
      set(found FALSE)
      foreach(m RANGE 1 ${printed_count})
        if("${printed_${m}}" MATCHES "${expect_${i}}")
          set(found TRUE)
          break()
        endif()
      endforeach()
      if(NOT found)
        check_failed(expect "no line of the diagnostic matches\n  ${expect_${i}}\n--- ${stage} output ---\n${out}")
      endif()
    endforeach()
  endif()
  if(lines GREATER max_lines)
    check_failed(budget "the diagnostic has ${lines} lines, more than its budget of ${max_lines}:\n${out}")
  endif()
endif()

# The twin: profiles and registries with their "# fix:" lines applied (in a copy that keeps their
# paths relative to each other), sources with LOLPOP_FIX defined.
if(kind STREQUAL "profile")
  set(twin_dir "${WORK_DIR}/twin")
  get_filename_component(case_dir "${CASE}" DIRECTORY)
  file(GLOB siblings RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/${case_dir}/*.toml")
  foreach(file IN LISTS siblings registries)
    file(READ "${SOURCE_DIR}/${file}" text)
    split_lines(line "${text}")
    set(copy "")
    if(line_count GREATER 0)
      foreach(n RANGE 1 ${line_count})
        if("${line_${n}}" MATCHES "# fix: (.*)$")
          string(APPEND copy "${CMAKE_MATCH_1}\n")
        else()
          string(APPEND copy "${line_${n}}\n")
        endif()
      endforeach()
    endif()
    file(WRITE "${twin_dir}/${file}" "${copy}")
  endforeach()
else()
  set(twin_dir "${SOURCE_DIR}")
endif()
file(MAKE_DIRECTORY "${WORK_DIR}/twin_gen")
build("${CASE}" "${twin_dir}" "${WORK_DIR}/twin_gen" -DLOLPOP_FIX)
if(NOT stage STREQUAL "")
  check_failed(twin "the twin (the same case with its mistake fixed) does not build; the ${stage} printed:\n${out}")
endif()

if(NOT DEFINED lines)
  set(lines -)
endif()
if(failures)
  list(JOIN failures " " failures)
  set(outcome "failed: ${failures}")
else()
  set(outcome passed)
endif()
if(first_stage STREQUAL "")
  set(first_stage none)
endif()
file(WRITE "${WORK_DIR}/result.txt" "${first_stage} ${lines} ${max_lines} ${outcome}\n")
