# Rule fixtures: one ctest test per folder tests/rules/FLxxx/, named
# rule:FLxxx. Each folder holds a draft (draft.md, or several *.md for rules
# across files), an optional claims.claims and args, and expected.txt, the
# exact `--format gcc` findings (see tests/run_rule_fixture.sh).
# rules:complete fails when a rule of `factlint rules` lacks its doc page
# (docs/rules/CODE.md) or its fixture folder.
find_program(FACTLINT_SH NAMES sh)

file(GLOB rule_fixture_entries LIST_DIRECTORIES true CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/rules/*)
list(SORT rule_fixture_entries)
foreach(entry ${rule_fixture_entries})
  if(NOT IS_DIRECTORY ${entry})
    continue()
  endif()
  get_filename_component(code ${entry} NAME)
  add_test(NAME rule:${code}
           COMMAND ${FACTLINT_SH} ${CMAKE_CURRENT_SOURCE_DIR}/run_rule_fixture.sh $<TARGET_FILE:factlint> ${entry})
  set_tests_properties(rule:${code} PROPERTIES LABELS rules TIMEOUT 60)
endforeach()

add_test(NAME rules:complete
         COMMAND ${CMAKE_COMMAND} -DFACTLINT=$<TARGET_FILE:factlint> -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/rules/check_complete.cmake)
set_tests_properties(rules:complete PROPERTIES LABELS rules TIMEOUT 60)
