# cli/huge_blocks.cpp (large blocks on huge-page boundaries) exists only in
# builds linked with mimalloc; so does its test program.
if(factlint_use_mimalloc)
  add_executable(factlint_huge_blocks_test
    ${CMAKE_CURRENT_SOURCE_DIR}/alloc/huge_blocks_test.cpp
    ${PROJECT_SOURCE_DIR}/cli/huge_blocks.cpp)
  target_include_directories(factlint_huge_blocks_test PRIVATE ${PROJECT_SOURCE_DIR})
  target_link_libraries(factlint_huge_blocks_test PRIVATE mimalloc factlint_claims doctest::doctest)
  doctest_discover_tests(factlint_huge_blocks_test TEST_PREFIX "alloc: " PROPERTIES TIMEOUT 60)
endif()
