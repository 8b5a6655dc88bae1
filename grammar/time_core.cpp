// The Spirit X3 grammar of one time phrase (SPEC §4.3). The scanner in
// time_scan.cpp only calls it at plausible starts; this file says what a
// phrase looks like, time_resolve.cpp what it means.
#include <boost/spirit/home/x3.hpp>

#include "grammar/time_core.hpp"

namespace factlint::grammar::time_detail {
namespace {

namespace x3 = boost::spirit::x3;
using boost::fusion::at_c;

// ---- tokens ---------------------------------------------------------------

// Whitespace between words may break a line or be a no-break space.
const auto sp = x3::omit[+(x3::char_(" \t\r\n") | x3::lit("\xC2\xA0"))];
// Byte-safe classes: X3's char classes assert on UTF-8 bytes above 0x7F.
const auto digit = x3::char_("0-9");
const auto word_end = !x3::char_("a-zA-Z0-9_");
const auto year4 = x3::uint_parser<int, 10, 4, 4>{} >> !digit;
const auto two_digits = x3::uint_parser<unsigned, 10, 2, 2>{} >> !digit;
const auto day_number_ = x3::uint_parser<unsigned, 10, 1, 2>{} >> !digit;
const auto ordinal_suffix = x3::lit("st") | "nd" | "rd" | "th";
const auto dash = x3::lit('-') | "\xE2\x80\x93" /* – */;
const auto apostrophe = x3::lit('\'') | "\xE2\x80\x99" /* ’ */;
const auto comma = x3::lit(',');
// A keyword as prose writes it: lower case, Capitalised or UPPER CASE.
// (x3::no_case would call std::tolower on UTF-8 bytes.)
template <typename T>
struct keyword_table : x3::symbols<T> {
    keyword_table(std::initializer_list<std::pair<const char*, T>> words) {
        for (const auto& [word, value] : words) {
            std::string w = word;
            this->add(w, value);
            w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
            this->add(w, value);
            for (char& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            this->add(w, value);
        }
    }
};
using keyword = keyword_table<char>;

const keyword of_word{{"of", 0}};
const keyword century_word{{"century", 0}};
const keyword quarter_word{{"quarter", 0}};
const keyword half_word{{"half", 0}};
const keyword fiscal_word{{"fiscal", 0}};
const keyword year_word{{"year", 0}};
const keyword q_letter{{"q", 0}};
const keyword in_word{{"in", 0}};
const keyword day_link_words{{"to", 0}, {"through", 0}, {"till", 0}, {"until", 0}, {"and", 0}};
const keyword the_word{{"the", 0}};
const auto of = x3::omit[of_word] >> sp;

// Month names as prose writes them: capitalised (or all capitals). Lower
// case "may" and "march" are a verb and a noun. Values above 16 mark a
// name that is also a common word ("May", "March", "Jan"): alone, it
// needs a preposition before it (checked by the scanner).
constexpr unsigned ambiguous = 16;
// Lower case ("june 2022", "26 june") is read beside a day or a year; alone
// only after a preposition, and never "may" or "march".
constexpr unsigned lower_case = 32;

struct month_table : x3::symbols<unsigned> {
    month_table() {
        static const char* const full[] = {"January",   "February", "March",    "April",
                                           "May",       "June",     "July",     "August",
                                           "September", "October",  "November", "December"};
        static const char* const abbrev[] = {"Jan", "Feb", "Mar", "Apr", nullptr, "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov",   "Dec"};
        for (unsigned m = 1; m <= 12; ++m) {
            const bool word_too = m == 3 || m == 4 || m == 5 || m == 6 || m == 8;
            add_both(full[m - 1], m + (word_too ? ambiguous : 0));
            if (abbrev[m - 1]) {
                add_both(abbrev[m - 1], m + ambiguous);
                add_both(std::string(abbrev[m - 1]) + ".", m + ambiguous);  // the dot belongs to the date
            }
        }
        add_both("Sept", 9 + ambiguous);
        add_both("Sept.", 9 + ambiguous);
    }
    void add_both(std::string name, unsigned value) {
        add(name, value);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        add(name, value | lower_case);
        for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        add(name, value);
    }
};
const month_table month_names;

struct weekday_table : x3::symbols<unsigned> {
    weekday_table() {
        static const char* const names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};
        for (unsigned d = 1; d <= 7; ++d) {
            std::string name = names[d - 1];
            add(name, d);
            for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            add(name, d);
        }
    }
};
const weekday_table weekday_names;

const keyword_table<unsigned> ordinals{{"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4},
                                       {"1st", 1},   {"2nd", 2},    {"3rd", 3},   {"4th", 4}};
const keyword_table<int> shifts{{"this", 0},      {"current", 0}, {"last", -1},
                                {"previous", -1}, {"next", 1},    {"coming", 1}};

// Unit words after this/last/next; values are granularity codes, 9 = week.
constexpr unsigned week_code = 9;
const keyword_table<unsigned> units{{"year", static_cast<unsigned>(granularity::year)},
                                    {"month", static_cast<unsigned>(granularity::month)},
                                    {"quarter", static_cast<unsigned>(granularity::quarter)},
                                    {"decade", static_cast<unsigned>(granularity::decade)},
                                    {"century", static_cast<unsigned>(granularity::century)},
                                    {"week", week_code}};
const keyword_table<unsigned> season_names{
    {"spring", 1}, {"summer", 2}, {"fall", 3}, {"autumn", 3}, {"winter", 4}};
const keyword past_word{{"past", 0}};
const keyword last_word{{"last", 0}};
// The parts of a year a possessive or "last" can pick: "quarter", "half".
constexpr unsigned half_code = 2, quarter_code = 4;
const keyword_table<unsigned> year_parts{{"quarter", quarter_code}, {"half", half_code}};
const keyword_table<int> day_words{{"yesterday", -1}, {"today", 0}, {"tonight", 0}, {"tomorrow", 1}};
const keyword present_words{{"now", 0}, {"currently", 0}, {"presently", 0}, {"nowadays", 0}, {"still", 0}};

// Years spoken as words, as transcripts write them: "nineteen ninety-six",
// "nineteen oh five", "(the year) two thousand and one". A year needs its
// first two digits as a word ("nineteen", "eighteen") or "year" before "two
// thousand": "two thousand" alone is a count, and so, as often as not, is
// "eighteen hundred" (not read).
const keyword_table<int> century_words{{"nineteen", 19}, {"eighteen", 18}};
const keyword_table<int> tens_words{{"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fifty", 50},
                                    {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90}};
const keyword_table<int> teen_words{{"ten", 10},      {"eleven", 11},  {"twelve", 12},  {"thirteen", 13},
                                    {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17},
                                    {"eighteen", 18}, {"nineteen", 19}};
const keyword_table<int> unit_words{{"one", 1}, {"two", 2},   {"three", 3}, {"four", 4}, {"five", 5},
                                    {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}};
const keyword oh_word{{"oh", 0}};
const keyword two_word{{"two", 0}};
const keyword thousand_word{{"thousand", 0}};
const keyword and_word{{"and", 0}};
// "the nineties": decades as words (the scanner wants "the" before them).
const keyword_table<unsigned> decade_words{{"twenties", 20}, {"thirties", 30}, {"forties", 40},
                                           {"fifties", 50},  {"sixties", 60},  {"seventies", 70},
                                           {"eighties", 80}, {"nineties", 90}};

const auto set_number = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };
const auto add_number = [](auto& ctx) { x3::_val(ctx) += x3::_attr(ctx); };
const auto set_two_thousand = [](auto& ctx) { x3::_val(ctx) = 2000; };
const auto times_hundred_plus = [](auto& ctx) { x3::_val(ctx) = x3::_val(ctx) * 100 + x3::_attr(ctx); };

// The last two digits of a spoken year: "ninety-six", "ninety six",
// "twelve", "oh five".
const x3::rule<struct two_spoken_digits_class, int> two_spoken_digits = "year";
const auto two_spoken_digits_def =
    (tens_words[set_number] >> word_end >> -((x3::lit('-') | sp) >> unit_words[add_number] >> word_end)) |
    (teen_words[set_number] >> word_end) |
    (x3::omit[oh_word] >> word_end >> sp >> unit_words[set_number] >> word_end);
BOOST_SPIRIT_DEFINE(two_spoken_digits)

const x3::rule<struct spoken_year_class, int> spoken_year = "year";
const auto spoken_year_def =
    century_words[set_number] >> word_end >> sp >> two_spoken_digits[times_hundred_plus];
BOOST_SPIRIT_DEFINE(spoken_year)

// "two thousand", "two thousand and one", "two thousand six": after "year" only.
const x3::rule<struct two_thousand_year_class, int> two_thousand_year = "year";
const auto two_thousand_year_def =
    (x3::omit[two_word] >> sp >> x3::omit[thousand_word] >> word_end)[set_two_thousand] >>
    -(sp >> -(x3::omit[and_word] >> sp) >>
      ((tens_words[add_number] >> word_end >> -((x3::lit('-') | sp) >> unit_words[add_number] >> word_end)) |
       (teen_words[add_number] >> word_end) | (unit_words[add_number] >> word_end)));
BOOST_SPIRIT_DEFINE(two_thousand_year)

const x3::rule<struct month_tok_class, unsigned> month_tok = "month";
const auto month_tok_def = month_names >> word_end;
BOOST_SPIRIT_DEFINE(month_tok)

const x3::rule<struct day_tok_class, unsigned> day_tok = "day";
const auto day_tok_def = day_number_ >> -ordinal_suffix >> word_end;
BOOST_SPIRIT_DEFINE(day_tok)

// ---- semantic actions -----------------------------------------------------

bool day_fits(int year, unsigned month, unsigned day) {
    if (month < 1 || month > 12 || day < 1) return false;
    return year ? valid_date(year, month, day) : day <= days_in_month(2000, month);  // leap: Feb 29 allowed
}

time_core make(core_form form, int year = 0, unsigned month = 0, unsigned day = 0) {
    time_core c;
    c.form = form;
    c.year = year;
    c.month = month % ambiguous;
    c.day = day;
    return c;
}

template <typename Ctx>
void accept(Ctx& ctx, const time_core& c) {
    if ((c.form == core_form::day && !day_fits(c.year, c.month, c.day)) || c.month > 12) {
        x3::_pass(ctx) = false;
        return;
    }
    x3::_val(ctx) = c;
}

const auto on_iso_day = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    accept(ctx, make(core_form::day, at_c<0>(a), at_c<1>(a), at_c<2>(a)));
};

// "2021-12" is a month; "2003-11" and "2019/20" are two years: a hyphen
// reads two years only when the second is later than the first in the
// same century, and a slash or en dash always does.
const auto on_year_pair = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    const int year = at_c<0>(a);
    const char sep = at_c<1>(a);
    const unsigned second = at_c<2>(a);
    const int later = year / 100 * 100 + static_cast<int>(second);
    if (sep != '-' || later > year) {
        if (later <= year) {
            x3::_pass(ctx) = false;
            return;
        }
        time_core c = make(core_form::year_span, year);
        c.year2 = later;
        x3::_val(ctx) = c;
        return;
    }
    if (second < 1 || second > 12) {
        x3::_pass(ctx) = false;
        return;
    }
    accept(ctx, make(core_form::month, year, second));
};

