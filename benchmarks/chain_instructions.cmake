# chain_instructions, the callgrind driver of benchmarks/check_zero_overhead. The benchmarks and
# the tests (which run the check) both include this file; the first to do so defines the target.
include_guard(GLOBAL)

add_executable(chain_instructions
  ${CMAKE_CURRENT_LIST_DIR}/chain_instructions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/chain_workload.cpp)
target_link_libraries(chain_instructions PRIVATE lolpop::lolpop lolpop_warnings)
# Instruction counts say something about optimized code only: a Debug build (the test preset)
# compiles the workload as Release does.
target_compile_options(chain_instructions PRIVATE -O3)
target_compile_definitions(chain_instructions PRIVATE NDEBUG)
