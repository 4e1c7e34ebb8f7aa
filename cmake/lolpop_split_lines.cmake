# split_lines(), shared by the scripts that check the lines of diagnostics against expectations
# (cmake/lolpop_compile_fail_check.cmake, tests/generator/check_generator.cmake).
include_guard(GLOBAL)

# Sets <prefix>_count and <prefix>_1 ... <prefix>_<count>, one variable per line of `text`: the
# lines of profiles, sources and compiler output hold ";", "[", "\" and "${...}", which neither a
# CMake list nor a macro argument would keep intact.
function(split_lines prefix text)
  set(rest "${text}")
  set(count 0)
  string(LENGTH "${rest}" left)
  while(left GREATER 0)
    math(EXPR count "${count} + 1")
    string(FIND "${rest}" "\n" newline)
    if(newline EQUAL -1)
      set(line "${rest}")
      set(rest "")
    else()
      string(SUBSTRING "${rest}" 0 ${newline} line)
      math(EXPR next "${newline} + 1")
      string(SUBSTRING "${rest}" ${next} -1 rest)
    endif()
    set(${prefix}_${count} "${line}" PARENT_SCOPE)
    string(LENGTH "${rest}" left)
  endwhile()
  set(${prefix}_count ${count} PARENT_SCOPE)
endfunction()