// 12/19/2021 and 19/12/2021 are December 19; 12/9/2021 could be either
// and is not read (SPEC §4.3).
const auto on_numeric = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    const unsigned first = at_c<0>(a), second = at_c<1>(a);
    const unsigned year = at_c<2>(a);
    unsigned month = 0, day = 0;
    if (first > 12 && second <= 12) {
        day = first;
        month = second;
    } else if (second > 12 && first <= 12) {
        month = first;
        day = second;
    } else {
        x3::_pass(ctx) = false;
        return;
    }
    time_core c = make(core_form::day, static_cast<int>(year), month, day);
    c.two_digit_year = year < 100;
    if (c.two_digit_year) {
        // Validity is checked with a leap year; the resolver picks the century.
        if (!day_fits(0, month, day))
            x3::_pass(ctx) = false;
        else
            x3::_val(ctx) = c;
        return;
    }
    accept(ctx, c);
};

// "the 1800s" is a century; "the 1990s", "the 2000s" decades.
const auto on_decade = [](auto& ctx) {
    const int year = x3::_attr(ctx);
    if (year % 10 != 0) {
        x3::_pass(ctx) = false;
        return;
    }
    x3::_val(ctx) = make(year % 100 == 0 && year < 2000 ? core_form::century : core_form::decade, year);
};

