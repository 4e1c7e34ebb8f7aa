# csv_instructions, the callgrind driver of benchmarks/check_csv_instructions. The benchmarks and
# the tests (which run the check) both include this file; the first to do so defines the target.
include_guard(GLOBAL)

# Instructions per byte say something about optimized code only, and the test preset builds the
# library for debugging: the reader's own sources are compiled into the driver as Release
# compiles them, and the linker then takes nothing of them from lolpop_core.
add_executable(csv_instructions
  ${CMAKE_CURRENT_LIST_DIR}/csv_instructions.cpp
  ${PROJECT_SOURCE_DIR}/src/data/csv.cpp
  ${PROJECT_SOURCE_DIR}/src/detail/csv_column_accumulator.cpp
  ${PROJECT_SOURCE_DIR}/src/detail/csv_header.cpp
  ${PROJECT_SOURCE_DIR}/src/detail/csv_record_parser.cpp
  ${PROJECT_SOURCE_DIR}/src/detail/csv_text_writer.cpp)
target_include_directories(csv_instructions PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(csv_instructions PRIVATE lolpop::lolpop_core FastFloat::fast_float lolpop_warnings)
target_compile_options(csv_instructions PRIVATE -O3)
target_compile_definitions(csv_instructions PRIVATE NDEBUG)
