// The time-expression grammar (SPEC §4.3): each written form's span,
// granularity, basis and kind; relative forms with and without a document
// date; words that only look like dates; the sentences of the two worked
// cases; parse_date for claims files.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "grammar/parse.hpp"
#include "grammar/scan_starts.hpp"
#include "grammar/time_core.hpp"

namespace {

using namespace factlint;
using grammar::find_times;
using grammar::parse_date;
using grammar::time_kind;
using grammar::time_match;

const std::optional<time_span> no_date;
const std::optional<time_span> june_20 = time_span::day(2025, 6, 20);  // a Friday
const std::optional<time_span> october_2 = time_span::day(2025, 10, 2);

// The one time expression in `text`; fails unless there is exactly one.
time_match only(std::string_view text, const std::optional<time_span>& doc = no_date) {
    const auto found = find_times(text, doc);
    INFO("text: " << text);
    REQUIRE(found.size() == 1);
    return found.front();
}

std::string_view text_of(std::string_view text, const time_match& m) {
    return text.substr(m.begin, m.end - m.begin);
}

void check_span(const time_match& m, const time_span& expected) {
    REQUIRE(m.span.has_value());
    CHECK(iso_date(m.span->from) == iso_date(expected.from));
    CHECK(iso_date(m.span->to) == iso_date(expected.to));
    CHECK(m.span->grain == expected.grain);
}

// Checks that `text` holds one time expression, written as `written`,
// meaning `expected`, with basis `basis`.
void check_one(std::string_view text, std::string_view written, const time_span& expected,
               time_basis basis = time_basis::explicit_, const std::optional<time_span>& doc = no_date) {
    INFO("text: " << text);
    const time_match m = only(text, doc);
    CHECK(text_of(text, m) == written);
    check_span(m, expected);
    CHECK(m.basis == basis);
}

std::string read_shared(const std::string& relative) {
    std::ifstream in(std::string(FACTLINT_SHARED_DIR) + "/" + relative, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Line breaks read as spaces.
std::string one_line(std::string_view text) {
    std::string s(text);
    for (char& c : s)
        if (c == '\n') c = ' ';
    return s;
}

// The time expression whose text is `written` in `text`.
time_match find_written(std::string_view text, std::string_view written,
                        const std::optional<time_span>& doc) {
    for (const auto& m : find_times(text, doc))
        if (one_line(text_of(text, m)) == written) return m;
    FAIL("no time expression '" << written << "'");
    throw;  // unreachable
}

TEST_CASE("time: years") {
    check_one("It happened in 2019.", "2019", time_span::year(2019));
    check_one("the 2008 agreement was signed", "2008", time_span::year(2008));
    check_one("Sales peaked in mid-2021.", "mid-2021", time_span::year(2021));
    check_one("early 2020 was quiet", "early 2020", time_span::year(2020));
    check_one("in late 2019 it had ended", "late 2019", time_span::year(2019));
    CHECK(only("2019").normalized == "2019");
}

TEST_CASE("time: decades, centuries and fiscal years") {
    const time_match nineties = only("in the 1990s");
    check_span(nineties, time_span::decade(1990));
    CHECK(nineties.normalized == "199");
    check_one("music of the '90s", "the '90s", time_span::decade(1990));
    check_one("the 19th century", "the 19th century",
              {to_day_number({1800, 1, 1}), to_day_number({1899, 12, 31}), granularity::century});
    for (std::string_view text : {"in fiscal 2023", "FY2023 revenue", "in fiscal year 2023"}) {
        const time_match m = only(text);
        check_span(m, time_span::year(2023));
        CHECK(m.fiscal);
        CHECK(m.normalized == "2023");
    }
}

TEST_CASE("time: years and decades spoken as words") {
    check_one("in nineteen ninety-six", "nineteen ninety-six", time_span::year(1996));
    check_one("Nineteen seventy nine was hard", "Nineteen seventy nine", time_span::year(1979));
    check_one("built in nineteen oh five", "nineteen oh five", time_span::year(1905));
    check_one("January nineteen ninety-seven", "January nineteen ninety-seven", time_span::month(1997, 1));
    check_one("the winter of nineteen ninety-four", "the winter of nineteen ninety-four",
              {to_day_number({1994, 12, 1}), to_day_number({1995, 2, 28}), granularity::quarter});
    check_one("by the year two thousand", "year two thousand", time_span::year(2000));
    check_one("the year two thousand and five", "year two thousand and five", time_span::year(2005));
    check_one("music of the nineties", "the nineties", time_span::decade(1990), time_basis::explicit_,
              june_20);
    // Counts and ages are not years.
    for (std::string_view text :
         {"two thousand people", "nineteen people", "a man in his nineties", "eighteen hundred troops",
          "nineteen ninety-six delegates", "nineteen, twenty", "twenty twenty vision"}) {
        INFO(text);
        CHECK(find_times(text, june_20).empty());
    }
}

TEST_CASE("time: a weekday before its date, parts of a named or shifted year") {
    // June 20, 2025 is a Friday; "Saturday, June 28" names the 28th, not the 14th.
    check_one("on Saturday, June 28, the fair opens", "Saturday, June 28", time_span::day(2025, 6, 28),
              time_basis::relative, june_20);
    check_one("Tuesday, Oct. 31, 1989", "Tuesday, Oct. 31, 1989", time_span::day(1989, 10, 31));
    check_one("in the last half of 1989", "the last half of 1989",
              time_span::hull(time_span::quarter(1989, 3), time_span::quarter(1989, 4)));
    check_one("the last quarter of 2023", "the last quarter of 2023", time_span::quarter(2023, 4));
    const time_match q = only("sales in next year's first quarter", june_20);
    check_span(q, time_span::quarter(2026, 1));
    CHECK(q.basis == time_basis::relative);
    CHECK(q.normalized == "2026-Q1");
    CHECK(only("last year's second half", june_20).normalized == "2024-H2");
    CHECK_FALSE(only("next year's first quarter").span.has_value());
    check_one("under a June agreement", "June", time_span::month(2025, 6), time_basis::relative, june_20);
    check_one("The March accession", "March", time_span::month(2025, 3), time_basis::relative, june_20);
    for (std::string_view text : {"the March on Washington", "the May government", "a March of Dimes"}) {
        INFO(text);
        CHECK(find_times(text, june_20).empty());
    }
    check_one("It ended last Oct. 23.", "last Oct. 23", time_span::day(2024, 10, 23), time_basis::relative,
              june_20);
    check_one("It opens next May 1.", "next May 1", time_span::day(2026, 5, 1), time_basis::relative,
              june_20);
    check_one("last June 20", "last June 20", time_span::day(2024, 6, 20), time_basis::relative, june_20);
    check_one("in June last year", "June last year", time_span::month(2024, 6), time_basis::relative,
              june_20);
    check_one("January this year", "January this year", time_span::month(2025, 1), time_basis::relative,
              june_20);
    check_one("due in March next year", "March next year", time_span::month(2026, 3), time_basis::relative,
              june_20);
    const time_match fiscal = only("in the current fiscal year", june_20);
    check_span(fiscal, time_span::year(2025));
    CHECK(fiscal.fiscal);
    check_one("last fiscal year", "last fiscal year", time_span::year(2024), time_basis::relative, june_20);
    // "last quarter" alone is still the quarter before the document's.
    check_one("last quarter", "last quarter", time_span::quarter(2025, 1), time_basis::relative, june_20);
}

TEST_CASE("time: year ranges") {
    for (std::string_view text :
         {"from 2003 to 2011", "2003–2011", "2003-2011", "2003-11", "between 2003 and 2011"}) {
        INFO(text);
        const time_match m = only(text);
        CHECK(m.kind == time_kind::span);
        CHECK(text_of(text, m) == text);
        check_span(m, time_span::hull(time_span::year(2003), time_span::year(2011)));
    }
    const time_match season = only("the 2019/20 season");
    CHECK(season.kind == time_kind::span);
    check_span(season, time_span::hull(time_span::year(2019), time_span::year(2020)));
    // A hyphen before an earlier two-digit number is an ISO month.
    check_one("2021-12", "2021-12", time_span::month(2021, 12));
}

TEST_CASE("time: months and days") {
    check_one("in July 2021", "July 2021", time_span::month(2021, 7));
    check_one("December 2021 was cold", "December 2021", time_span::month(2021, 12));
    for (std::string_view text : {"Dec. 9, 2021", "Dec 9 2021", "December 9, 2021", "9 December 2021",
                                  "9th December 2021", "2021-12-09", "December 9th, 2021"}) {
        INFO(text);
        const time_match m = only(text);
        CHECK(text_of(text, m) == text);
        check_span(m, time_span::day(2021, 12, 9));
        CHECK(m.normalized == "2021-12-09");
        CHECK(m.basis == time_basis::explicit_);
    }
    check_one("on 12/19/2021", "12/19/2021", time_span::day(2021, 12, 19));
    check_one("on 19/12/2021", "19/12/2021", time_span::day(2021, 12, 19));
    CHECK(find_times("on 12/9/2021", no_date).empty());  // month or day first? not read
    const time_match q = only("in Q3 2023");
    check_span(q, time_span::quarter(2023, 3));
    CHECK(q.normalized == "2023-Q3");
    check_one("in the third quarter of 2023", "the third quarter of 2023", time_span::quarter(2023, 3));
}

TEST_CASE("time: days of one month, year-month order and two-digit decades") {
    const time_match days = only("from 4 to 22 January, 2017");
    CHECK(days.kind == time_kind::span);
    CHECK(days.begin == 0);
    check_span(days, time_span::hull(time_span::day(2017, 1, 4), time_span::day(2017, 1, 22)));
    const time_match through = only("out November 15th through 19th", june_20);
    CHECK(through.kind == time_kind::span);
    check_span(through, time_span::hull(time_span::day(2024, 11, 15), time_span::day(2024, 11, 19)));
    check_one("out 2016 November", "2016 November", time_span::month(2016, 11));
    const time_match half = only("in the first half of 2023");
    check_span(half, time_span::hull(time_span::quarter(2023, 1), time_span::quarter(2023, 2)));
    CHECK(half.normalized == "2023-H1");
    check_one("music of the 70s", "the 70s", time_span::decade(1970));
    CHECK(find_times("a man in his 70s", june_20).empty());
    CHECK(find_times("from 22 to 4 January", june_20).size() == 1);  // out of order: only "4 January"
}

TEST_CASE("time: months, weekdays and quarters without a year") {
    check_one("rain fell in May", "May", time_span::month(2025, 5), time_basis::relative, june_20);
    check_one("rain fell in September", "September", time_span::month(2024, 9), time_basis::relative,
              june_20);
    check_one("in June", "June", time_span::month(2025, 6), time_basis::relative, june_20);
    check_one("it opened on Tuesday", "Tuesday", time_span::day(2025, 6, 17), time_basis::relative, june_20);
    check_one("it opened on Friday", "Friday", time_span::day(2025, 6, 20), time_basis::relative, june_20);
    check_one("last Friday", "last Friday", time_span::day(2025, 6, 13), time_basis::relative, june_20);
    check_one("on Sept. 30", "Sept. 30", time_span::day(2025, 9, 30), time_basis::relative, june_20);
    check_one("on Nov. 30", "Nov. 30", time_span::day(2024, 11, 30), time_basis::relative, june_20);
    check_one("on Jan. 3", "Jan. 3", time_span::day(2025, 1, 3), time_basis::relative, june_20);
    check_one("in the third quarter", "the third quarter", time_span::quarter(2024, 3), time_basis::relative,
              june_20);
    const time_match m = only("in May");
    CHECK(m.basis == time_basis::relative);
    CHECK_FALSE(m.span.has_value());
    CHECK(m.normalized == "XXXX-05");
}

TEST_CASE("time: relative to the document date") {
    struct row {
        std::string_view text;
        time_span expected;
        std::string_view normalized;
    };
    const row rows[] = {
        {"this year", time_span::year(2025), "2025"},
        {"last year", time_span::year(2024), "2024"},
        {"next year", time_span::year(2026), "2026"},
        {"this month", time_span::month(2025, 6), "2025-06"},
        {"last month", time_span::month(2025, 5), "2025-05"},
        {"next month", time_span::month(2025, 7), "2025-07"},
        {"this week",
         {to_day_number({2025, 6, 16}), to_day_number({2025, 6, 22}), granularity::day},
         "2025-W25"},
        {"last week",
         {to_day_number({2025, 6, 9}), to_day_number({2025, 6, 15}), granularity::day},
         "2025-W24"},
        {"yesterday", time_span::day(2025, 6, 19), "2025-06-19"},
        {"today", time_span::day(2025, 6, 20), "2025-06-20"},
        {"tomorrow", time_span::day(2025, 6, 21), "2025-06-21"},
        {"tonight", time_span::day(2025, 6, 20), "2025-06-20"},
        {"so far this year", time_span::year(2025), "2025"},
        {"earlier this year", time_span::year(2025), "2025"},
        {"two years ago", time_span::year(2023), "2023"},
        {"3 months ago", time_span::month(2025, 3), "2025-03"},
        {"a year ago", time_span::year(2024), "2024"},
        {"a decade ago", time_span::year(2015), "2015"},
        {"two decades ago", time_span::year(2005), "2005"},
        {"this quarter", time_span::quarter(2025, 2), "2025-Q2"},
        {"last quarter", time_span::quarter(2025, 1), "2025-Q1"},
        {"a year earlier", time_span::year(2024), "2024"},
        {"year-earlier", time_span::year(2024), "2024"},
    };
    for (const row& r : rows) {
        INFO(r.text);
        const time_match m = only(r.text, june_20);
        CHECK(text_of(r.text, m) == r.text);
        check_span(m, r.expected);
        CHECK(m.basis == time_basis::relative);
        CHECK(m.normalized == r.normalized);
    }
}

TEST_CASE("time: relative without a document date has no span") {
    for (std::string_view text :
         {"this year", "last month", "yesterday", "two years ago", "on Monday", "in March"}) {
        INFO(text);
        const time_match m = only(text);
        CHECK_FALSE(m.span.has_value());
        CHECK(m.basis == time_basis::relative);
    }
    // A year-only document date cannot resolve "last month", but can "last year".
    const std::optional<time_span> year_only = time_span::year(2025);
    CHECK_FALSE(only("last month", year_only).span.has_value());
    check_span(only("last year", year_only), time_span::year(2024));
}

TEST_CASE("time: the present is the document date") {
    for (std::string_view text : {"now", "it is currently", "at present", "is still open", "to date"}) {
        INFO(text);
        const time_match m = only(text, june_20);
        CHECK(m.basis == time_basis::document);
        check_span(m, *june_20);
        CHECK(m.normalized == "PRESENT_REF");
        const time_match month_doc = only(text, time_span::month(2025, 6));
        check_span(month_doc, time_span::month(2025, 6));
    }
    CHECK(find_times("the site is up to date", june_20).empty());
}

TEST_CASE("time: since, until and by") {
    const time_match since = only("since 2019", june_20);
    CHECK(since.kind == time_kind::since);
    CHECK(iso_date(since.span->from) == "2019-01-01");
    CHECK(iso_date(since.span->to) == "2025-06-20");
    CHECK(only("since 2019").span->to == open_end);
    for (std::string_view text : {"until 2020", "through 2020", "till 2020"}) {
        const time_match m = only(text);
        CHECK(m.kind == time_kind::until);
        CHECK_FALSE(m.is_by);
        CHECK(m.span->from == open_start);
        CHECK(iso_date(m.span->to) == "2020-12-31");
    }
    const time_match by = only("finished by 2030");
    CHECK(by.kind == time_kind::until);
    CHECK(by.is_by);
    CHECK(text_of("finished by 2030", by) == "by 2030");
    CHECK(by.normalized == "2030");
}

TEST_CASE("time: things that are not dates") {
    for (std::string_view text : {"open from 9:30 a.m.",
                                  "the 3rd item",
                                  "prices may rise",
                                  "a march on the capital",
                                  "the Sun rose",
                                  "Wed",
                                  "2,019 people",
                                  "2019 people came",
                                  "it cost $2019",
                                  "ticket No. 2019",
                                  "up 2019%",
                                  "1500 km",
                                  "it runs Windows 2000 well",
                                  "see http://example.com/2019/05/a",
                                  "a ratio of 12/9/2021",
                                  "May I ask?",
                                  "the 2021-02-30 date",
                                  "March was wet",
                                  "apartment 1500",
                                  "This may take long",
                                  "we may march on",
                                  "scored in the second half",
                                  "told the Sunday Times",
                                  "in the Mail on Sunday"}) {
        INFO(text);
        CHECK(find_times(text, june_20).empty());
    }
}

TEST_CASE("time: reservoir case sentences") {
    const std::string text = read_shared("cases/reservoir/draft.md");
    const auto end_of_september = find_written(text, "the end of September", october_2);
    check_span(end_of_september, time_span::month(2025, 9));
    CHECK(end_of_september.basis == time_basis::relative);
    check_span(find_written(text, "1962", october_2), time_span::year(1962));
    check_span(find_written(text, "June 2022", october_2), time_span::month(2022, 6));
    check_span(find_written(text, "March 2023", october_2), time_span::month(2023, 3));
    check_span(find_written(text, "last year", october_2), time_span::year(2024));
    check_span(find_written(text, "2025", october_2), time_span::year(2025));
    for (const auto& m : find_times(text, october_2)) {
        // No quantity is read as a date.
        const auto written = std::string_view(text).substr(m.begin, m.end - m.begin);
        CHECK(written.find("310") == std::string_view::npos);
        CHECK(written.find("900") == std::string_view::npos);
    }
}

TEST_CASE("time: budget case sentences") {
    const std::string text = read_shared("cases/budget/draft.md");
    const auto monday = find_written(text, "Monday", june_20);
    check_span(monday, time_span::day(2025, 6, 16));
    check_span(find_written(text, "last year", june_20), time_span::year(2024));
    check_span(find_written(text, "May", june_20), time_span::month(2025, 5));
    check_span(find_written(text, "this year", june_20), time_span::year(2025));
    check_span(find_written(text, "March 2011", june_20), time_span::month(2011, 3));
    check_span(find_written(text, "2027", june_20), time_span::year(2027));
    CHECK(find_written(text, "now", june_20).basis == time_basis::document);
    for (const auto& m : find_times(text, june_20)) {
        const auto written = std::string_view(text).substr(m.begin, m.end - m.begin);
        CHECK(written.find("9:30") == std::string_view::npos);
        CHECK(written.find("0190") == std::string_view::npos);
        CHECK(written.find("1,200") == std::string_view::npos);
    }
}

TEST_CASE("time: parse_date") {
    CHECK(parse_date("2021-12-31") == time_span::day(2021, 12, 31));
    CHECK(parse_date("2023-08") == time_span::month(2023, 8));
    CHECK(parse_date("2008") == time_span::year(2008));
    CHECK(parse_date("December 2021") == time_span::month(2021, 12));
    CHECK(parse_date("Dec. 9, 2021") == time_span::day(2021, 12, 9));
    CHECK(parse_date(" 9 December 2021 ") == time_span::day(2021, 12, 9));
    CHECK(parse_date("Q3 2023") == time_span::quarter(2023, 3));
    CHECK_FALSE(parse_date("2021-02-30").has_value());
    CHECK_FALSE(parse_date("2021-12-31 and more").has_value());
    CHECK_FALSE(parse_date("last year").has_value());
    CHECK_FALSE(parse_date("").has_value());
    CHECK_FALSE(parse_date("December").has_value());
}

TEST_CASE("time: bad input neither crashes nor hangs") {
    const std::string noise =
        "\xE2\x80\x93\xFF\xC2 2019\xE2\x80\x99 '9 Q 's FY fiscal the end of - 2019- 9th of";
    (void)find_times(noise, june_20);
    for (std::size_t i = 0; i < noise.size(); ++i)
        (void)find_times(std::string_view(noise).substr(i), june_20);
    CHECK(parse_date("\xFF\xFE").has_value() == false);
}

}  // namespace

namespace {

// The normalized value and span of the phrase `written` in `text`.
void check_written(std::string_view text, std::string_view written, const std::optional<time_span>& doc,
                   const time_span& expected, std::string_view normalized) {
    INFO("text: " << text);
    const time_match m = find_written(text, written, doc);
    check_span(m, expected);
    CHECK(m.normalized == normalized);
}

time_span days(int y1, unsigned m1, unsigned d1, int y2, unsigned m2, unsigned d2, granularity g) {
    return {to_day_number({y1, m1, d1}), to_day_number({y2, m2, d2}), g};
}

}  // namespace

TEST_CASE("time: a year ago beside a quarter is that quarter a year before") {
    // October 2, 2025: the latest quarter that has ended is 2025-Q3.
    check_written("Third-quarter profit rose 8% from a year ago.", "a year ago", october_2,
                  time_span::quarter(2024, 3), "2024-Q3");
    check_written("Its quarterly sales fell from a year earlier.", "a year earlier", october_2,
                  time_span::quarter(2024, 3), "2024-Q3");
    check_written("The quarter's loss compares with a profit last year.", "last year", october_2,
                  time_span::quarter(2024, 3), "2024-Q3");
    check_written("Profit rose from the year-ago quarter.", "the year-ago quarter", october_2,
                  time_span::quarter(2024, 3), "2024-Q3");
    check_written("Sales beat the year-earlier period.", "the year-earlier period", october_2,
                  time_span::quarter(2024, 3), "2024-Q3");
    check_written("Sales beat the comparable year-ago quarter.", "the comparable year-ago quarter", october_2,
                  time_span::quarter(2024, 3), "2024-Q3");
    check_written("Sales beat the year-ago second quarter.", "the year-ago second quarter", october_2,
                  time_span::quarter(2024, 2), "2024-Q2");
    // Without a quarter in the sentence a year is a year.
    check_written("Sales rose 4% from last year.", "last year", october_2, time_span::year(2024), "2024");
    check_written("Sales rose from a year ago. The third quarter was flat.", "a year ago", october_2,
                  time_span::year(2024), "2024");
    check_written("Profit fell in the U.S. last year.", "last year", october_2, time_span::year(2024),
                  "2024");
}

TEST_CASE("time: the quarter and the latest quarter") {
    check_written("Profit rose in the quarter.", "the quarter", october_2, time_span::quarter(2025, 3),
                  "2025-Q3");
    check_written("Profit rose in the latest quarter.", "the latest quarter", october_2,
                  time_span::quarter(2025, 3), "2025-Q3");
    check_written("in the most recent quarter", "the most recent quarter", june_20,
                  time_span::quarter(2025, 1), "2025-Q1");
    CHECK(only("Profit rose in the quarter.").normalized == "XXXX-QX");
    check_written("Third-quarter sales rose. Profit in the latest period fell.", "the latest period",
                  october_2, time_span::quarter(2025, 3), "2025-Q3");
    CHECK(find_times("Profit in the latest period fell.", october_2).empty());
    CHECK(find_times("the period ended", october_2).empty());
    check_one("up from the 1988 third quarter", "the 1988 third quarter", time_span::quarter(1988, 3));
    check_one("in the 2024 fourth-quarter", "the 2024 fourth-quarter", time_span::quarter(2024, 4));
    for (std::string_view text : {"a quarter of the vote", "the quarter of voters who stayed home",
                                  "the quarter-point cut", "the French Quarter", "three quarters"}) {
        INFO(text);
        CHECK(find_times(text, october_2).empty());
    }
}

TEST_CASE("time: seasons") {
    const auto quarter_grain = granularity::quarter;
    check_written("It opened last fall.", "last fall", june_20, days(2024, 9, 1, 2024, 11, 30, quarter_grain),
                  "2024-FA");
    check_written("It opens this summer.", "this summer", june_20,
                  days(2025, 6, 1, 2025, 8, 31, quarter_grain), "2025-SU");
    check_written("It rained this past spring.", "this past spring", june_20,
                  days(2025, 3, 1, 2025, 5, 31, quarter_grain), "2025-SP");
    check_written("It rained in the summer.", "the summer", june_20,
                  days(2025, 6, 1, 2025, 8, 31, quarter_grain), "2025-SU");
    check_written("in the winter of 1994", "the winter of 1994", no_date,
                  days(1994, 12, 1, 1995, 2, 28, quarter_grain), "1994-WI");
    check_written("next spring", "next spring", june_20, days(2026, 3, 1, 2026, 5, 31, quarter_grain),
                  "2026-SP");
    const time_match m = only("last fall");
    CHECK_FALSE(m.span.has_value());
    CHECK(m.normalized == "XXXX-FA");
    for (std::string_view text : {"prices fall", "the fall of the wall", "a hot spring",
                                  "the Summer Olympics", "a spring in her step", "winter coats"}) {
        INFO(text);
        CHECK(find_times(text, june_20).empty());
    }
}

TEST_CASE("time: weekends") {
    // June 20, 2025 is a Friday.
    check_written("Fans gathered over the weekend.", "the weekend", june_20,
                  days(2025, 6, 14, 2025, 6, 15, granularity::day), "2025-W24-WE");
    check_written("They will gather over the weekend.", "the weekend", june_20,
                  days(2025, 6, 21, 2025, 6, 22, granularity::day), "2025-W25-WE");
    check_written("this weekend", "this weekend", june_20, days(2025, 6, 21, 2025, 6, 22, granularity::day),
                  "2025-W25-WE");
    check_written("last weekend", "last weekend", june_20, days(2025, 6, 14, 2025, 6, 15, granularity::day),
                  "2025-W24-WE");
    check_written("next weekend", "next weekend", june_20, days(2025, 6, 28, 2025, 6, 29, granularity::day),
                  "2025-W26-WE");
    check_written("the weekend", "the weekend", time_span::day(2025, 6, 22),
                  days(2025, 6, 21, 2025, 6, 22, granularity::day), "2025-W25-WE");
    CHECK(find_times("weekends are busy", june_20).empty());
}

TEST_CASE("time: a future marker picks the next month, day or weekday") {
    check_written("The talks will resume in April.", "April", june_20, time_span::month(2026, 4), "2026-04");
    check_written("Rain fell in April.", "April", june_20, time_span::month(2025, 4), "2025-04");
    check_written("The plant is expected to open in May.", "May", june_20, time_span::month(2026, 5),
                  "2026-05");
    const time_match by = find_written("The bill should pass by February.", "by February", june_20);
    CHECK(by.normalized == "2026-02");
    CHECK(iso_date(by.span->to) == "2026-02-28");
    check_written("They will meet Tuesday.", "Tuesday", june_20, time_span::day(2025, 6, 24), "2025-06-24");
    check_written("They met Tuesday.", "Tuesday", june_20, time_span::day(2025, 6, 17), "2025-06-17");
    check_written("He said they will appeal Wednesday's ruling.", "Wednesday", june_20,
                  time_span::day(2025, 6, 18), "2025-06-18");
    check_written("The fund will pay on Jan. 3.", "Jan. 3", june_20, time_span::day(2026, 1, 3),
                  "2026-01-03");
    check_written("The fund paid on Jan. 3.", "Jan. 3", june_20, time_span::day(2025, 1, 3), "2025-01-03");
    // "this September" is this year's, future marker or not; "in September" the latest.
    check_written("It opens this September.", "this September", june_20, time_span::month(2025, 9),
                  "2025-09");
    check_written("It opened in September.", "September", june_20, time_span::month(2024, 9), "2024-09");
    // A hyphenated "expected" is an adjective; "is to" plans.
    check_written("It fell after lower-than-expected earnings after the market closed Wednesday.",
                  "Wednesday", june_20, time_span::day(2025, 6, 18), "2025-06-18");
    check_written("The stock is to resume trading in Paris Tuesday.", "Tuesday", june_20,
                  time_span::day(2025, 6, 24), "2025-06-24");
    // Each kind of marker, in any case; a word of the past met first stops the search.
    check_written("The vote is SET FOR Tuesday.", "Tuesday", june_20, time_span::day(2025, 6, 24),
                  "2025-06-24");
    check_written("Talks resume as soon as Monday.", "Monday", june_20, time_span::day(2025, 6, 23),
                  "2025-06-23");
    check_written("Sales We'll see Monday.", "Monday", june_20, time_span::day(2025, 6, 23), "2025-06-23");
    check_written("It will be as they said Monday.", "Monday", june_20, time_span::day(2025, 6, 16),
                  "2025-06-16");
}

TEST_CASE("time: a day the month does not have yields nothing, not its month or year") {
    // Once "February 30, 2021" gave a record for February and one for 2021.
    for (const char* text : {"It opened on February 30, 2021 after delays.", "It opened on 30 February 2021.",
                             "It opened on April 31.", "It opened on Feb. 29, 2021.", "on June 31st, 2020"}) {
        INFO("text: " << text);
        CHECK(find_times(text, june_20).empty());
    }
    // Valid neighbours still read, and the phrase after the skipped one too.
    check_span(only("It opened on February 29, 2020.", june_20), time_span::day(2020, 2, 29));
    check_span(only("It opened on April 30.", june_20), time_span::day(2025, 4, 30));
    const auto after = find_times("Not on April 31 but in May 2021.", june_20);
    REQUIRE(after.size() == 1);
    check_span(after[0], time_span::month(2021, 5));
}

TEST_CASE("time: the grammar reads a phrase from a run of one, two or four digits only") {
    // The scanner skips its attempt at runs of three and of five digits or
    // more, and at one or two digits before anything but the few things
    // below (scanner::date_digits); these are the forms of every
    // number-first phrase, written with such runs.
    const auto reads = [](std::string_view text) {
        const char* it = text.data();
        return grammar::time_detail::parse_core(it, text.data() + text.size()).has_value();
    };
    for (std::string_view text : {"1 May", "12 May", "2019", "1990s", "90s", "31/12/2021", "21st century"}) {
        INFO("text: " << text);
        CHECK(reads(text));
    }
    // After one or two digits only an ordinal suffix, '/', 's', an
    // apostrophe, a dash, or blanks and a dash, "of", a month or a word
    // joining two days can make one.
    for (std::string_view text :
         {"5 May", "12 of May", "4 to 22 January", "4-22 January", "31st December", "90's", "12/25/2021",
          "5\u00a0May", "4 - 22 January", "4 and 5 June", "5 OF MAY", "4 TO 22 JANUARY", "4 Until 6 June",
          "12 dec.", "12 Sept. 2019", "5 june", "4 through 6 Aug", "4 till 6 July", "4\n\nOctober"}) {
        INFO("text: " << text);
        CHECK(reads(text));
    }
    for (std::string_view digits : {"5", "12", "31"}) {
        for (std::string_view after :
             {"",        " people",  " percent",   ",",        ".",       ")",        "am",      "m",
              "x",       " years",   " Wednesday", " because", " hours",  " kg",      " 2019",   " 3",
              "%",       ": May",    " million",   " minutes", " months", " in May",  " today",  " days",
              " of the", " to",      " and 5",     " until",   " once",   " Marches", " juneau", " decade",
              " sun",    " tonight", " attempts",  " falls"}) {
            const std::string text = std::string(digits) + std::string(after);
            INFO("text: " << text);
            CHECK_FALSE(reads(text));
        }
    }
    for (std::string_view digits : {"201", "999", "20191", "123456"}) {
        for (std::string_view after :
             {"", " May", " May 2019", "/9/2021", "-12-09", "-20", "s", "'s", "th century", "st",
              " to 22 January", " November", " Q3", " third quarter"}) {
            const std::string text = std::string(digits) + std::string(after);
            INFO("text: " << text);
            CHECK_FALSE(reads(text));
        }
    }
}

TEST_CASE("time: the grammar tried by a word's first letter reads what every form reads") {
    // parse_core tries at a word only the forms that can begin with its
    // first letter; parse_core_every_form tries them all.
    namespace td = grammar::time_detail;
    const auto reading = [](std::string_view text, bool every_form) {
        const char* it = text.data();
        const auto core = every_form ? td::parse_core_every_form(it, text.data() + text.size())
                                     : td::parse_core(it, text.data() + text.size());
        std::ostringstream out;
        if (core)
            out << static_cast<int>(core->form) << ' ' << core->year << ' ' << core->year2 << ' '
                << core->month << ' ' << core->day << ' ' << core->day2 << ' ' << core->part << ' '
                << core->shift << ' ' << static_cast<int>(core->unit) << core->week << core->fiscal
                << core->two_digit_year << core->needs_context << core->past << core->shifted_year << ' '
                << (it - text.data());
        return out.str();
    };
    std::vector<std::string> words = {
        "january",   "february", "march",    "april",    "may",      "june",      "july",       "august",
        "september", "october",  "november", "december", "jan",      "feb",       "mar",        "apr",
        "jun",       "jul",      "aug",      "sep",      "sept",     "oct",       "nov",        "dec",
        "jan.",      "sept.",    "dec.",     "monday",   "tuesday",  "wednesday", "thursday",   "friday",
        "saturday",  "sunday",   "this",     "last",     "next",     "current",   "previous",   "coming",
        "yesterday", "today",    "tomorrow", "tonight",  "now",      "currently", "presently",  "nowadays",
        "still",     "first",    "second",   "third",    "fourth",   "fiscal",    "fy",         "q",
        "spring",    "summer",   "fall",     "autumn",   "winter",   "nineteen",  "eighteen",   "year",
        "twenties",  "thirties", "forties",  "fifties",  "sixties",  "seventies", "eighties",   "nineties",
        "about",     "weekend",  "ago",      "oh",       "of",       "and",       "dozen",      "w",
        "a",         "mondays",  "sundae",   "friday_",  "tuesdayy", "thursda",   "wednesdays", "satday",
        "sunday2"};
    const std::size_t plain = words.size();
    for (std::size_t i = 0; i < plain; ++i) {
        std::string capital = words[i], upper = words[i];
        capital[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capital[0])));
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        words.push_back(capital);
        words.push_back(upper);
    }
    const std::vector<std::string_view> tails = {"",
                                                 " 5",
                                                 " 5, 2021",
                                                 " 2021",
                                                 ", 2021",
                                                 " of 2021",
                                                 " in 2021",
                                                 " 22nd",
                                                 " 4 to 22",
                                                 " 4-22, 2020",
                                                 " this year",
                                                 " last year",
                                                 " year",
                                                 " month",
                                                 " quarter",
                                                 " fiscal year",
                                                 " May",
                                                 " Monday",
                                                 " Oct. 23",
                                                 " spring",
                                                 " past summer",
                                                 " half of 2020",
                                                 " quarter of 2020",
                                                 " ninety-six",
                                                 " oh five",
                                                 " two thousand and one",
                                                 "2019",
                                                 "3",
                                                 " 2019",
                                                 "'s first quarter",
                                                 " year's second half",
                                                 ", April 25",
                                                 " the 5th"};
    for (const std::string& w : words) {
        for (std::string_view tail : tails) {
            const std::string text = w + std::string(tail);
            INFO("text: " << text);
            CHECK(reading(text, false) == reading(text, true));
        }
    }
    // And at digits, the forms tried by the length of the run.
    for (std::string_view digits :
         {"5", "12", "31", "90", "201", "2019", "1800", "1990", "20191", "123456"}) {
        for (std::string_view tail : {"",
                                      "s",
                                      "'s",
                                      "\u2019s",
                                      "-12-09",
                                      "-12",
                                      "-20",
                                      "/20",
                                      "\u201320",
                                      "/12/2021",
                                      "/9/21",
                                      "st century",
                                      "th century",
                                      " May",
                                      " May 2019",
                                      " of May",
                                      " to 22 January",
                                      "-22 January",
                                      " November",
                                      " third quarter",
                                      ", June",
                                      " 5",
                                      "-5-6",
                                      " people",
                                      "\u00a0June",
                                      "\tMay 5",
                                      "\nMay",
                                      " , May",
                                      "  May",
                                      ",May",
                                      ",\u00a0May",
                                      "\u00a0third quarter",
                                      "\n2nd-quarter",
                                      "S",
                                      "'S",
                                      "-s",
                                      "\u2014",
                                      "\u2013 20",
                                      "-12-31",
                                      "-02-30",
                                      "-1-2",
                                      "/2021",
                                      "/21/2021",
                                      "\u2019",
                                      "'",
                                      ".",
                                      ",",
                                      "x",
                                      "_"}) {
            const std::string text = std::string(digits) + std::string(tail);
            INFO("text: " << text);
            CHECK(reading(text, false) == reading(text, true));
        }
    }
}