const auto on_short_decade = [](auto& ctx) {
    const unsigned yy = x3::_attr(ctx);
    if (yy % 10 != 0) {
        x3::_pass(ctx) = false;
        return;
    }
    time_core c = make(core_form::decade, static_cast<int>(yy));
    c.two_digit_year = true;
    x3::_val(ctx) = c;
};

const auto on_century = [](auto& ctx) {
    const unsigned n = x3::_attr(ctx);
    if (n < 1 || n > 22) {
        x3::_pass(ctx) = false;
        return;
    }
    x3::_val(ctx) = make(core_form::century, static_cast<int>(n - 1) * 100);
};

const auto on_year = [](auto& ctx) { x3::_val(ctx) = make(core_form::year, x3::_attr(ctx)); };

const auto on_day_month = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    accept(ctx, make(core_form::day, at_c<2>(a).value_or(0), at_c<1>(a), at_c<0>(a)));
};

const auto on_month_day = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    accept(ctx, make(core_form::day, at_c<2>(a).value_or(0), at_c<0>(a), at_c<1>(a)));
};

const auto on_month_year = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    accept(ctx, make(core_form::month, at_c<1>(a), at_c<0>(a)));
};

const auto on_year_month = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    accept(ctx, make(core_form::month, at_c<0>(a), at_c<1>(a)));
};

time_core day_span(int year, unsigned month, unsigned first, unsigned last) {
    time_core c = make(core_form::day, year, month, first);
    c.day2 = last;
    return c;
}

// Both days must exist and come in order; accept() checks the first.
template <typename Ctx>
void accept_days(Ctx& ctx, time_core c) {
    if (c.day2 <= c.day || !day_fits(c.year, c.month, c.day2)) {
        x3::_pass(ctx) = false;
        return;
    }
    accept(ctx, c);
    if (x3::_pass(ctx)) x3::_val(ctx).form = core_form::day_span;
}

