# The `factlint` command line: unit tests of its pure parts (config, globs,
# file walking, option merging) live in tests/unit/config_test.cpp and link
# the cli core library; the tests below run the built binary end to end on
# the fixtures in tests/cli/fixtures (made-up facts about a made-up town).
target_link_libraries(factlint_unit_tests PRIVATE factlint_cli_core)

set(cli_dir ${CMAKE_CURRENT_SOURCE_DIR}/cli)
set(cli_fixtures ${cli_dir}/fixtures)
string(ASCII 27 ansi_escape)  # ESC, which starts every color sequence

# Regular expressions must keep [ and ] balanced: an unbalanced bracket
# joins list elements in CMake.
# factlint_cli_test(NAME ARGS a|b|c EXIT n [STDOUT re] [STDERR re] [NOT_STDOUT re]
#                   [STDOUT_EMPTY] [INPUT file] [WORKDIR dir] [ENV A=1|B=2])
function(factlint_cli_test name)
  cmake_parse_arguments(arg "STDOUT_EMPTY" "ARGS;EXIT;STDOUT;STDERR;NOT_STDOUT;INPUT;WORKDIR;ENV" "" ${ARGN})
  set(defs -DFACTLINT=$<TARGET_FILE:factlint> "-DARGS=${arg_ARGS}" -DEXPECT_EXIT=${arg_EXIT})
  if(DEFINED arg_STDOUT)
    list(APPEND defs "-DSTDOUT_REGEX=${arg_STDOUT}")
  endif()
  if(DEFINED arg_STDERR)
    list(APPEND defs "-DSTDERR_REGEX=${arg_STDERR}")
  endif()
  if(DEFINED arg_NOT_STDOUT)
    list(APPEND defs "-DSTDOUT_NOT_REGEX=${arg_NOT_STDOUT}")
  endif()
  if(arg_STDOUT_EMPTY)
    list(APPEND defs -DSTDOUT_EMPTY=ON)
  endif()
  if(DEFINED arg_INPUT)
    list(APPEND defs "-DINPUT=${arg_INPUT}")
  endif()
  if(DEFINED arg_ENV)
    list(APPEND defs "-DENV=${arg_ENV}")
  endif()
  if(NOT DEFINED arg_WORKDIR)
    set(arg_WORKDIR ${cli_fixtures})
  endif()
  list(APPEND defs "-DWORKDIR=${arg_WORKDIR}")
  add_test(NAME cli.${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${cli_dir}/run.cmake)
  set_tests_properties(cli.${name} PROPERTIES LABELS cli TIMEOUT 60)
endfunction()

# --- version, help, usage errors -------------------------------------------
factlint_cli_test(version ARGS --version EXIT 0 STDOUT "^factlint [0-9]+\\.[0-9]+\\.[0-9]+")
factlint_cli_test(help ARGS --help EXIT 0 STDOUT "check.*extract.*claims.*rules")
factlint_cli_test(check_help ARGS check|--help EXIT 0 STDOUT "--as-of.*--fail-on")
factlint_cli_test(usage.no_subcommand ARGS "" EXIT 2 STDERR "factlint: error: ")
factlint_cli_test(usage.unknown_subcommand ARGS frobnicate EXIT 2 STDERR "factlint: error: ")
factlint_cli_test(usage.unknown_option ARGS check|--no-such-option|articles EXIT 2 STDERR "no-such-option")
factlint_cli_test(usage.no_path ARGS check|--no-config EXIT 2 STDERR "PATH")
factlint_cli_test(usage.no_cache_with_cache_dir ARGS check|--no-config|--no-cache|--cache-dir|x|articles EXIT 2
  STDERR "excludes")
factlint_cli_test(usage.bad_as_of ARGS check|--no-config|--as-of|2024-13|articles EXIT 2
                  STDERR "--as-of: invalid date \"2024-13\"" STDOUT_EMPTY)
factlint_cli_test(usage.bad_format ARGS check|--no-config|-f|xml|articles EXIT 2 STDERR "unknown format \"xml\"")
factlint_cli_test(usage.unknown_code ARGS check|--no-config|--select|FL101,XX9|articles EXIT 2
                  STDERR "--select: unknown rule code \"XX9\"")
factlint_cli_test(usage.bad_fail_on ARGS check|--no-config|--fail-on|often|articles EXIT 2 STDERR "--fail-on")
factlint_cli_test(usage.config_and_no_config ARGS check|--no-config|--config|x.toml|articles EXIT 2
                  STDERR "factlint: error: ")

# --- rules --------------------------------------------------------------------
factlint_cli_test(rules.table ARGS rules EXIT 0 STDOUT "^code +name +severity +summary\nFL101 +value-mismatch +error ")
factlint_cli_test(rules.FL101 ARGS rules|FL101 EXIT 0 STDOUT "^# FL101")
factlint_cli_test(rules.lower_case ARGS rules|fl203 EXIT 0 STDOUT "^# FL203")
factlint_cli_test(rules.unknown ARGS rules|FL999 EXIT 2 STDERR "unknown rule FL999" STDOUT_EMPTY)

# --- check --------------------------------------------------------------------
factlint_cli_test(check.missing_file ARGS check|--no-config|missing.md EXIT 2
                  STDERR "^missing\\.md:1:1: error: No such file or directory")
factlint_cli_test(check.value_mismatch ARGS check|--no-config|-c|facts|-f|gcc|articles/b_wrong_value.md EXIT 1
                  STDOUT "^articles/b_wrong_value\\.md:[0-9]+:[0-9]+: error: .*\\[FL101\\]")
factlint_cli_test(check.clean ARGS check|--no-config|-c|facts|articles/a_ferry.md EXIT 0)
factlint_cli_test(check.fail_on_never ARGS check|--no-config|-c|facts|--fail-on|never|articles/b_wrong_value.md
                  EXIT 0 STDOUT "FL101")
factlint_cli_test(check.ignore ARGS check|--no-config|-c|facts|--ignore|FL1|-f|gcc|articles/b_wrong_value.md
                  EXIT 0 NOT_STDOUT "FL101")
factlint_cli_test(check.json ARGS check|--no-config|-c|facts|-f|json|articles EXIT 1
                  STDOUT "^\\{\"version\":1,\"findings\":\\[.*\\],\"summary\":\\{\"files\":5,")
factlint_cli_test(check.stdin ARGS check|--no-config|-c|facts|-f|gcc|- EXIT 1
                  INPUT ${cli_fixtures}/articles/b_wrong_value.md STDOUT "^-:[0-9]+:[0-9]+: error: .*\\[FL101\\]")
factlint_cli_test(check.no_color_when_piped ARGS check|--no-config|-c|facts|articles/b_wrong_value.md EXIT 1
                  NOT_STDOUT "${ansi_escape}.")
factlint_cli_test(check.force_color ARGS check|--no-config|-c|facts|articles/b_wrong_value.md EXIT 1
                  ENV FORCE_COLOR=1 STDOUT "${ansi_escape}.")
factlint_cli_test(check.unreadable_file_others_checked ARGS check|--no-config|-f|gcc|unreadable EXIT 2
                  STDERR "unreadable/bad\\.md:[0-9]+:[0-9]+: error: ")
factlint_cli_test(check.stats ARGS check|--no-config|-c|facts|--stats|articles EXIT 1
                  STDERR "articles/a_ferry\\.md: [0-9]+ numbers seen, [0-9]+ read into claims, [0-9]+ claim records, [0-9]+ matched.*total: [0-9]+ numbers seen")
factlint_cli_test(check.invalid_claims ARGS check|--no-config|-c|bad_claims|articles EXIT 2
                  STDERR "bad_claims/broken\\.claims:[0-9]+:[0-9]+: error: " STDOUT_EMPTY)
factlint_cli_test(check.exclude ARGS check|--no-config|-c|facts|-f|json|--exclude|b_*.md|--exclude|sub|articles
                  EXIT 1 STDOUT "\"files\":3," NOT_STDOUT "b_wrong_value")

# Each document is freed once checked; FL205 then quotes words kept from
# another file ("about 15,500" was joined across two lines, so it lived in
# a_ferry.md's prose store) and a line of the file it reports on.
factlint_cli_test(check.across_files_words ARGS check|--no-config|-c|facts|articles EXIT 1
                  STDOUT "\"40,000\" for 2023 conflicts with \"about 15,500\" in articles/a_ferry\\.md:8 .*\n5 \\| Norhaven's ferry riders numbered 40,000 a day in 2023, a figure the mayor\n.*the same figure stated as \"about 15,500\"")
# b.md's only finding is FL205's, added after every file was checked: its
# document must have been kept for the quote all the same.
factlint_cli_test(check.across_files_quote ARGS check|--no-config|a.md|b.md EXIT 0
                  WORKDIR ${CMAKE_CURRENT_SOURCE_DIR}/rules/FL205
                  STDOUT "^b\\.md:7:30: warning\\[FL205\\][^\n]*\n7 \\| The Brenna water board added 6,100 household connections in 2024\\.\n")
add_test(NAME cli.check.jobs_identical.four_jobs
         COMMAND ${CMAKE_COMMAND} -DFACTLINT=$<TARGET_FILE:factlint>
                 "-DARGS_A=check|--no-config|-c|facts|-j|1|articles|unreadable|configured"
                 "-DARGS_B=check|--no-config|-c|facts|-j|4|articles|unreadable|configured"
                 -DWORKDIR=${cli_fixtures} -P ${cli_dir}/same_output.cmake)
set_tests_properties(cli.check.jobs_identical.four_jobs PROPERTIES LABELS cli TIMEOUT 60)

foreach(format text json sarif github gcc)
  add_test(NAME cli.check.jobs_identical.${format}
           COMMAND ${CMAKE_COMMAND} -DFACTLINT=$<TARGET_FILE:factlint>
                   "-DARGS_A=check|--no-config|-c|facts|-f|${format}|-j|1|articles"
                   "-DARGS_B=check|--no-config|-c|facts|-f|${format}|-j|2|articles"
                   -DWORKDIR=${cli_fixtures} -P ${cli_dir}/same_output.cmake)
  set_tests_properties(cli.check.jobs_identical.${format} PROPERTIES LABELS cli TIMEOUT 60)
endforeach()

# --- config -------------------------------------------------------------------
factlint_cli_test(config.unknown_key ARGS check|note.md EXIT 2 WORKDIR ${cli_fixtures}/bad_config
                  STDERR "^\\.factlint\\.toml:2:1: error: unknown key \"colour\" in \\.factlint\\.toml")
factlint_cli_test(config.no_config ARGS check|--no-config|note.md EXIT 0 WORKDIR ${cli_fixtures}/bad_config)
factlint_cli_test(config.found_and_applied ARGS check|. EXIT 1 WORKDIR ${cli_fixtures}/configured
                  STDOUT "^bridge\\.md:[0-9]+:[0-9]+: error: .*\\[FL102\\]" NOT_STDOUT "skip/")
factlint_cli_test(config.found_from_subdirectory ARGS check|bridge_copy.md EXIT 1
                  WORKDIR ${cli_fixtures}/configured/skip STDOUT "^bridge_copy\\.md:.*\\[FL102\\]")
factlint_cli_test(config.command_line_wins ARGS check|-f|json|. EXIT 1 WORKDIR ${cli_fixtures}/configured
                  STDOUT "^\\{\"version\":1")
factlint_cli_test(config.explicit_file ARGS check|--config|configured/.factlint.toml|-f|json|articles/c_bridge.md
                  EXIT 1 STDOUT "FL102")

# --- extract and claims -------------------------------------------------------
factlint_cli_test(extract.jsonl ARGS extract|--no-config|-c|facts|articles/a_ferry.md EXIT 0
                  STDOUT "^\\{\"file\":\"articles/a_ferry\\.md\",\"line\":[0-9]+.*\"claim\":\"norhaven-ferry-riders\"")
factlint_cli_test(extract.missing ARGS extract|--no-config|nope.md EXIT 2 STDERR "^nope\\.md:1:1: error: ")
# With one job each file's lines go straight out; with more they are kept
# and printed in path order: the same text either way.
add_test(NAME cli.extract.jobs_identical
         COMMAND ${CMAKE_COMMAND} -DFACTLINT=$<TARGET_FILE:factlint>
                 "-DARGS_A=extract|--no-config|-c|facts|--stats|-j|1|articles|unreadable|configured"
                 "-DARGS_B=extract|--no-config|-c|facts|--stats|-j|4|articles|unreadable|configured"
                 -DWORKDIR=${cli_fixtures} -P ${cli_dir}/same_output.cmake)
set_tests_properties(cli.extract.jobs_identical PROPERTIES LABELS cli TIMEOUT 60)
factlint_cli_test(claims.summary ARGS claims|facts EXIT 0
                  STDOUT "facts/norhaven\\.claims: 2 claims, 2 values, 1 date, 0 periods\ntotal \\(1 file\\): 2 claims")
# -j: how many files may be parsed at once (the same claims for any number:
# unit test "a large set of files loads the same on one thread and on several").
factlint_cli_test(claims.jobs ARGS claims|-j|2|facts EXIT 0
                  STDOUT "facts/norhaven\\.claims: 2 claims, 2 values, 1 date, 0 periods\ntotal \\(1 file\\): 2 claims")
factlint_cli_test(claims.jobs_not_a_number ARGS claims|-j|two|facts EXIT 2 STDERR "jobs")
factlint_cli_test(claims.invalid ARGS claims|bad_claims/broken.claims EXIT 2
                  STDERR "^bad_claims/broken\\.claims:6:[0-9]+: error: ")
factlint_cli_test(claims.missing ARGS claims|nothing.claims EXIT 2 STDERR "^nothing\\.claims:1:1: error: ")

# Standard input read as a file is: redirected, piped, large, named twice,
# unreadable (tests/cli/stdin.sh).
add_test(NAME cli.stdin COMMAND bash ${cli_dir}/stdin.sh $<TARGET_FILE:factlint> ${cli_fixtures})
set_tests_properties(cli.stdin PROPERTIES LABELS cli TIMEOUT 120)

# The bench's generators of part 25's shapes (bench/gen_claims.py --files,
# bench/gen_series.py) make claims and drafts factlint reads; gen_input's
# halves are split's articles, and it writes nothing into the repository.
add_test(NAME cli.bench_generators
         COMMAND bash ${cli_dir}/bench_generators.sh $<TARGET_FILE:factlint> ${PROJECT_SOURCE_DIR}
                 ${FACTLINT_SHARED_DIR})
set_tests_properties(cli.bench_generators PROPERTIES LABELS cli TIMEOUT 120)
add_test(NAME cli.bench_startup
         COMMAND bash ${cli_dir}/bench_startup.sh $<TARGET_FILE:factlint> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.bench_startup PROPERTIES LABELS cli TIMEOUT 120)
add_test(NAME cli.bench_timer
         COMMAND bash ${cli_dir}/bench_timer.sh ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.bench_timer PROPERTIES LABELS cli TIMEOUT 120)
# bench/claims_floor.sh and its program (docs/performance.md part 39).
add_test(NAME cli.bench_claims_floor
         COMMAND bash ${cli_dir}/bench_claims_floor.sh $<TARGET_FILE:factlint> ${PROJECT_SOURCE_DIR}
                 ${FACTLINT_SHARED_DIR})
set_tests_properties(cli.bench_claims_floor PROPERTIES LABELS cli TIMEOUT 180)