TEST_CASE("time: lower-case may and march are tried only before a day or a year") {
    // The scanner asks the grammar about lower-case "may", "mar" and
    // "march" only when blanks and commas, then a digit or "of", "in",
    // "nineteen" or "eighteen" follow (time_scan.cpp's
    // day_or_year_may_follow): wherever the grammar reads a phrase there,
    // the scanner must have asked.
    namespace td = grammar::time_detail;
    const auto reads = [](std::string_view text) {
        const char* it = text.data();
        return td::parse_core_every_form(it, text.data() + text.size()).has_value();
    };
    const auto asks = [](std::string_view text) {
        const char* const end = text.data() + text.size();
        const char* letters_end = text.data();
        while (letters_end < end && std::isalpha(static_cast<unsigned char>(*letters_end))) ++letters_end;
        const char* word_end = letters_end;
        while (word_end < end && std::isalnum(static_cast<unsigned char>(*word_end))) ++word_end;
        return grammar::detail::time_word_acts(text.data(), letters_end, word_end, end);
    };
    int read = 0;
    for (std::string_view word : {"may", "mar", "mar.", "march"}) {
        for (std::string_view tail : {"",
                                      " 5",
                                      " 5th",
                                      " 5, 2021",
                                      " 2021",
                                      ", 2021",
                                      " ,2021",
                                      "  ,  2021",
                                      ",\n2021",
                                      "\n\n2021",
                                      "\t4",
                                      "\xC2\xA0"
                                      "2021",
                                      " of 2021",
                                      " OF 2021",
                                      " in 2021",
                                      " In\n2021",
                                      " nineteen ninety-six",
                                      " Nineteen oh five",
                                      " eighteen twelve",
                                      " EIGHTEEN TWELVE",
                                      " 4 to 22",
                                      " 4-22, 2020",
                                      " this year",
                                      " last year",
                                      " be",
                                      " be 5",
                                      " the 5th",
                                      " of",
                                      " in",
                                      ". 5",
                                      ".5",
                                      "5",
                                      " 2019s",
                                      " fifth",
                                      " 31",
                                      " 22nd of",
                                      " sixty",
                                      ", in 2019"}) {
            const std::string text = std::string(word) + std::string(tail);
            INFO("text: " << text);
            if (reads(text)) {
                ++read;
                CHECK(asks(text));
            }
        }
    }
    CHECK(read > 40);  // the grammar does read many of them
    for (std::string_view text : {"may", "may be", "march on", "may this year", "mar the", "may."})
        CHECK_FALSE(asks(text));
}