const auto on_days_month = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    accept_days(ctx, day_span(at_c<3>(a).value_or(0), at_c<2>(a) % ambiguous, at_c<0>(a), at_c<1>(a)));
};

const auto on_month_days = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    accept_days(ctx, day_span(at_c<3>(a).value_or(0), at_c<0>(a) % ambiguous, at_c<1>(a), at_c<2>(a)));
};

const auto on_month = [](auto& ctx) {
    const unsigned m = x3::_attr(ctx);
    time_core c = make(core_form::month, 0, m);
    if ((m & lower_case) && (c.month == 3 || c.month == 5)) {
        x3::_pass(ctx) = false;
        return;
    }
    c.needs_context = (m & (ambiguous | lower_case)) != 0;
    x3::_val(ctx) = c;
};

const auto on_part = [](core_form form, unsigned limit) {
    return [form, limit](auto& ctx) {
        auto& a = x3::_attr(ctx);
        const unsigned n = at_c<0>(a);
        if (n < 1 || n > limit) {
            x3::_pass(ctx) = false;
            return;
        }
        time_core c = make(form, at_c<1>(a).value_or(0));
        c.part = n;
        x3::_val(ctx) = c;
    };
};

// "the 1988 third quarter": the year first, as earnings stories write it.
const auto on_year_quarter = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    const unsigned n = at_c<1>(a);
    if (n < 1 || n > 4) {
        x3::_pass(ctx) = false;
        return;
    }
    time_core c = make(core_form::quarter, at_c<0>(a));
    c.part = n;
    x3::_val(ctx) = c;
};

const auto on_half = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    if (at_c<0>(a) < 1 || at_c<0>(a) > 2) {
        x3::_pass(ctx) = false;
        return;
    }
    time_core c = make(core_form::half, at_c<1>(a));
    c.part = at_c<0>(a);
    x3::_val(ctx) = c;
};

const auto on_fiscal = [](auto& ctx) {
    time_core c = make(core_form::year, x3::_attr(ctx));
    c.fiscal = true;
    x3::_val(ctx) = c;
};

const auto on_fiscal_short = [](auto& ctx) {
    time_core c = make(core_form::year, 2000 + static_cast<int>(x3::_attr(ctx)));
    c.fiscal = true;
    x3::_val(ctx) = c;
};

const auto on_weekday = [](auto& ctx) {
    time_core c = make(core_form::weekday);
    c.part = x3::_attr(ctx);
    x3::_val(ctx) = c;
};

const auto on_shift_unit = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    time_core c = make(core_form::relative);
    c.shift = at_c<0>(a);
    const unsigned u = at_c<1>(a);
    c.week = u == week_code;
    c.unit = c.week ? granularity::day : static_cast<granularity>(u);
    x3::_val(ctx) = c;
};

// "last March", "next Friday": a month or weekday with a direction.
const auto on_shift_month = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    const unsigned m = at_c<1>(a);
    if ((m & lower_case) && (m % ambiguous == 3 || m % ambiguous == 5)) {  // "this may take", "next march"
        x3::_pass(ctx) = false;
        return;
    }
    time_core c = make(core_form::month, 0, at_c<1>(a));
    c.shift = at_c<0>(a);
    c.unit = granularity::month;
    x3::_val(ctx) = c;
};

// "last Oct. 23": the latest October 23 before the document date; "next
// May 1" the first after it.
const auto on_shift_day = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    time_core c = make(core_form::day, 0, at_c<1>(a), at_c<2>(a));
    c.shift = at_c<0>(a);
    accept(ctx, c);
};

const auto on_shift_weekday = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    time_core c = make(core_form::weekday);
    c.shift = at_c<0>(a);
    c.part = at_c<1>(a);
    x3::_val(ctx) = c;
};

const auto on_day_word = [](auto& ctx) {
    time_core c = make(core_form::relative);
    c.unit = granularity::day;
    c.shift = x3::_attr(ctx);
    x3::_val(ctx) = c;
};

// "last fall", "this past spring", "summer 1998", "the winter of 1994".
const auto on_shift_season = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    time_core c = make(core_form::season);
    c.shift = at_c<0>(a);
    c.past = at_c<1>(a).has_value();
    c.part = at_c<2>(a);
    x3::_val(ctx) = c;
};

const auto on_season = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    time_core c = make(core_form::season, at_c<1>(a).value_or(0));
    c.part = at_c<0>(a);
    x3::_val(ctx) = c;
};

const auto on_present = [](auto& ctx) { x3::_val(ctx) = make(core_form::present); };

// "the current fiscal year", "last fiscal year".
const auto on_shift_fiscal = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    if (at_c<1>(a) != static_cast<unsigned>(granularity::year)) {
        x3::_pass(ctx) = false;
        return;
    }
    time_core c = make(core_form::relative);
    c.shift = at_c<0>(a);
    c.unit = granularity::year;
    c.fiscal = true;
    x3::_val(ctx) = c;
};

