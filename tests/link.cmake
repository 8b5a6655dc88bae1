# What the executable loads at start. Built with FACTLINT_STATIC_CXX_RUNTIME
# it carries libstdc++ and libgcc itself; a shared library that needed
# libstdc++.so would load a second C++ runtime beside that one (two sets of
# its globals, exceptions from the one not caught as the other's types), so
# nothing it loads, directly or through another library, may be either.
if(FACTLINT_STATIC_CXX_RUNTIME)
  find_program(ldd_program ldd)
  if(ldd_program)
    add_test(NAME link.no_shared_cxx_runtime COMMAND ${ldd_program} $<TARGET_FILE:factlint>)
    set_tests_properties(link.no_shared_cxx_runtime PROPERTIES
      PASS_REGULAR_EXPRESSION "libc\\.so"
      FAIL_REGULAR_EXPRESSION "libstdc\\+\\+|libgcc_s")
  endif()
endif()
