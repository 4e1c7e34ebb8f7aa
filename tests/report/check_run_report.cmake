# Runs a profile binary's build-all and checks the HTML run report it wrote as headless Chromium
# renders it; used as `cmake -P` by the report tests.
#
#   -DBINARY=<profile binary> -DEXAMPLE_DIR=<the example's directory, whose data/ the profile
#   reads> -DWORK_DIR=<scratch directory> -DPROFILE=<profile name> -DMIN_PLOTS=<n>
#   [-DEXPECT_TEXT=<a|b|...>] (more text the page must show)
#
# The run happens in a copy of the example's data under WORK_DIR, so nothing it writes lands in
# the source tree. Chromium's --dump-dom gives the page after parsing and layout; the checks read
# its text the way a person reads the page: the profile and build id, every metric the binary
# printed with the same value, one figure per SVG file the run wrote, a status for every check and
# the worst of them as the run's status. Without Chromium the test is skipped, not passed.
cmake_minimum_required(VERSION 3.25)

foreach(var BINARY EXAMPLE_DIR WORK_DIR PROFILE MIN_PLOTS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_run_report.cmake: -D${var}=... is required")
  endif()
endforeach()

find_program(CHROMIUM NAMES chromium chromium-browser)
if(NOT CHROMIUM)
  message("SKIPPED: chromium is not installed (Debian package 'chromium'), so the run report cannot be rendered")
  return()
endif()

# A failed check is reported and the others still run; any of them makes `cmake -P` exit non-zero.
function(check_failed text)
  message(SEND_ERROR "${text}")
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(COPY "${EXAMPLE_DIR}/data" DESTINATION "${WORK_DIR}")
set(home "${WORK_DIR}/home")

execute_process(COMMAND "${CMAKE_COMMAND}" -E env "LOLPOP_HOME=${home}" "${BINARY}" build-all
                WORKING_DIRECTORY "${WORK_DIR}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "build-all failed (${rc}):\n${out}\n${err}")
endif()
execute_process(COMMAND "${BINARY}" --version WORKING_DIRECTORY "${WORK_DIR}" OUTPUT_VARIABLE version)
if(NOT version MATCHES "build id: ([0-9a-f]+)")
  message(FATAL_ERROR "no build id in --version:\n${version}")
endif()
set(build_id "${CMAKE_MATCH_1}")
if(NOT out MATCHES "run report: ([^\n]+)")
  message(FATAL_ERROR "build-all did not say where it wrote the run report:\n${out}")
endif()
set(report "${CMAKE_MATCH_1}")
if(NOT report STREQUAL "${home}/report.html")
  check_failed("the run report is at ${report}, not at the profile's report_path ${home}/report.html")
endif()

# The metrics as the binary printed them: "test metrics:" then "  name  value" lines, and the
# same for the prediction metrics when the predict data held the target.
string(REPLACE "\n" ";" lines "${out}")
set(block "")
set(test_names "")
set(predict_names "")
foreach(line IN LISTS lines)
  if(line MATCHES "^test metrics:")
    set(block test)
  elseif(line MATCHES "^prediction metrics")
    set(block predict)
  elseif(block AND line MATCHES "^  ([a-z0-9_]+) +([-0-9.na]+)$")
    list(APPEND ${block}_names "${CMAKE_MATCH_1}")
    set(${block}_${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
  else()
    set(block "")
  endif()
endforeach()
if(NOT test_names)
  message(FATAL_ERROR "build-all printed no test metrics:\n${out}")
endif()

set(chromium_dir "${WORK_DIR}/chromium")
execute_process(COMMAND "${CHROMIUM}" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
                        --disable-background-networking --disable-component-update --disable-sync
                        --disable-dev-shm-usage "--user-data-dir=${chromium_dir}" --dump-dom "file://${report}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE dom ERROR_VARIABLE chromium_err TIMEOUT 180)
if(NOT rc EQUAL 0 OR NOT dom MATCHES "</html>")
  message(FATAL_ERROR "chromium could not render ${report} (${rc}):\n${chromium_err}")
endif()
file(WRITE "${WORK_DIR}/dom.html" "${dom}")

# One inline figure per SVG file the run wrote.
file(GLOB_RECURSE svg_files "${WORK_DIR}/*.svg")
string(REGEX MATCHALL "<svg[ >]" svg_elements "${dom}")
list(LENGTH svg_files file_count)
list(LENGTH svg_elements svg_count)
if(NOT svg_count EQUAL file_count)
  check_failed("the page shows ${svg_count} <svg> elements, but the run wrote ${file_count} SVG files")
endif()
if(svg_count LESS MIN_PLOTS)
  check_failed("the page shows ${svg_count} <svg> elements, expected at least ${MIN_PLOTS}")
endif()

# A status badge for every check, and the header's status is the worst of them.
string(REGEX MATCHALL "<tr class=\"check\" data-status=\"[a-z]+\"><td>[^<]*</td><td><span class=\"status [a-z]+\">[a-z]+</span>"
       check_rows "${dom}")
if(NOT check_rows)
  check_failed("the page shows no check rows")
endif()
set(worst ok)
foreach(row IN LISTS check_rows)
  string(REGEX MATCH "data-status=\"([a-z]+)\"><td>([^<]*)</td><td><span class=\"status ([a-z]+)\">([a-z]+)<" _ "${row}")
  if(NOT CMAKE_MATCH_1 STREQUAL CMAKE_MATCH_4 OR NOT CMAKE_MATCH_3 STREQUAL CMAKE_MATCH_4
     OR NOT CMAKE_MATCH_4 MATCHES "^(ok|warn|error)$")
    check_failed("check '${CMAKE_MATCH_2}' shows status '${CMAKE_MATCH_4}' for '${CMAKE_MATCH_1}'")
  endif()
  if(CMAKE_MATCH_4 STREQUAL "error" OR (CMAKE_MATCH_4 STREQUAL "warn" AND worst STREQUAL "ok"))
    set(worst "${CMAKE_MATCH_4}")
  endif()
endforeach()

# The page's text: no style sheet, no tags, entities decoded, white space collapsed.
string(REGEX REPLACE "<style>[^<]*</style>" " " text "${dom}")
# Inline elements join their neighbours' text; every other tag separates words.
string(REGEX REPLACE "</?(span|strong|code|em|b)( [^>]*)?>" "" text "${text}")
string(REGEX REPLACE "<[^>]*>" " " text "${text}")
string(REPLACE "&lt;" "<" text "${text}")
string(REPLACE "&gt;" ">" text "${text}")
string(REPLACE "&quot;" "\"" text "${text}")
string(REPLACE "&#39;" "'" text "${text}")
string(REPLACE "&amp;" "&" text "${text}")
string(REGEX REPLACE "[ \t\r\n]+" " " text "${text}")
file(WRITE "${WORK_DIR}/page.txt" "${text}")

function(expect_text needle)
  string(FIND "${text}" "${needle}" at)
  if(at EQUAL -1)
    check_failed("the page does not show \"${needle}\" (its text is in ${WORK_DIR}/page.txt)")
  endif()
endfunction()
function(expect_text_matching regex what)
  if(NOT text MATCHES "${regex}")
    check_failed("the page does not show ${what} (its text is in ${WORK_DIR}/page.txt)")
  endif()
endfunction()

expect_text("lolpop run report")
expect_text("Profile ${PROFILE}, model ")
expect_text_matching("checks ${worst} Summary" "the run's status '${worst}'")
expect_text("profile ${PROFILE} ")
expect_text("build id ${build_id}")
foreach(heading Summary Metrics Plots Checks Drift Workflow)
  expect_text(" ${heading} ")
endforeach()
foreach(name IN LISTS test_names)
  set(value "${test_${name}}")
  if(value STREQUAL "nan")
    set(value undefined)
  endif()
  set(row "${name}( \\(perf_metric\\))? ${value}")
  if(DEFINED predict_${name})
    set(predicted "${predict_${name}}")
    if(predicted STREQUAL "nan")
      set(predicted undefined)
    endif()
    string(APPEND row " ${predicted}")
  endif()
  string(REPLACE "." "\\." row "${row}")
  expect_text_matching(" ${row} " "metric ${name} as build-all printed it")
endforeach()
foreach(file IN LISTS svg_files)
  get_filename_component(name "${file}" NAME)
  expect_text(" ${name} ")
endforeach()
expect_text("train.model_trainer xgboost_trainer")
if(DEFINED EXPECT_TEXT)
  string(REPLACE "|" ";" extra "${EXPECT_TEXT}")
  foreach(needle IN LISTS extra)
    expect_text("${needle}")
  endforeach()
endif()
