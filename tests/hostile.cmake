# Hostile inputs end to end (docs/reliability.md): each case generates its
# inputs at test time under the build directory, runs the factlint binary,
# and checks the exit status, the exact messages, that the other files are
# still checked and that no input was modified. tests/hostile/run_case.sh
# holds the cases.
set(hostile_cases
  empty whitespace_only invalid_utf8 nul_bytes utf16 long_line_50mb digits_10000
  exponent_1e400 deep_nesting unterminated_front_matter unterminated_code_fence
  symlink_loop unreadable impossible_dates_claims impossible_dates_prose
  impossible_front_matter_date years_0_and_99999 claims_100000 duplicate_ids)
foreach(case ${hostile_cases})
  add_test(NAME hostile.${case}
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hostile/run_case.sh $<TARGET_FILE:factlint>
            ${CMAKE_CURRENT_SOURCE_DIR}/hostile/fixtures ${CMAKE_CURRENT_BINARY_DIR}/hostile ${case})
  set_tests_properties(hostile.${case} PROPERTIES TIMEOUT 900 LABELS hostile)
endforeach()
# The big generated inputs: let them not compete with each other for memory.
set_tests_properties(hostile.long_line_50mb hostile.claims_100000 PROPERTIES RUN_SERIAL ON)