// "next year's first quarter", "last year's second half": a part of the
// year `shift` years from the document's.
const auto on_shifted_year_part = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    const unsigned n = at_c<1>(a), part = at_c<2>(a);
    const bool half = part == half_code;
    if (n < 1 || n > (half ? 2u : 4u)) {
        x3::_pass(ctx) = false;
        return;
    }
    time_core c = make(half ? core_form::half : core_form::quarter);
    c.part = n;
    c.shift = at_c<0>(a);
    c.shifted_year = true;
    x3::_val(ctx) = c;
};

// "June last year", "January this year": that month of the year `shift`
// years from the document's.
const auto on_month_shifted_year = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    const unsigned m = at_c<0>(a);
    if ((m & lower_case) && (m % ambiguous == 3 || m % ambiguous == 5)) {  // "may this year bring"
        x3::_pass(ctx) = false;
        return;
    }
    time_core c = make(core_form::month, 0, m);
    c.shift = at_c<1>(a);
    c.shifted_year = true;
    x3::_val(ctx) = c;
};

// "the last half of 1989" (the second), "the last quarter of 1989" (the fourth).
const auto on_last_part = [](auto& ctx) {
    auto& a = x3::_attr(ctx);
    const bool half = at_c<0>(a) == half_code;
    time_core c = make(half ? core_form::half : core_form::quarter, at_c<1>(a));
    c.part = half ? 2 : 4;
    x3::_val(ctx) = c;
};

// ---- phrases --------------------------------------------------------------

const auto iso_day = (x3::uint_parser<int, 10, 4, 4>{} >> '-' >> two_digits >> '-' >> two_digits)[on_iso_day];
const x3::rule<struct pair_sep_class, char> pair_sep = "separator";
const auto pair_sep_def = x3::char_('-') | x3::char_('/') | (x3::lit("\xE2\x80\x93") >> x3::attr('/'));
BOOST_SPIRIT_DEFINE(pair_sep)
const auto year_pair = (x3::uint_parser<int, 10, 4, 4>{} >> pair_sep >> two_digits >> word_end >>
                        !(dash >> digit))[on_year_pair];
const x3::rule<struct numeric_year_class, unsigned> numeric_year = "year";
const auto numeric_year_def = x3::uint_parser<unsigned, 10, 4, 4>{} | x3::uint_parser<unsigned, 10, 2, 2>{};
BOOST_SPIRIT_DEFINE(numeric_year)
const auto numeric_date = (day_number_ >> '/' >> day_number_ >> '/' >> numeric_year >> !digit >>
                           !(x3::char_('/') >> digit))[on_numeric];
const auto decade = (x3::uint_parser<int, 10, 4, 4>{} >> -apostrophe >> 's' >> word_end)[on_decade];
const auto short_decade = (apostrophe >> two_digits >> 's' >> word_end)[on_short_decade];
const auto century = (day_number_ >> ordinal_suffix >> sp >> x3::omit[century_word] >> word_end)[on_century];
// "2021-02-30" is an impossible day, not the year 2021.
const auto year_alone = (year4 >> word_end >> !(dash >> digit >> -digit >> dash))[on_year];
// A year closing a date is not the start of an ISO date ("9th, 2021-12-09").
const auto year_end = word_end >> !(x3::lit('-') >> digit);
// ", 2021", " 2021", " of 2021", " in 2021" after a month or a day.
const x3::rule<struct written_year_class, int> written_year = "year";
const auto written_year_def = year4 | spoken_year;
BOOST_SPIRIT_DEFINE(written_year)
const auto year_tail = -(*x3::lit(' ') >> comma) >> sp >> -(of | (x3::omit[in_word] >> sp)) >> written_year
                       >> year_end;
const auto day_month = (day_tok >> sp >> -of >> month_tok >> -year_tail)[on_day_month];
const auto month_day = (month_tok >> sp >> day_tok >> -year_tail)[on_month_day];
const auto month_year = (month_tok >> year_tail)[on_month_year];
const auto month_alone = (month_names >> word_end)[on_month];
// "2016 November", "2015 June": a year, then its month.
const auto year_month = (year4 >> -(*x3::lit(' ') >> comma) >> sp >> month_tok)[on_year_month];
// Two days of one month: "4 to 22 January, 2017", "November 15th through 19th".
const auto day_link =
    (-sp >> dash >> -sp) | (sp >> x3::omit[day_link_words] >> sp >> -(x3::omit[the_word] >> sp));
const auto days_month =
    (day_tok >> day_link >> day_tok >> sp >> -of >> month_tok >> -year_tail)[on_days_month];
