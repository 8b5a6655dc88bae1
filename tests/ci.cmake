# CI integrations and baselines, end to end with the built binary (the unit
# tests of cli/baseline.cpp are in tests/unit/baseline_test.cpp):
#   ci.yaml                  .pre-commit-hooks.yaml, action.yml and
#                            examples/ci/gitlab-ci.yml parse and hold what
#                            pre-commit, GitHub and GitLab read
#   ci.action / ci.gitlab /  the shell steps of each integration run on the
#   ci.precommit             us-iraq example (tests/ci/run_integrations.py)
#   ci.baseline.e2e          write a baseline, move text, change a value,
#                            fix an error, prune, bad files
# They need /usr/bin/python3 with python3-yaml (and jq for ci.gitlab); a
# missing one is reported as a skipped test (exit 77), not a pass.
set(ci_dir ${CMAKE_CURRENT_SOURCE_DIR}/ci)
set(ci_python /usr/bin/python3)

add_test(NAME ci.yaml COMMAND ${ci_python} ${ci_dir}/check_yaml.py ${PROJECT_SOURCE_DIR})
foreach(mode action gitlab precommit)
  add_test(NAME ci.${mode}
           COMMAND ${ci_python} ${ci_dir}/run_integrations.py ${mode} $<TARGET_FILE:factlint> ${PROJECT_SOURCE_DIR})
endforeach()
add_test(NAME ci.baseline.e2e
         COMMAND ${ci_python} ${ci_dir}/baseline_e2e.py $<TARGET_FILE:factlint> ${PROJECT_SOURCE_DIR})
set_tests_properties(ci.yaml ci.action ci.gitlab ci.precommit ci.baseline.e2e
                     PROPERTIES LABELS ci TIMEOUT 120 SKIP_RETURN_CODE 77)
