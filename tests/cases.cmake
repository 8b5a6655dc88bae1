# The worked examples of ../shared/cases and the bundled demo, each checked
# against its expected.tsv (every expected finding, no other error).
set(shared_cases ${FACTLINT_SHARED_DIR}/cases)
foreach(case reservoir budget)
  file(GLOB case_claims ${shared_cases}/${case}/*.claims)
  if(case_claims)
    get_filename_component(claims_name ${case_claims} NAME)
    add_test(NAME case:${case}
      COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/check_expected.sh $<TARGET_FILE:factlint>
              ${shared_cases}/${case} ${claims_name} draft.md)
  endif()
endforeach()
add_test(NAME case:us-iraq-demo
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/check_expected.sh $<TARGET_FILE:factlint>
          ${PROJECT_SOURCE_DIR}/examples/us-iraq us-iraq.claims draft.md)

# Hand-made variations of the reservoir draft, each planting one error.
if(EXISTS ${shared_cases}/reservoir/draft.md)
  add_test(NAME case:reservoir-variations
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/variations.sh $<TARGET_FILE:factlint> ${shared_cases})
endif()
