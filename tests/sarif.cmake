# SARIF output validated against the OASIS SARIF 2.1.0 schema with
# tests/validate_sarif.py (python3-jsonschema). The script is reusable:
#   validate_sarif.py [--expect-invalid] FILE SCHEMA
set(FACTLINT_SARIF_SCHEMA ${FACTLINT_SHARED_DIR}/schemas/sarif-schema-2.1.0.json)
set(FACTLINT_SARIF_VALIDATOR ${CMAKE_CURRENT_SOURCE_DIR}/validate_sarif.py)
find_program(FACTLINT_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)

add_executable(factlint_sarif_sample ${CMAKE_CURRENT_SOURCE_DIR}/sarif_sample.cpp)
target_include_directories(factlint_sarif_sample PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(factlint_sarif_sample PRIVATE factlint_report nlohmann_json::nlohmann_json)

set(sarif_dir ${CMAKE_CURRENT_BINARY_DIR}/sarif)
file(MAKE_DIRECTORY ${sarif_dir})
foreach(variant sample empty broken)
  if(variant STREQUAL "sample")
    set(flag "")
  else()
    set(flag --${variant})
  endif()
  add_test(NAME sarif.write.${variant}
           COMMAND factlint_sarif_sample ${sarif_dir}/${variant}.sarif ${flag})
  set_tests_properties(sarif.write.${variant} PROPERTIES FIXTURES_SETUP sarif_${variant})
endforeach()

if(FACTLINT_PYTHON3 AND EXISTS ${FACTLINT_SARIF_SCHEMA})
  foreach(variant sample empty)
    add_test(NAME sarif.schema.${variant}
             COMMAND ${FACTLINT_PYTHON3} ${FACTLINT_SARIF_VALIDATOR}
                     ${sarif_dir}/${variant}.sarif ${FACTLINT_SARIF_SCHEMA})
    set_tests_properties(sarif.schema.${variant} PROPERTIES FIXTURES_REQUIRED sarif_${variant})
  endforeach()
  add_test(NAME sarif.schema.rejects_broken
           COMMAND ${FACTLINT_PYTHON3} ${FACTLINT_SARIF_VALIDATOR} --expect-invalid
                   ${sarif_dir}/broken.sarif ${FACTLINT_SARIF_SCHEMA})
  set_tests_properties(sarif.schema.rejects_broken PROPERTIES FIXTURES_REQUIRED sarif_broken)
else()
  message(WARNING "SARIF schema tests disabled: python3 or ${FACTLINT_SARIF_SCHEMA} not found")
endif()

# The real thing: factlint's own SARIF for the demo draft.
if(FACTLINT_PYTHON3 AND EXISTS ${FACTLINT_SARIF_SCHEMA})
  add_test(NAME sarif.schema.real_check
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/sarif_real.sh $<TARGET_FILE:factlint> ${FACTLINT_PYTHON3}
                   ${FACTLINT_SARIF_VALIDATOR} ${FACTLINT_SARIF_SCHEMA} ${sarif_dir}/real_check.sarif)
endif()
