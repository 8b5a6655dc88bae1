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

# cli/start_pages.cpp (the program's code and data mapped at start-up), in
# a test program of its own for the same reason: it acts before main.
add_executable(factlint_start_pages_test
  ${CMAKE_CURRENT_SOURCE_DIR}/alloc/start_pages_test.cpp
  ${PROJECT_SOURCE_DIR}/cli/start_pages.cpp)
target_include_directories(factlint_start_pages_test PRIVATE ${PROJECT_SOURCE_DIR})
target_link_libraries(factlint_start_pages_test PRIVATE factlint_claims doctest::doctest)
doctest_discover_tests(factlint_start_pages_test TEST_PREFIX "alloc: " PROPERTIES TIMEOUT 60)
