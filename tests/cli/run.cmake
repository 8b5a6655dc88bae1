# Runs factlint once and checks what it did.
#   cmake -DFACTLINT=<binary> -DARGS=<a|b|c> -DEXPECT_EXIT=<n>
#         [-DSTDOUT_REGEX=<re>] [-DSTDERR_REGEX=<re>] [-DSTDOUT_NOT_REGEX=<re>]
#         [-DSTDOUT_EMPTY=ON] [-DINPUT=<file for stdin>] [-DWORKDIR=<dir>]
#         [-DENV=<NAME=value|...>] -P run.cmake
# Arguments are separated by '|' (a CMake list would be split by add_test).
string(REPLACE "|" ";" args "${ARGS}")
if(NOT WORKDIR)
  set(WORKDIR ".")
endif()
set(extra "")
if(INPUT)
  list(APPEND extra INPUT_FILE "${INPUT}")
endif()
set(command "${FACTLINT}" ${args})
if(ENV)
  string(REPLACE "|" ";" env_pairs "${ENV}")
  set(command "${CMAKE_COMMAND}" -E env ${env_pairs} "${FACTLINT}" ${args})
endif()
execute_process(COMMAND ${command}
  WORKING_DIRECTORY "${WORKDIR}"
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err ${extra})

set(failures "")
if(NOT "${status}" STREQUAL "${EXPECT_EXIT}")
  string(APPEND failures "exit status ${status}, expected ${EXPECT_EXIT}\n")
endif()
if(DEFINED STDOUT_REGEX AND NOT out MATCHES "${STDOUT_REGEX}")
  string(APPEND failures "stdout does not match: ${STDOUT_REGEX}\n")
endif()
if(DEFINED STDOUT_NOT_REGEX AND out MATCHES "${STDOUT_NOT_REGEX}")
  string(APPEND failures "stdout matches what it must not: ${STDOUT_NOT_REGEX}\n")
endif()
if(DEFINED STDERR_REGEX AND NOT err MATCHES "${STDERR_REGEX}")
  string(APPEND failures "stderr does not match: ${STDERR_REGEX}\n")
endif()
if(STDOUT_EMPTY AND NOT out STREQUAL "")
  string(APPEND failures "stdout is not empty\n")
endif()
if(failures)
  message(FATAL_ERROR "factlint ${ARGS}\n${failures}--- stdout:\n${out}--- stderr:\n${err}")
endif()
