# Conformance: the grammars measured against third-party suites read at run
# time from ../shared/conformance (never copied into the repository). The test
# fails when a score drops below tests/conformance/floors.txt and is skipped
# when the suites are absent.
file(GLOB conformance_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/conformance/*.cpp)
add_executable(factlint_conformance ${conformance_sources})
target_link_libraries(factlint_conformance PRIVATE factlint_grammar nlohmann_json::nlohmann_json)
target_compile_definitions(factlint_conformance PRIVATE
  FACTLINT_SHARED_DIR="${FACTLINT_SHARED_DIR}"
  FACTLINT_CONFORMANCE_FLOORS="${CMAKE_CURRENT_SOURCE_DIR}/conformance/floors.txt")
add_test(NAME conformance COMMAND factlint_conformance)
set_tests_properties(conformance PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120 LABELS conformance)