const auto month_days = (month_tok >> sp >> day_tok >> day_link >> day_tok >> -year_tail)[on_month_days];
// "the 70s": decades in two digits (the scanner wants "the" before them).
const auto bare_decade = (two_digits >> -apostrophe >> 's' >> word_end)[on_short_decade];
const auto of_year = -(sp >> -of >> year4 >> word_end);
const auto quarter =
    (x3::omit[q_letter] >> x3::uint_parser<unsigned, 10, 1, 1>{} >> word_end >>
     of_year)[on_part(core_form::quarter, 4)] |
    (ordinals >> (sp | '-') >> x3::omit[quarter_word] >> word_end >> of_year)[on_part(core_form::quarter, 4)];
const auto year_quarter =
    (year4 >> sp >> ordinals >> (sp | '-') >> x3::omit[quarter_word] >> word_end)[on_year_quarter];
// A half needs its year: "the second half" alone is as often a match's.
const auto half =
    (ordinals >> sp >> x3::omit[half_word] >> word_end >> sp >> -of >> year4 >> word_end)[on_half];
const auto fiscal =
    (x3::omit[fiscal_word] >> sp >> -(x3::omit[year_word] >> sp) >> year4 >> word_end)[on_fiscal] |
    (x3::lit("FY") >> -sp >> year4 >> word_end)[on_fiscal] |
    (x3::lit("FY") >> two_digits >> word_end)[on_fiscal_short];
const auto weekday = (weekday_names >> word_end)[on_weekday];
const auto possessive = apostrophe >> x3::lit('s');
const auto shifted_year_part = (shifts >> sp >> x3::omit[year_word] >> possessive >> sp >> ordinals >>
                                (sp | '-') >> year_parts >> word_end)[on_shifted_year_part];
const auto last_part =
    (x3::omit[last_word] >> sp >> year_parts >> word_end >> sp >> -of >> year4 >> word_end)[on_last_part];
const auto month_shifted_year =
    (month_names >> word_end >> sp >> shifts >> sp >> x3::omit[year_word] >> word_end)[on_month_shifted_year];
const auto shifted_day = (shifts >> sp >> month_tok >> sp >> day_tok >> !year_tail)[on_shift_day];
const auto relative = (shifts >> sp >> x3::omit[fiscal_word] >> sp >> units >> word_end)[on_shift_fiscal] |
                      (shifts >> sp >> units >> word_end)[on_shift_unit] |
                      (shifts >> sp >> month_names >> word_end)[on_shift_month] |
                      (shifts >> sp >> weekday_names >> word_end)[on_shift_weekday] |
                      (day_words >> word_end)[on_day_word];
const auto present = (x3::omit[present_words] >> word_end)[on_present];
const auto year_words = spoken_year[on_year] | (x3::omit[year_word] >> sp >> two_thousand_year)[on_year];
const auto decade_word = (decade_words >> word_end)[on_short_decade];
// "Saturday, April 25": a weekday before its date names that day.
const auto weekday_date = x3::omit[weekday_names >> word_end >> -comma >> sp] >>
                          (month_days | month_day | days_month | day_month);
const x3::rule<struct past_mark_class, boost::optional<char>> past_mark = "past";
const auto past_mark_def = -(past_word >> sp);
BOOST_SPIRIT_DEFINE(past_mark)
const x3::rule<struct season_year_class, boost::optional<int>> season_year = "year";
const auto season_year_def = -(sp >> -of >> written_year >> year_end);
BOOST_SPIRIT_DEFINE(season_year)
const auto season = (shifts >> sp >> past_mark >> season_names >> word_end)[on_shift_season] |
                    (season_names >> word_end >> season_year)[on_season];

// The scanner knows what a phrase starts with; each start has its own
// rule, so a word never pays for the number forms and the reverse.
const x3::rule<struct digit_core_class, time_core> digit_core = "time";
const auto digit_core_def = iso_day | year_pair | numeric_date | decade | century | year_month |
                            year_quarter | year_alone | days_month | day_month | bare_decade;
// The same split by the run of digits the phrase begins with
// (parse_digit_core); at four digits, also by the byte after them: the
// forms that begin with a year, iso_day | year_pair | decade | year_month |
// year_quarter | year_alone, in that order, but for those that byte rules
// out: iso_day needs '-' next; year_pair '-', '/' or an en dash; decade an
// apostrophe or 's'; year_month blanks or a comma; year_quarter blanks.
const x3::rule<struct year_dash_core_class, time_core> year_dash_core = "time";
const auto year_dash_core_def = iso_day | year_pair | year_alone;
const x3::rule<struct year_slash_core_class, time_core> year_slash_core = "time";
const auto year_slash_core_def = year_pair | year_alone;
const x3::rule<struct year_e2_core_class, time_core> year_e2_core = "time";  // en dash or ’
const auto year_e2_core_def = year_pair | decade | year_alone;
const x3::rule<struct year_s_core_class, time_core> year_s_core = "time";
const auto year_s_core_def = decade | year_alone;
const x3::rule<struct year_blank_core_class, time_core> year_blank_core = "time";
const auto year_blank_core_def = year_month | year_quarter | year_alone;
const x3::rule<struct year_alone_core_class, time_core> year_alone_core = "time";
const auto year_alone_core_def = year_alone;
const x3::rule<struct day_first_core_class, time_core> day_first_core = "time";
const auto day_first_core_def = numeric_date | century | days_month | day_month | bare_decade;
// Every word form, in the order that settles which reads a phrase two
// could read.
const auto forms_before_present =
    shifted_year_part | last_part | month_shifted_year | shifted_day | season | relative;
