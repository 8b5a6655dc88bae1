// The Spirit X3 grammar of one figure (SPEC §4.1): an optional hedge, an
// optional currency sign or code, a number in digits or words, an optional
// scale word and an optional unit. The only X3 translation unit of the
// quantity grammar; everything around it (scanning, ranges, context) is
// plain C++ in grammar/quantity.cpp.
//
// The grammar's actions write into one single_quantity passed through
// x3::with. X3 does not undo actions on backtracking, so every action sits
// on a leaf that is followed only by optional parts or by a failure of the
// whole parse: a half-read figure never leaves state behind.
#include <algorithm>
#include <boost/spirit/home/x3.hpp>
#include <iterator>
#include <string>

#include "grammar/quantity_core.hpp"

namespace factlint::grammar::detail {
namespace {

namespace x3 = boost::spirit::x3;
using iterator = char const*;
struct state_tag;

template <typename Context>
single_quantity& state(Context& ctx) {
    return x3::get<state_tag>(ctx);
}

// Where a spelled-out number stands after each word, for the order rules
// ("two hundred and five thousand" yes, "five two" or "thousand" alone no).
enum word_state : int { w_start, w_small, w_hundred, w_scale, w_article, w_dozen };

// The encoding of every parser under no_case below. X3's standard encoding
// folds case through std::islower, std::tolower and std::toupper, libc calls
// for each byte a table compares; these give the same answers inline. The
// program never calls setlocale, so it runs in the "C" locale, where only
// A-Z and a-z have a case and every other byte (UTF-8 ones included) is
// its own lower and upper case. (X3's ascii encoding asserts on bytes
// above 0x7F.)
struct ascii_fold : boost::spirit::char_encoding::standard {
    static bool islower(int c) { return c >= 'a' && c <= 'z'; }
    static bool isupper(int c) { return c >= 'A' && c <= 'Z'; }
    static int tolower(int c) { return isupper(c) ? c - 'A' + 'a' : c; }
    static int toupper(int c) { return islower(c) ? c - 'a' + 'A' : c; }
};
template <typename T>
using folded_symbols = x3::symbols_parser<ascii_fold, T>;
// A literal matched under no_case.
constexpr x3::literal_string<char const*, ascii_fold, x3::unused_type> folded(char const* s) { return {s}; }
constexpr x3::literal_char<ascii_fold, x3::unused_type> folded(char c) { return {c}; }

// ---- tables ----------------------------------------------------------------

struct hedge_table : folded_symbols<hedge_kind> {
    hedge_table() {
        using h = hedge_kind;
        add("about", h::approximate)("around", h::approximate)("approximately", h::approximate)(
            "approx.", h::approximate)("roughly", h::approximate)("some", h::approximate)(
            "an estimated", h::approximate)("estimated", h::approximate)("close to", h::approximate)(
            "nearly", h::nearly)("almost", h::nearly)("just under", h::nearly)("just short of", h::nearly)(
            "more than", h::above)("over", h::above)("above", h::above)("upwards of", h::above)(
            "just over", h::above)("well over", h::above)("in excess of", h::above)("at least", h::at_least)(
            "no fewer than", h::at_least)("no less than", h::at_least)("less than", h::below)(
            "fewer than", h::below)("under", h::below)("below", h::below)("at most", h::at_most)(
            "up to", h::at_most)("no more than", h::at_most)("as many as", h::at_most)(
            "as much as", h::at_most)("exactly", h::exact)("precisely", h::exact);
    }
};

// one … ninety-nine, with "twenty-five" and "twenty five" both spelled.
struct small_number_table : folded_symbols<int> {
    small_number_table() {
        static const char* const ones[] = {"one", "two",   "three", "four", "five",
                                           "six", "seven", "eight", "nine"};
        static const char* const teens[] = {"ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                            "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        static const char* const tens[] = {"twenty", "thirty",  "forty",  "fifty",
                                           "sixty",  "seventy", "eighty", "ninety"};
        for (int i = 0; i < 9; ++i) add(ones[i], i + 1);
        for (int i = 0; i < 10; ++i) add(teens[i], i + 10);
        for (int t = 0; t < 8; ++t) {
            const int ten_value = (t + 2) * 10;
            add(tens[t], ten_value);
            for (int i = 0; i < 9; ++i) {
                add(std::string(tens[t]) + "-" + ones[i], ten_value + i + 1);
                add(std::string(tens[t]) + " " + ones[i], ten_value + i + 1);
            }
        }
    }
};

// Currency signs and codes written before the figure (case-sensitive).
struct currency_prefix_table : x3::symbols<const char*> {
    currency_prefix_table() {
        add("$", "USD")("US$", "USD")("US $", "USD")("€", "EUR")("£", "GBP")("¥", "JPY")("A$", "AUD")(
            "C$", "CAD")("USD", "USD")("EUR", "EUR")("GBP", "GBP")("JPY", "JPY")("CHF", "CHF")("CNY", "CNY")(
            "INR", "INR")("AUD", "AUD")("CAD", "CAD")("Rs", "INR")("Rs.", "INR")("usd$", "USD")(
            "USD$", "USD")("aud$", "AUD")("AUD$", "AUD")("cad$", "CAD")("CAD$", "CAD")("us $", "USD")(
            "C $", "CAD")("c $", "CAD")("U.S. $", "USD")("U.S.$", "USD")("u.s $", "USD");
    }
};

// Units written after the figure, lower case, matched without case.
struct unit_word_table : folded_symbols<const char*> {
    unit_word_table() {
        add("%", "percent")("percent", "percent")("per cent", "percent")("pct", "percent")(
            "percentage point", "percent_point")("percentage points", "percent_point")("percent points",
                                                                                       "percent_point");
        add("square kilometres", "area:km2")("square kilometers", "area:km2")("square kilometre", "area:km2")(
            "square kilometer", "area:km2")("sq km", "area:km2")("sq. km", "area:km2")("km2", "area:km2")(
            "square miles", "area:mi2")("square mile", "area:mi2")("sq mi", "area:mi2")(
            "sq miles", "area:mi2")("sq. mi", "area:mi2")("hectares", "area:ha")("hectare", "area:ha")(
            "ha", "area:ha")("acres", "area:acre")("acre", "area:acre")("square metres", "area:m2")(
            "square meters", "area:m2")("sq m", "area:m2")("m2", "area:m2");
        add("kilometres", "length:km")("kilometers", "length:km")("kilometre", "length:km")(
            "kilometer", "length:km")("km", "length:km")("miles", "length:mi")("mile", "length:mi")(
            "mi", "length:mi")("metres", "length:m")("meters", "length:m")("metre", "length:m")(
            "meter", "length:m")("centimetres", "length:cm")("centimeters", "length:cm")("cm", "length:cm")(
            "feet", "length:ft")("foot", "length:ft")("ft", "length:ft")("inches", "length:in")("inch",
                                                                                                "length:in");
        add("kilograms", "mass:kg")("kilogram", "mass:kg")("kilos", "mass:kg")("kg", "mass:kg")(
            "grams", "mass:g")("gram", "mass:g")("tonnes", "mass:t")("tonne", "mass:t")("tons", "mass:t")(
            "ton", "mass:t")("pounds", "pounds")("pound", "pounds")("lb", "mass:lb")("lbs", "mass:lb")(
            "ounces", "mass:oz")("ounce", "mass:oz")("oz", "mass:oz");
        add("cubic metres", "volume:m3")("cubic meters", "volume:m3")("cubic metre", "volume:m3")(
            "cubic meter", "volume:m3")("m3", "volume:m3")("litres", "volume:l")("liters", "volume:l")(
            "litre", "volume:l")("liter", "volume:l")("gallons", "volume:gal")("gallon", "volume:gal")(
            "barrels", "volume:bbl")("barrel", "volume:bbl")("bbl", "volume:bbl");
        add("years", "duration:year")("year", "duration:year")("yrs", "duration:year")(
            "months", "duration:month")("month", "duration:month")("weeks", "duration:week")(
            "week", "duration:week")("days", "duration:day")("day", "duration:day")("hours", "duration:hour")(
            "hour", "duration:hour")("hrs", "duration:hour");
        add("degrees celsius", "temperature:C")("degrees centigrade", "temperature:C")(
            "degrees fahrenheit", "temperature:F")("km/h", "speed:kmh")("kph", "speed:kmh")(
            "kilometres per hour", "speed:kmh")("kilometers per hour", "speed:kmh")("mph", "speed:mph")(
            "miles per hour", "speed:mph")("kilowatt hours", "energy:kWh")("kilowatt-hours", "energy:kWh")(
            "megawatt hours", "energy:MWh")("megawatt-hours", "energy:MWh")("gigawatt hours", "energy:GWh")(
            "gigawatt-hours", "energy:GWh")("kilowatts", "power:kW")("megawatts", "power:MW")("gigawatts",
                                                                                              "power:GW");
        add("metric tons", "mass:t")("metric tonnes", "mass:t")("metric ton", "mass:t")(
            "metric tonne", "mass:t")("miles an hour", "speed:mph")("kilometres an hour", "speed:kmh")(
            "kilometers an hour", "speed:kmh")("kmph", "speed:kmh")("km/hr", "speed:kmh");
        add("usd", "currency:USD")("eur", "currency:EUR")("gbp", "currency:GBP")("jpy", "currency:JPY")(
            "chf", "currency:CHF")("cny", "currency:CNY")("rmb", "currency:CNY")("renminbi", "currency:CNY")(
            "chinese yuan", "currency:CNY")("inr", "currency:INR")("aud", "currency:AUD")(
            "cad", "currency:CAD")("us dollar", "currency:USD");
        add("dollars", "currency:USD")("dollar", "currency:USD")("us dollars", "currency:USD")(
            "euros", "currency:EUR")("euro", "currency:EUR")("pounds sterling", "currency:GBP")(
            "sterling", "currency:GBP")("yen", "currency:JPY")("yuan", "currency:CNY")(
            "rupees", "currency:INR")("swiss francs", "currency:CHF")("rand", "currency:ZAR")(
            "australian dollars", "currency:AUD")("canadian dollars", "currency:CAD");
    }
};

// Units whose case matters ("m" metres but not "M"; "MW" but not "mw"), and
// every entry with non-ASCII bytes: no_case lookups order those bytes
// differently from the table and would lose neighbouring entries.
struct unit_symbol_table : x3::symbols<const char*> {
    unit_symbol_table() {
        add("km²", "area:km2")("m²", "area:m2")("m³", "volume:m3")("°C", "temperature:C")("°F",
                                                                                          "temperature:F");
        add("m", "length:m")("kW", "power:kW")("MW", "power:MW")("GW", "power:GW")("kWh", "energy:kWh")(
            "MWh", "energy:MWh")("GWh", "energy:GWh")("€", "currency:EUR")("$", "currency:USD")(
            "元", "currency:CNY")("£", "currency:GBP");
    }
};

// Words after an attached "m" that make it metres ("a 5m wall is 5m high",
// "the 100m final") rather than millions ("77m euros", "1m barrels").
struct metre_context_table : folded_symbols<int> {
    metre_context_table() {
        for (const char* w :
             {"tall",      "high",    "long",    "deep",    "wide",      "away",       "below",
              "above",     "under",   "hurdles", "sprint",  "freestyle", "backstroke", "breaststroke",
              "butterfly", "medley",  "relay",   "race",    "final",     "heats",      "record",
              "title",     "dash",    "event",   "gold",    "silver",    "bronze",     "world",
              "indoor",    "outdoor", "runner",  "runners", "champion",  "from",       "of",
              "in",        "at",      "and",     "or",      "to",        "on"})
            add(w, 0);
    }
};

const hedge_table hedges;
const metre_context_table metre_context;
const small_number_table small_numbers;
const currency_prefix_table currency_prefixes;
const unit_word_table unit_words;
const unit_symbol_table unit_symbols;

double scale_factor(std::string_view word) {
    const char c0 = static_cast<char>(word.empty() ? 0 : (word[0] | 0x20));
    const char c1 = static_cast<char>(word.size() < 2 ? 0 : (word[1] | 0x20));
    switch (c0) {
        case 'k': return 1e3;
        case 'm': return 1e6;
        case 'b': return 1e9;
        case 't': return c1 == 'h' ? 1e3 : 1e12;  // thousand, trillion/tn/trn
        default: return 1;
    }
}

// ---- actions ---------------------------------------------------------------

template <typename Range>
std::string_view view_of(const Range& r) {
    return {r.begin(), static_cast<std::size_t>(r.end() - r.begin())};
}

auto const on_hedge = [](auto& ctx) {
    auto& s = state(ctx);
    if (!s.allow_hedge) {
        x3::_pass(ctx) = false;
        return;
    }
    s.hedge = x3::_attr(ctx);
    s.hedge_end = x3::_where(ctx).begin();  // Boost 1.74: `where` is [after the match, end of input)
};
auto const on_currency = [](auto& ctx) { state(ctx).currency = x3::_attr(ctx); };
auto const on_number_begin = [](auto& ctx) { state(ctx).number_begin = x3::_where(ctx).begin(); };
auto const on_number_end = [](auto& ctx) { state(ctx).number_end = x3::_where(ctx).begin(); };
auto const on_negative = [](auto& ctx) { state(ctx).negative = true; };
auto const on_digits = [](auto& ctx) { state(ctx).digits = view_of(x3::_attr(ctx)); };

auto const on_words_start = [](auto& ctx) {
    auto& s = state(ctx);
    s.w_total = s.w_current = 0;
    s.w_place = 1;
    s.w_min_scale = 1e300;
    s.w_last = w_start;
    s.w_items = 0;
};
auto const on_small = [](auto& ctx) {
    auto& s = state(ctx);
    const int n = x3::_attr(ctx);
    if (s.w_last != w_start && s.w_last != w_hundred && s.w_last != w_scale) {
        x3::_pass(ctx) = false;
        return;
    }
    s.w_current = s.w_last == w_hundred ? s.w_current + n : n;
    s.w_place = (n % 10 == 0) ? 10 : 1;
    s.w_last = w_small;
    ++s.w_items;
};
auto const on_hundred = [](auto& ctx) {
    auto& s = state(ctx);
    if (s.w_last == w_small && s.w_current < 100) {
        s.w_current *= 100;
    } else if (s.w_last == w_article) {
        s.w_current = 100;
    } else {
        x3::_pass(ctx) = false;
        return;
    }
    s.w_place = 100;
    s.w_last = w_hundred;
    ++s.w_items;
};
auto const on_word_scale = [](auto& ctx) {
    auto& s = state(ctx);
    const std::string_view text = view_of(x3::_attr(ctx));
    const double factor = scale_factor(text);
    const bool after_number =
        s.w_last == w_small || s.w_last == w_hundred || s.w_last == w_article || s.w_last == w_dozen;
    if (!after_number || factor >= s.w_min_scale) {
        x3::_pass(ctx) = false;
        return;
    }
    s.w_total += s.w_current * factor;
    s.w_current = 0;
    s.w_min_scale = factor;
    s.w_place = factor;
    s.w_last = w_scale;
    s.scale_text = text;
    ++s.w_items;
};
auto const on_article = [](auto& ctx) {
    auto& s = state(ctx);
    if (s.w_last != w_start) {
        x3::_pass(ctx) = false;
        return;
    }
    s.w_current = 1;
    s.w_last = w_article;
    ++s.w_items;
};
auto const on_dozen = [](auto& ctx) {
    auto& s = state(ctx);
    if (s.w_last == w_article) {
        s.w_current = 12;
    } else if (s.w_last == w_small && s.w_current < 100) {
        s.w_current *= 12;
    } else {
        x3::_pass(ctx) = false;
        return;
    }
    s.w_place = 1;
    s.w_last = w_dozen;
    ++s.w_items;
};
auto const on_half = [](auto& ctx) {
    auto& s = state(ctx);
    const std::string_view text = view_of(x3::_attr(ctx));
    const double factor = scale_factor(text);
    s.w_total = 0.5 * factor;
    s.w_current = 0;
    s.w_place = 0.1 * factor;  // "half a million" reads as 0.5 million
    s.w_last = w_scale;
    s.w_items = 3;
    s.scale_text = text;
};
auto const on_words_end = [](auto& ctx) {
    auto& s = state(ctx);
    if (s.w_last == w_start || s.w_last == w_article) {
        x3::_pass(ctx) = false;
        return;
    }
    s.words = true;
    s.word_value = s.w_total + s.w_current;
    s.word_half_unit = 0.5 * s.w_place;
    s.simple_word = s.w_items == 1 && s.w_last == w_small;
    if (s.w_last != w_scale) s.scale_text = {};
};
// A scale word after digits: "4.5 million", "$1.6bn", "£600m", "$50k".
auto const on_scale = [](auto& ctx) {
    auto& s = state(ctx);
    const std::string_view text = view_of(x3::_attr(ctx));
    const bool spaced = text.data()[-1] == ' ';  // a digit or a space always precedes the scale word
    const bool money_only = text == "m" || text == "b";
    const bool attached_only = money_only || text == "k";
    if (s.words || (attached_only && spaced) || (money_only && s.currency.empty())) {
        x3::_pass(ctx) = false;
        return;
    }
    s.scale_text = text;
    s.scale = scale_factor(text);
};
// An attached "m" with no currency sign: millions in news prose ("77m euros",
// "1m barrels", "294.3m"), except for race distances and lengths ("100m",
// "5m high", which the metre_context look-ahead leaves to the unit table).
auto const on_free_million = [](auto& ctx) {
    auto& s = state(ctx);
    const std::string_view text = view_of(x3::_attr(ctx));
    static constexpr std::string_view race_distances[] = {"50",    "60",   "100",   "110",    "200",
                                                          "400",   "800",  "1500",  "1,500",  "3000",
                                                          "3,000", "5000", "5,000", "10,000", "10000"};
    const bool race =
        std::find(std::begin(race_distances), std::end(race_distances), s.digits) != std::end(race_distances);
    if (s.words || !s.currency.empty() || text.data()[-1] == ' ' || race) {
        x3::_pass(ctx) = false;
        return;
    }
    s.scale_text = text;
    s.scale = 1e6;
};
auto const on_unit = [](auto& ctx) {
    auto& s = state(ctx);
    if (!s.currency.empty()) {  // "$5" takes no second unit
        x3::_pass(ctx) = false;
        return;
    }
    const std::string_view name = x3::_attr(ctx);
    if (name == "pounds") {
        s.unit_pounds = true;
    } else {
        s.unit = name;
    }
};

// ---- grammar ---------------------------------------------------------------

auto const digit = x3::char_('0', '9');
auto const word_char = x3::char_("a-zA-Z0-9");
auto const boundary = !word_char;
auto const blank = x3::lit(' ') | x3::lit('\t') | x3::lit('\n') | x3::lit('\r') | x3::lit("\xC2\xA0");
auto const ws = +blank;
auto const scale_words =
    x3::no_case[folded("thousand") | folded("million") | folded("billion") | folded("trillion")];

auto const hedge = (x3::no_case[hedges] >> ws)[on_hedge];
auto const currency = (currency_prefixes >> -ws)[on_currency];
auto const sign = ((x3::lit('-') | x3::lit("\xE2\x88\x92")) >> &digit)[on_negative] |
                  (x3::lit('+') >> &digit) |
                  (x3::no_case[folded("minus") | folded("negative")] >> ws)[on_negative];

auto const grouped = x3::repeat(1, 3)[digit] >> +(',' >> x3::repeat(3)[digit]);
auto const digits = x3::raw[((grouped | +digit) >> -('.' >> +digit)) | ('.' >> +digit)][on_digits];

auto const small_item = (x3::no_case[small_numbers] >> boundary)[on_small];
auto const hundred_item = (x3::no_case[folded("hundred")] >> boundary)[on_hundred];
auto const scale_item = (x3::raw[scale_words] >> boundary)[on_word_scale];
auto const dozen_item = (x3::no_case[folded("dozen")] >> boundary)[on_dozen];
auto const article_item = (x3::no_case[folded('a')] >> boundary)[on_article];
auto const word_item = small_item | hundred_item | scale_item | dozen_item | article_item;
auto const word_separator = ws >> -(x3::no_case[folded("and")] >> ws);
auto const half_phrase = (x3::no_case[folded("half")] >> ws >> x3::no_case[folded('a')] >> ws >>
                          x3::raw[scale_words] >> boundary)[on_half];
auto const word_number =
    x3::eps[on_words_start] >>
    (half_phrase | (word_item >> *(word_separator >> word_item))) >> x3::eps[on_words_end];

// Each of the first two alternatives looks at the byte its words begin
// with before comparing them one by one: most figures go on with a space
// and a word that begins no scale word ("2019 people", "5 of").
auto const scale_after_digits =
    (ws >> &x3::char_("tmbTMB") >> x3::raw[scale_words] >> boundary)[on_scale] |
    (-x3::lit(' ') >> &x3::char_("bmtk") >> x3::raw[x3::lit("bn") | "mn" | "trn" | "tn" | "m" | "k" | "b"] >>
     boundary)[on_scale] |
    (x3::raw[x3::lit('m')] >> boundary >> !(ws >> x3::no_case[metre_context] >> boundary))[on_free_million];
// One rule so both tables parse into one `const char*` (not a variant of two).
// "km" is no unit in "km²": the boundary sits inside each alternative.
auto const unit_boundary = !(word_char | x3::lit("\xC2\xB2") | x3::lit("\xC2\xB3"));
auto const unit_name = x3::rule<class unit_name_id, const char*>{"unit"} =
    (x3::no_case[unit_words] >> unit_boundary) | (unit_symbols >> unit_boundary);
auto const unit = (-(ws | x3::lit('-')) >> unit_name)[on_unit];

auto const figure_def = -hedge >> -currency >> x3::eps[on_number_begin] >> -sign >>
                        (digits | word_number) >> x3::eps[on_number_end] >> -scale_after_digits >> -unit;
// A rule, so that x3::with<>[figure] below wraps a reference to it: wrapping
// the expression itself copied it, and with it the shared pointers of every
// symbols table inside, on each call.
x3::rule<class figure_id> const figure = "figure";
BOOST_SPIRIT_DEFINE(figure)

}  // namespace

bool parse_single_quantity(const char* first, const char* last, bool allow_hedge, single_quantity& out) {
    out = single_quantity{};
    out.allow_hedge = allow_hedge;
    out.begin = first;
    iterator it = first;
    if (!x3::parse(it, last, x3::with<state_tag>(out)[figure])) return false;
    out.end = it;
    return true;
}

}  // namespace factlint::grammar::detail
