# Every rule listed by `factlint rules` has its doc page and its fixture:
#   cmake -DFACTLINT=<binary> -DSOURCE_DIR=<repo> -P check_complete.cmake
# Run by the ctest test rules:complete (tests/rules.cmake).
execute_process(COMMAND ${FACTLINT} rules
                OUTPUT_VARIABLE table
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "`factlint rules` exited with status ${status}")
endif()

# One row per rule, starting with its code; the header row does not match.
string(REGEX MATCHALL "(^|\n)FL[0-9][0-9][0-9][ \t]" rows "${table}")
set(codes "")
foreach(row ${rows})
  string(REGEX MATCH "FL[0-9][0-9][0-9]" code "${row}")
  list(APPEND codes ${code})
endforeach()
list(LENGTH codes count)
if(count EQUAL 0)
  message(FATAL_ERROR "`factlint rules` listed no rule:\n${table}")
endif()

set(missing "")
set(index "")
if(EXISTS ${SOURCE_DIR}/docs/rules/README.md)
  file(READ ${SOURCE_DIR}/docs/rules/README.md index)
else()
  list(APPEND missing "docs/rules/README.md")
endif()
foreach(code ${codes})
  if(NOT EXISTS ${SOURCE_DIR}/docs/rules/${code}.md)
    list(APPEND missing "docs/rules/${code}.md")
  endif()
  if(NOT IS_DIRECTORY ${SOURCE_DIR}/tests/rules/${code})
    list(APPEND missing "tests/rules/${code}/")
  elseif(NOT EXISTS ${SOURCE_DIR}/tests/rules/${code}/expected.txt)
    list(APPEND missing "tests/rules/${code}/expected.txt")
  endif()
  string(FIND "${index}" "(${code}.md)" at)
  if(at EQUAL -1)
    list(APPEND missing "a link to ${code}.md in docs/rules/README.md")
  endif()
endforeach()

if(missing)
  list(JOIN missing "\n  " listed)
  message(FATAL_ERROR "rules without their doc page or fixture:\n  ${listed}")
endif()
message(STATUS "${count} rules, each with its doc page and fixture: ${codes}")