const auto forms_after_present = month_days | month_day | month_year | month_alone | weekday_date | weekday |
                                 quarter | half | fiscal | year_words | decade_word;
const x3::rule<struct every_word_form_class, time_core> every_word_form = "time";
const auto every_word_form_def = forms_before_present | present | forms_after_present;
// The same with "present" first: it reads now, nowadays, currently,
// presently and still, which no form before it can read ("current" needs a
// blank after it), so that those common words skip six forms.
const x3::rule<struct word_core_class, time_core> word_core = "time";
const auto word_core_def = present | forms_before_present | forms_after_present;
const x3::rule<struct quote_core_class, time_core> quote_core = "time";
const auto quote_core_def = short_decade;
// every_word_form's alternatives that can match at a word of these first
// letters, in its order but for "present" first (see word_core; the others
// start with a word no such letter begins: parse_word_core). J, O and D
// begin months alone; M months and "Monday"; W "Wednesday" and "winter"; A
// months and "autumn"; L "last"; T "this", "today", weekdays, "third",
// decades; N "next", "now", "November", "nineteen", "nineties"; S months,
// seasons, "still", weekdays, "second", decades; F months, "fall",
// "Friday", ordinals, "fiscal", decades; C and P shift words and present
// words; Y "yesterday" and "year"; E "eighteen" and "eighties"; Q quarters.
const auto month_forms = month_days | month_day | month_year | month_alone;
const auto shift_forms = shifted_year_part | shifted_day | season | relative;
const x3::rule<struct month_core_class, time_core> month_core = "time";
const auto month_core_def = month_shifted_year | month_forms;
const x3::rule<struct m_core_class, time_core> m_core = "time";
const auto m_core_def = month_shifted_year | month_forms | weekday_date | weekday;
const x3::rule<struct w_core_class, time_core> w_core = "time";
const auto w_core_def = season | weekday_date | weekday;
const x3::rule<struct a_core_class, time_core> a_core = "time";
const auto a_core_def = month_shifted_year | season | month_forms;
const x3::rule<struct l_core_class, time_core> l_core = "time";
const auto l_core_def = shifted_year_part | last_part | shifted_day | season | relative;
const x3::rule<struct t_core_class, time_core> t_core = "time";
const auto t_core_def = shift_forms | weekday_date | weekday | quarter | half | decade_word;
const x3::rule<struct n_core_class, time_core> n_core = "time";
const auto n_core_def = present | shifted_year_part | month_shifted_year | shifted_day | season | relative |
                        month_forms | year_words | decade_word;
const x3::rule<struct s_core_class, time_core> s_core = "time";
const auto s_core_def = present | month_shifted_year | season | month_forms | weekday_date | weekday |
                        quarter | half | decade_word;
const x3::rule<struct f_core_class, time_core> f_core = "time";
const auto f_core_def = month_shifted_year | season | month_forms | weekday_date | weekday | quarter | half |
                        fiscal | decade_word;
const x3::rule<struct c_core_class, time_core> c_core = "time";
const auto c_core_def = present | shift_forms;
const x3::rule<struct y_core_class, time_core> y_core = "time";
const auto y_core_def = relative | year_words;
const x3::rule<struct e_core_class, time_core> e_core = "time";
const auto e_core_def = year_words | decade_word;
const x3::rule<struct q_core_class, time_core> q_core = "time";
const auto q_core_def = quarter;
// At a weekday's name: no other form's first word begins one, nor is one.
const x3::rule<struct weekday_core_class, time_core> weekday_core = "time";
const auto weekday_core_def = weekday_date | weekday;
BOOST_SPIRIT_DEFINE(digit_core, year_dash_core, year_slash_core, year_e2_core, year_s_core, year_blank_core,
                    year_alone_core, day_first_core, every_word_form, word_core, quote_core, month_core,
                    m_core, w_core, a_core, l_core, t_core, n_core, s_core, f_core, c_core, y_core, e_core,
                    q_core, weekday_core)