namespace {

// timex values as fmt::format wrote them before time_resolve.cpp built them
// by hand: the slow path the hand-built values are held against.
std::string fmt_timex_point(day_number d, granularity g) {
    const civil_date c = to_civil(d);
    switch (g) {
        case granularity::day: return iso_date(d);
        case granularity::month: return fmt::format("{:04}-{:02}", c.year, c.month);
        case granularity::quarter: return fmt::format("{:04}-Q{}", c.year, (c.month - 1) / 3 + 1);
        case granularity::year: return fmt::format("{:04}", c.year);
        case granularity::decade: return fmt::format("{:03}", c.year / 10);
        case granularity::century: return fmt::format("{:02}", c.year / 100);
    }
    return iso_date(d);
}

std::string fmt_timex(const time_span& s) {
    if (s.from == open_start || s.to == open_end)
        return fmt_timex_point(s.from == open_start ? s.to : s.from, s.grain);
    const std::string first = fmt_timex_point(s.from, s.grain), last = fmt_timex_point(s.to, s.grain);
    return first == last ? first : first + "/" + last;
}

}  // namespace

TEST_CASE("time: timex values built by hand are those fmt::format writes") {
    namespace td = grammar::time_detail;
    const granularity grains[] = {granularity::day,  granularity::month,  granularity::quarter,
                                  granularity::year, granularity::decade, granularity::century};
    // Days from before year 0 to after 9999, spans of every length that
    // matters at each grain, open at either end.
    std::vector<day_number> days;
    for (int year : {-1234, -100, -11,  -10,  -9,   -1,   0,    1,    9,    10,   99,   100,   999,  1000,
                     1899,  1900, 1969, 1970, 1999, 2000, 2019, 2020, 2099, 2100, 9999, 10000, 12345})
        for (unsigned month : {1u, 2u, 3u, 4u, 6u, 7u, 9u, 10u, 12u})
            for (unsigned day : {1u, 15u, 28u}) days.push_back(to_day_number({year, month, day}));
    const int lengths[] = {0, 1, 6, 27, 31, 62, 89, 92, 364, 365, 366, 3652, 36524, 40000};
    int checked = 0;
    for (granularity g : grains) {
        for (day_number from : days) {
            for (int n : lengths) {
                const time_span s{from, from + n, g};
                INFO(from << " + " << n << " at " << static_cast<int>(g));
                CHECK(td::timex_of(s) == fmt_timex(s));
                ++checked;
            }
            CHECK(td::timex_of(time_span{open_start, from, g}) == fmt_timex(time_span{open_start, from, g}));
            CHECK(td::timex_of(time_span{from, open_end, g}) == fmt_timex(time_span{from, open_end, g}));
        }
    }
    CHECK(checked > 10000);
    // The values of phrases without a year, with no document date, and of
    // halves, weeks and seasons.
    const auto value = [](td::time_core c) { return td::resolve(c, std::nullopt).normalized; };
    for (unsigned month = 1; month <= 12; ++month) {
        td::time_core m;
        m.form = td::core_form::month;
        m.month = month;
        CHECK(value(m) == fmt::format("XXXX-{:02}", month));
        m.shifted_year = true;
        CHECK(value(m) == fmt::format("XXXX-{:02}", month));
        for (unsigned day : {1u, 9u, 10u, 28u, 31u}) {
            td::time_core d;
            d.form = td::core_form::day;
            d.month = month;
            d.day = day;
            for (int shift : {-1, 0, 1}) {
                d.shift = shift;
                CHECK(value(d) == fmt::format("XXXX-{:02}-{:02}", month, day));
            }
        }
    }
    for (unsigned part = 1; part <= 4; ++part) {
        td::time_core q;
        q.form = td::core_form::quarter;
        q.part = part;
        CHECK(value(q) == fmt::format("XXXX-Q{}", part));
        q.shifted_year = true;
        CHECK(value(q) == fmt::format("XXXX-Q{}", part));
        td::time_core s;
        s.form = td::core_form::season;
        s.part = part;
        const char* const codes[] = {"", "SP", "SU", "FA", "WI"};
        CHECK(value(s) == fmt::format("XXXX-{}", codes[part]));
        for (int year : {-5, 7, 1994, 2021, 12345}) {  // 0 is no year
            s.year = year;
            CHECK(value(s) == fmt::format("{:04}-{}", year, codes[part]));
        }
    }
    for (unsigned part = 1; part <= 2; ++part) {
        td::time_core h;
        h.form = td::core_form::half;
        h.part = part;
        CHECK(value(h) == fmt::format("XXXX-H{}", part));
        h.shifted_year = true;
        CHECK(value(h) == fmt::format("XXXX-H{}", part));
        h.shifted_year = false;
        for (int year : {-5, 7, 1994, 2021, 12345}) {
            h.year = year;
            CHECK(value(h) == fmt::format("{:04}-H{}", year, part));
        }
        // The latest half begun by a document date.
        h.year = 0;
        const auto r = td::resolve(h, time_span::day(2021, 9, 1));
        CHECK(r.normalized == fmt::format("{:04}-H{}", 2021, part));
    }
    for (unsigned day = 1; day <= 7; ++day) {
        td::time_core w;
        w.form = td::core_form::weekday;
        w.part = day;
        CHECK(value(w) == fmt::format("XXXX-WXX-{}", day));
    }
    // ISO weeks across the turn of years.
    for (day_number d = to_day_number({2019, 12, 20}); d < to_day_number({2021, 1, 12}); d += 3) {
        td::time_core wk;
        wk.form = td::core_form::relative;
        wk.unit = granularity::day;
        wk.week = true;
        const day_number monday = d - static_cast<int>(((d + 3) % 7 + 7) % 7);
        const day_number thursday = monday + 3;
        const int year = to_civil(thursday).year;
        const int week = (thursday - to_day_number({year, 1, 1})) / 7 + 1;
        CHECK(td::resolve(wk, time_span::day(to_civil(d).year, to_civil(d).month, to_civil(d).day))
                  .normalized == fmt::format("{:04}-W{:02}", year, week));
    }
}

