# Runs factlint twice and requires the same exit status and the same stdout
# (e.g. -j1 against -j2: the output order must not depend on the jobs).
#   cmake -DFACTLINT=<binary> -DARGS_A=<a|b> -DARGS_B=<a|b> [-DWORKDIR=<dir>] -P same_output.cmake
if(NOT WORKDIR)
  set(WORKDIR ".")
endif()
foreach(run A B)
  string(REPLACE "|" ";" args "${ARGS_${run}}")
  execute_process(COMMAND "${FACTLINT}" ${args} WORKING_DIRECTORY "${WORKDIR}"
    RESULT_VARIABLE status_${run} OUTPUT_VARIABLE out_${run} ERROR_VARIABLE err_${run})
endforeach()
if(NOT status_A STREQUAL status_B OR NOT out_A STREQUAL out_B)
  message(FATAL_ERROR "outputs differ\n--- ${ARGS_A} (exit ${status_A}):\n${out_A}${err_A}"
                      "--- ${ARGS_B} (exit ${status_B}):\n${out_B}${err_B}")
endif()
if(out_A STREQUAL "")
  message(FATAL_ERROR "no output to compare (exit ${status_A}):\n${err_A}")
endif()