// The first letters, folded to lower case, of the first words of
// every_word_form's alternatives (their tables hold each word in lower case,
// Capitalised and UPPER CASE; "FY" and "Q" are upper case):
//   shifted_year_part, shifted_day: a shift word (this, current, coming,
//     last, previous, next): t c l p n;  last_part: l;
//   month_shifted_year, month_days, month_day, month_year, month_alone:
//     a month (January ... December, Jan. ... Sept.): j f m a s o n d;
//   season: a shift word or a season (spring, summer, fall, autumn,
//     winter): t c l p n s f a w;
//   relative: a shift word, or yesterday, today, tonight, tomorrow: t c l p n y;
//   present: now, nowadays, currently, presently, still: n c p s;
//   weekday_date, weekday: m t w f s;  quarter: q, or an ordinal (first ...
//     fourth): f s t;  half: f s t;  fiscal: f;  year_words: nineteen,
//     eighteen, year: n e y;  decade_word (twenties ... nineties): t f s e n.
// Whether the letters at `it` spell a weekday's name, in any case (the
// grammar reads "Monday" and "MONDAY"): then only weekday_date and weekday
// can read a phrase there, and the forms before them for its first letter
// are skipped.
bool weekday_name_at(const char* it, const char* last) {
    static constexpr std::string_view names[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                 "friday", "saturday", "sunday"};
    const char* e = it;
    while (e < last && ((*e | 0x20) >= 'a' && (*e | 0x20) <= 'z')) ++e;
    const auto n = static_cast<std::size_t>(e - it);
    if (n < 6 || n > 9 || (it[n - 3] | 0x20) != 'd') return false;  // every name ends in "day"
    for (std::string_view name : names) {
        if (name.size() != n) continue;
        std::size_t i = 0;
        while (i < n && (it[i] | 0x20) == name[i]) ++i;
        if (i == n) return true;
    }
    return false;
}

bool parse_word_core(const char*& it, const char* last, time_core& out) {
    if (weekday_name_at(it, last)) return x3::parse(it, last, weekday_core, out);
    switch (*it | 0x20) {
        case 'j':
        case 'o':
        case 'd': return x3::parse(it, last, month_core, out);
        case 'm': return x3::parse(it, last, m_core, out);
        case 'w': return x3::parse(it, last, w_core, out);
        case 'a': return x3::parse(it, last, a_core, out);
        case 'l': return x3::parse(it, last, l_core, out);
        case 't': return x3::parse(it, last, t_core, out);
        case 'n': return x3::parse(it, last, n_core, out);
        case 's': return x3::parse(it, last, s_core, out);
        case 'f': return x3::parse(it, last, f_core, out);
        case 'c':
        case 'p': return x3::parse(it, last, c_core, out);
        case 'y': return x3::parse(it, last, y_core, out);
        case 'e': return x3::parse(it, last, e_core, out);
        case 'q': return x3::parse(it, last, q_core, out);
        default: return x3::parse(it, last, word_core, out);
    }
}

// At a run of four digits ending at q, the forms that begin with a year
// and can read the byte after it (see year_dash_core).
bool parse_year_first(const char*& it, const char* last, const char* q, time_core& out) {
    switch (q == last ? '\0' : *q) {
        case '-': return x3::parse(it, last, year_dash_core, out);
        case '/': return x3::parse(it, last, year_slash_core, out);
        case '\xE2': return x3::parse(it, last, year_e2_core, out);
        case '\'':
        case 's': return x3::parse(it, last, year_s_core, out);
        case ' ':
        case '\t':
        case '\r':
        case '\n':
        case ',':
        case '\xC2': return x3::parse(it, last, year_blank_core, out);
        default: return x3::parse(it, last, year_alone_core, out);
    }
}

// At a run of four digits, the forms that begin with a year; at any other
// run, those that begin with a day or two digits (a year is four digits and
// no more, a day or "90s" one or two: each of digit_core's forms fails at
// the other runs).
bool parse_digit_core(const char*& it, const char* last, time_core& out) {
    const char* q = it;
    while (q < last && q - it < 5 && *q >= '0' && *q <= '9') ++q;
    return q - it == 4 ? parse_year_first(it, last, q, out) : x3::parse(it, last, day_first_core, out);
}

// A phrase at `first`, by its first byte: a digit (parse_digits reads it),
// a quote, or a word (parse_word).
template <typename ParseDigits, typename ParseWord>
std::optional<time_core> parse_at(const char*& first, const char* last, ParseDigits parse_digits,
                                  ParseWord parse_word) {
    time_core out;
    const char* it = first;
    if (it == last) return std::nullopt;
    const char c = *it;
    const bool ok = c >= '0' && c <= '9'       ? parse_digits(it, last, out)
                    : c == '\'' || c == '\xE2' ? x3::parse(it, last, quote_core, out)
                                               : parse_word(it, last, out);
    if (!ok) return std::nullopt;
    first = it;
    return out;
}

}  // namespace

std::optional<time_core> parse_core(const char*& first, const char* last) {
    return parse_at(first, last, parse_digit_core, parse_word_core);
}

std::optional<time_core> parse_core_every_form(const char*& first, const char* last) {
    return parse_at(
        first, last,
        [](const char*& it, const char* end, time_core& out) { return x3::parse(it, end, digit_core, out); },
        [](const char*& it, const char* end, time_core& out) {
            return x3::parse(it, end, every_word_form, out);
        });
}

}  // namespace factlint::grammar::time_detail