TEST_CASE("time: the scanner asks the grammar at every run of digits it reads a phrase from") {
    // time_detail::digits_may_start skips the grammar at one or two digits
    // before what no phrase has next (scores "6-3", ages "31-year-old",
    // "4's"): wherever parse_core reads a phrase, it must say yes.
    namespace td = grammar::time_detail;
    const auto reads = [](std::string_view text) {
        const char* it = text.data();
        return td::parse_core(it, text.data() + text.size()).has_value();
    };
    const auto asks = [](std::string_view text) {
        return td::digits_may_start(text.data(), text.data() + text.size());
    };
    const std::vector<std::string_view> joins = {
        "",  "-",    " - ",     "\u2013", " \u2013 ", "\u2014", "/",       "'",      "\u2019",
        "s", "'s",   "\u2019s", "st",     "th",       "nd",     " ",       "\u00a0", "\n",
        ",", ".",    "-\u00a0", " -",     "\u00a0-",  "\t",     "-\n",     "sts",    "'S",
        "S", " of ", " to ",    "-s",     "_",        " and ",  "- \u00a0"};
    const std::vector<std::string_view> rests = {"",
                                                 "22",
                                                 "22nd",
                                                 "3",
                                                 "22 January",
                                                 "22 january 2019",
                                                 "22nd of May",
                                                 "22 of May",
                                                 "3 Sept. 2019",
                                                 "3\u00a0MAY",
                                                 "22nd\nOctober",
                                                 "22, January",
                                                 "22 Monday",
                                                 "222 May",
                                                 "22s May",
                                                 "year-old",
                                                 "3 win",
                                                 "12/2021",
                                                 "12/21",
                                                 "s",
                                                 " century",
                                                 "century",
                                                 "May",
                                                 "of May",
                                                 " May",
                                                 "to 22 May",
                                                 "and 5 June",
                                                 "the 5th of May",
                                                 "s ",
                                                 "s,"};
    int read = 0;
    for (std::string_view digits : {"1", "4", "12", "31", "90", "2019", "201", "20191"}) {
        for (std::string_view join : joins) {
            for (std::string_view rest : rests) {
                for (std::string_view tail : {"", " 2019", ".", "s"}) {
                    const std::string text =
                        std::string(digits) + std::string(join) + std::string(rest) + std::string(tail);
                    INFO("text: " << text);
                    if (reads(text)) {
                        ++read;
                        CHECK(asks(text));
                    }
                }
            }
        }
    }
    CHECK(read > 1000);
    // And it skips the attempts that motivated it.
    for (std::string_view text : {"6-3", "31-year-old", "4's", "4s", "12-point", "6-3, 6-4", "3 - 2 win"}) {
        INFO("text: " << text);
        CHECK_FALSE(reads(text));
        CHECK_FALSE(asks(text));
    }
}
