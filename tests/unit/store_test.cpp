// The claim store: normalization for matching, the name index (variants,
// whole words, overlapping hits, byte offsets), which value is in force, and
// a store of 100,000 claims.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "claims/huge_pages.hpp"
#include "claims/id_table.hpp"
#include "claims/store.hpp"
#include "growth.hpp"

namespace {

using namespace factlint;

// What hand-made claims view (a loaded store keeps its own: claims/storage.hpp),
// for the whole test run; a deque's elements never move.
std::string_view owned(std::string s) {
    static std::deque<std::string> texts;
    return texts.emplace_back(std::move(s));
}
std::span<const std::string_view> owned(const std::vector<std::string>& phrases) {
    static std::deque<std::vector<std::string_view>> lists;
    auto& list = lists.emplace_back();
    for (const auto& p : phrases) list.push_back(owned(p));
    return list;
}

reference_claim named(std::string id, const std::vector<std::string>& names,
                      const std::vector<std::string>& wheres = {}) {
    reference_claim c;
    c.id = owned(std::move(id));
    c.names = owned(names);
    c.wheres = owned(wheres);
    return c;
}

// Adds a value to a hand-made claim: its values are copied to a longer array.
void add_value(reference_claim& c, const reference_value& v) {
    static std::deque<std::vector<reference_value>> arrays;
    auto& values = arrays.emplace_back(c.values.begin(), c.values.end());
    values.push_back(v);
    c.values = values;
}

claim_store store_of(std::vector<reference_claim> claims) {
    claim_store s;
    for (auto& c : claims) s.add(std::move(c));
    s.build_index();
    return s;
}

// What each hit covers in the text, as "id:words".
std::vector<std::string> hit_texts(const claim_store& s, std::string_view text) {
    std::vector<std::string> out;
    for (const auto& h : s.scan(text))
        out.push_back(std::string(s.claims()[h.claim].id) + ":" +
                      std::string(text.substr(h.begin, h.end - h.begin)));
    return out;
}

using strings = std::vector<std::string>;

reference_value value_at(double v, value_scope scope, std::optional<time_span> when) {
    reference_value r;
    r.value = v;
    r.range = interval::closed(v, v);
    r.scope = scope;
    r.when = when;
    r.text = owned(std::to_string(static_cast<long>(v)));
    return r;
}

double in_force(const reference_claim& c, const time_span& when) {
    const reference_value* v = value_in_force(c, when);
    return v == nullptr ? -1 : v->value;
}

}  // namespace

TEST_CASE("store: normalization folds case, abbreviations, hyphens and plurals") {
    CHECK(normalize_for_matching("U.S. troops").text == "us troop");
    CHECK(normalize_for_matching("US Troops").text == "us troop");
    CHECK(normalize_for_matching("the U.S").text == "the us");
    CHECK(normalize_for_matching("U.K.-based firms").text == "uk based firm");
    CHECK(normalize_for_matching("light-rail  extension").text == "light rail extension");
    CHECK(normalize_for_matching("2003\xE2\x80\x93"
                                 "2011")
              .text == "2003 2011");
    CHECK(normalize_for_matching("Iraq's oil, Harbor Foods' plant").text == "iraq oil harbor food plant");
    CHECK(normalize_for_matching("Iraq\xE2\x80\x99s gas").text == "iraq gas");
    CHECK(normalize_for_matching("a class of buses").text == "a class of buse");
    CHECK(normalize_for_matching("  (\"Z\xC3\xBCrich\")  ").text == "z\xC3\xBCrich");
    CHECK(normalize_for_matching("").text.empty());
}

TEST_CASE("store: normalized offsets point back into the input") {
    const std::string input = "About 2,500 U.S. troops.";
    const auto n = normalize_for_matching(input);
    CHECK(n.text == "about 2 500 us troop");
    REQUIRE(n.offsets.size() == n.text.size() + 1);
    const auto us = n.text.find("us");
    CHECK(n.offsets[us] == input.find("U.S."));
    CHECK(n.offsets[us + 1] == input.find("S."));
    // A space maps to the end of the word before it; the end to the last word's end.
    CHECK(n.offsets[us + 2] == input.find(" troops"));
    CHECK(n.offsets.back() == input.find("troops") + 6);
    for (std::size_t i = 1; i < n.offsets.size(); ++i) CHECK(n.offsets[i - 1] <= n.offsets[i]);
}

TEST_CASE("store: scan finds names with their variants, whole words only") {
    const auto s = store_of({
        named("troops", {"U.S. troop"}, {"Iraq"}),
        named("imports", {"imports from Iraq"}),
        named("us", {"US"}),
        named("rail", {"light-rail extension"}),
        named("harbor", {"Harbor Foods"}),
    });
    CHECK(hit_texts(s, "About 2,500 US troops remain in Iraq.") == strings{"us:US", "troops:US troops"});
    CHECK(hit_texts(s, "Goods import from Iraq fell.") == strings{"imports:import from Iraq"});
    CHECK(hit_texts(s, "Plug in a USB stick; the status is fine.").empty());
    CHECK(hit_texts(s, "the U.S. economy") == strings{"us:U.S."});
    CHECK(hit_texts(s, "The light rail extensions open soon.") == strings{"rail:light rail extensions"});
    CHECK(hit_texts(s, "HARBOR FOODS' new plant") == strings{"harbor:HARBOR FOODS'"});
    CHECK(hit_texts(s, "Harbor Foodstuffs").empty());
    CHECK(hit_texts(s, "Iraqi troops").empty());
    CHECK(s.scan("").empty());
}

TEST_CASE("store: every word of every key is found, each once, however many keys there are") {
    std::vector<reference_claim> claims{named("surge", {"US troop surge"}), named("pair", {"troop  us"})};
    for (int i = 0; i < 5000; ++i)  // the table of key words grows many times
        claims.push_back(
            named(std::string("c").append(std::to_string(i)), {std::string("w").append(std::to_string(i))}));
    const auto s = store_of(std::move(claims));
    CHECK(hit_texts(s, "US troops surge") == strings{"surge:US troops surge"});
    CHECK(hit_texts(s, "troop US") == strings{"pair:troop US"});
    CHECK(hit_texts(s, "w0, w2500 and w4999") == strings{"c0:w0", "c2500:w2500", "c4999:w4999"});
    // Not whole key words: a longer word, a prefix, a word no key has.
    CHECK(hit_texts(s, "w5000 w u surges").empty());
}

TEST_CASE("store: words no key holds are skipped without losing a match or its place") {
    const auto s = store_of({
        named("oil", {"oil output"}),
        named("surge", {"troop surge", "surge"}),
        named("long", {"the light rail extension plan"}),
    });
    // A word that is in no key breaks a phrase; the next phrase is still found, at its own bytes.
    CHECK(hit_texts(s, "oil and output; Xyzzy plugh OIL OUTPUT") == strings{"oil:OIL OUTPUT"});
    CHECK(hit_texts(s, "troop troop surge") == strings{"surge:troop surge", "surge:surge"});
    CHECK(hit_texts(s, "quietly, the light rail extension plans") ==
          strings{"long:the light rail extension plans"});
    CHECK(hit_texts(s, "the light rail and extension plan").empty());
    CHECK(hit_texts(s, "unrelated words only").empty());
}

TEST_CASE("store: the automaton steps a word at a time and falls back to the longest suffix") {
    const auto s = store_of({
        named("nyc", {"New York City"}),
        named("hall", {"York City Hall"}),
        named("city", {"city"}),
        named("long", {"a b c d"}),
        named("tail", {"b c e"}),
        named("ten", {"one two three four five six seven eight nine ten"}),
    });
    CHECK(hit_texts(s, "New York City Hall") ==
          strings{"nyc:New York City", "hall:York City Hall", "city:City"});
    // After "a b c" the next word leaves the long key: its suffix "b c" goes on.
    CHECK(hit_texts(s, "a b c e") == strings{"tail:b c e"});
    CHECK(hit_texts(s, "a b c d") == strings{"long:a b c d"});
    // A key of ten words, after many words: its first word is ten steps back.
    CHECK(hit_texts(s, "one one two one two three one two three four five six seven eight nine ten") ==
          strings{"ten:one two three four five six seven eight nine ten"});
}

TEST_CASE("store: a word read whole from the input and one read step by step are the same word") {
    // Words followed by an ASCII separator or the end are lowered and hashed
    // straight from the input; before an apostrophe or a non-ASCII byte they
    // go through the steps. Both must find the same keys, short and long.
    const auto s = store_of({
        named("harbor", {"Harbor Foods"}),
        named("infra", {"infrastructure spending"}),
        named("gdp", {"GDP 2024"}),
    });
    CHECK(hit_texts(s, "Harbor Foods.") == strings{"harbor:Harbor Foods"});
    CHECK(hit_texts(s, "HARBOR FOOD") == strings{"harbor:HARBOR FOOD"});
    CHECK(hit_texts(s, "Harbor Foods\xE2\x80\x94 a chain") == strings{"harbor:Harbor Foods"});
    CHECK(hit_texts(s, "Harbor Foods' plant") == strings{"harbor:Harbor Foods'"});
    CHECK(hit_texts(s, "INFRASTRUCTURES Spending, again") == strings{"infra:INFRASTRUCTURES Spending"});
    CHECK(hit_texts(s, "Infrastructure spendings\xC2\xA0rose") == strings{"infra:Infrastructure spendings"});
    CHECK(hit_texts(s, "gdp 2024") == strings{"gdp:gdp 2024"});
    CHECK(hit_texts(s, "GDP 20245").empty());
    CHECK(hit_texts(s, "Harbor Foodstuffs").empty());
}

TEST_CASE("store: words and keys longer than the scan's own room") {
    // A word read step by step is kept in room of 64 bytes, then on the
    // heap; the starts of the last words in room for keys of 16 words.
    const std::string long_word(150, 'q');
    std::string many_words;
    for (int i = 0; i < 20; ++i) many_words.append(i == 0 ? "" : " ").append(1, static_cast<char>('a' + i));
    const auto s = store_of({named("long", {long_word + " plant"}), named("many", {many_words})});
    CHECK(hit_texts(s, "the " + long_word + "'s plant") == strings{"long:" + long_word + "'s plant"});
    CHECK(hit_texts(s, "the " + long_word + " plant") == strings{"long:" + long_word + " plant"});
    CHECK(hit_texts(s, long_word + "\xE2\x80\x94plant") ==
          strings{"long:" + long_word + "\xE2\x80\x94plant"});
    CHECK(hit_texts(s, "z y " + many_words + ".") == strings{"many:" + many_words});
}

namespace {

// `w` with its ASCII capitals lowered, as the name index keys a word.
std::string lowered(std::string w) {
    for (char& c : w) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    return w;
}

// `w` with about half its ASCII letters raised, at random.
std::string mixed_case(std::string w, std::mt19937& random) {
    for (char& c : w)
        if (random() % 2 == 0) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c);
    return w;
}

}  // namespace

TEST_CASE("store: the key-word filter passes every key word, whatever its case and length") {
    // Words the filter turns away are never looked up: every key word, of
    // any length, must still be found, and a word no key holds never. Few
    // letters and digits, so that many words share their first or last two
    // bytes and lengths; no "s", so that no plural is folded.
    std::mt19937 random(11);
    const std::string alphabet = "abcXYZ019";
    auto word = [&] {
        std::string w(1 + random() % 40, ' ');
        for (char& c : w) c = alphabet[random() % alphabet.size()];
        return w;
    };
    std::map<std::string, std::string> id_of;  // lowered key word -> claim id
    std::vector<reference_claim> claims;
    for (int i = 0; i < 300; ++i) {
        std::string w = word();
        const std::string id = std::string("k").append(std::to_string(i));
        if (!id_of.emplace(lowered(w), id).second) continue;
        claims.push_back(named(id, {w}));
    }
    const auto s = store_of(std::move(claims));
    std::vector<std::string> keys;
    for (const auto& [w, id] : id_of) keys.push_back(w);
    std::string text;
    strings expected;
    for (int i = 0; i < 3000; ++i) {
        const std::string w = mixed_case(random() % 3 == 0 ? keys[random() % keys.size()] : word(), random);
        if (const auto it = id_of.find(lowered(w)); it != id_of.end())
            expected.push_back(it->second + ":" + w);
        text.append(w).append(i % 7 == 0 ? ", " : " ");
    }
    CHECK(hit_texts(s, text) == expected);
}

TEST_CASE("store: among 20,000 key words, every one passes the filter, by either path of the scan") {
    // The filter's bit array of the key words' hashes turns most other
    // words away before the table (docs/performance.md part 28). Words of
    // ASCII letters and digits are hashed as read from the text, words with
    // other letters after the normalizer has written them: both must find
    // every key word, whatever its case, and no other.
    std::mt19937 random(29);
    const std::vector<std::string> letters = {"a", "b", "c", "d",        "X",       "Y",
                                              "Z", "0", "7", "\xc3\xa9", "\xc3\xb8"};
    auto word = [&](bool ascii) {
        std::string w;
        for (std::size_t n = 1 + random() % 12; n > 0; --n)
            w += letters[random() % (letters.size() - (ascii ? 2 : 0))];
        return w;
    };
    std::map<std::string, std::string> id_of;  // lowered key word -> claim id
    std::vector<reference_claim> claims;
    for (int i = 0; id_of.size() < 20000; ++i) {
        std::string w = word(i % 4 != 0);
        const std::string id = std::string("k").append(std::to_string(i));
        if (id_of.emplace(lowered(w), id).second) claims.push_back(named(id, {w}));
    }
    const auto s = store_of(std::move(claims));
    std::vector<std::string> keys;
    for (const auto& [w, id] : id_of) keys.push_back(w);
    std::string text;
    strings expected;
    std::size_t others = 0;
    for (int i = 0; i < 20000; ++i) {
        const std::string w =
            mixed_case(random() % 2 == 0 ? keys[random() % keys.size()] : word(i % 3 != 0), random);
        if (const auto it = id_of.find(lowered(w)); it != id_of.end()) {
            expected.push_back(it->second + ":" + w);
        } else {
            ++others;
        }
        text.append(w).append(i % 5 == 0 ? "; " : " ");
    }
    CHECK(others > 1000);  // words no key holds were scanned too
    CHECK(hit_texts(s, text) == expected);
}

TEST_CASE("store: a claim with `where` phrases is named only beside one of them") {
    const auto s = store_of({
        named("troops", {"troops"}, {"Iraq", "Kuwait"}),
        named("troops-syria", {"troops"}, {"Syria"}),
        named("oil", {"oil output"}, {"Iraq"}),
        named("nowhere", {"grain"}, {"--"}),  // a phrase with no words is never found
        named("anywhere", {"troops"}),
    });
    CHECK(hit_texts(s, "US troops remain.") == strings{"anywhere:troops"});
    CHECK(hit_texts(s, "US troops remain in Iraq.") == strings{"troops:troops", "anywhere:troops"});
    CHECK(hit_texts(s, "In Kuwait and Syria, troops and oil output.") ==
          strings{"troops:troops", "troops-syria:troops", "anywhere:troops"});
    CHECK(hit_texts(s, "Iraq's oil output; Iraq's troops") ==
          strings{"oil:oil output", "troops:troops", "anywhere:troops"});
    CHECK(hit_texts(s, "grain -- grain").empty());
}

TEST_CASE("store: a claim of many `where` phrases, some repeated, is indexed in linear time") {
    // Once quadratic: each phrase was looked for among its claim's earlier
    // ones. 100,000 places of one claim took 1.4 s to load, 200,000 5.4 s.
    std::size_t phrases = 0;
    const auto build = [&](std::size_t n) {
        std::vector<std::string> wheres;
        for (std::size_t i = 0; i < n; ++i)
            wheres.push_back(std::string("Place ").append(std::to_string(i % (n / 2))));
        phrases = wheres.size();
        const auto s = store_of({named("many", {"troops"}, wheres), named("other", {"troops"}, {"Place 7"})});
        // Each place found once, the repeated one as well; the shared one for both claims.
        CHECK(hit_texts(s, "troops in Place 3") == strings{"many:troops"});
        CHECK(hit_texts(s, "troops in Place 7") == strings{"many:troops", "other:troops"});
    };
    const double ratio = testing::growth_ratio(build, 10'000, 40'000);
    CHECK(phrases == 40'000);
    CHECK(ratio < 10.0);  // 16 if quadratic
}

TEST_CASE("store: overlapping hits of different claims are all returned, in order") {
    const auto s = store_of({
        named("drought", {"drought emergency", "the emergency"}), named("emergency", {"emergency"}),
        named("twice", {"U.S. troops", "US troops"}),  // one key: reported once
    });
    CHECK(hit_texts(s, "the drought emergency ended; the emergency order") ==
          strings{"drought:drought emergency", "emergency:emergency", "drought:the emergency",
                  "emergency:emergency"});
    CHECK(hit_texts(s, "US troops") == strings{"twice:US troops"});
}

TEST_CASE("store: names of plain letters and spaces are keyed as the normalizer keys any name") {
    // The first of each pair takes the index's shortcut for plain names, the
    // second (a dash, a dot) the general normalizer; both must match alike.
    auto s = store_of({named("plain", {" Glass  HOUSES "}), named("general", {"glass-houses"}),
                       named("gas", {"Gas"}), named("gas2", {"gas."}), named("class", {"Class"}),
                       named("class2", {"class-"})});
    CHECK(hit_texts(s, "a glass house") == strings{"plain:glass house", "general:glass house"});
    CHECK(hit_texts(s, "Glass Houses") == strings{"plain:Glass Houses", "general:Glass Houses"});
    CHECK(hit_texts(s, "gas") == strings{"gas:gas", "gas2:gas"});
    CHECK(hit_texts(s, "ga").empty());  // "gas" keeps its "s": three letters
    CHECK(hit_texts(s, "one class") == strings{"class:class", "class2:class"});  // "ss" is no plural
}

TEST_CASE("store: the plain-name shortcut writes what the normalizer writes") {
    // Names of letters and spaces (runs of eight letters and more taken
    // eight at a time), and names with any other byte, which it declines.
    std::mt19937 rng(11);
    const std::string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZsS     ";
    const std::string others = "-.'0\x7f\x80\xc3@[`{";
    std::uniform_int_distribution<std::size_t> length(0, 40), letter(0, alphabet.size() - 1),
        other(0, others.size() - 1), coin(0, 9);
    int taken = 0, declined = 0;
    for (int i = 0; i < 50000; ++i) {
        std::string phrase;
        const std::size_t n = length(rng);
        for (std::size_t k = 0; k < n; ++k) phrase += alphabet[letter(rng)];
        const bool plain = coin(rng) != 0;
        if (!plain && !phrase.empty()) phrase[letter(rng) % phrase.size()] = others[other(rng)];
        CAPTURE(phrase);
        std::string out(phrase.size(), '\0');
        const std::size_t written = store_detail::normalize_plain(phrase, out.data());
        const bool only_plain = std::all_of(phrase.begin(), phrase.end(), [](char c) {
            return c == ' ' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        });
        REQUIRE((written != std::string::npos) == only_plain);
        if (written == std::string::npos) {
            ++declined;
            continue;
        }
        ++taken;
        CHECK(out.substr(0, written) == normalize_for_matching(phrase).text);
    }
    CHECK(taken > 40000);
    CHECK(declined > 2000);
}

TEST_CASE("store: preparing buffers for filling leaves every buffer as it was") {
    // Nothing, too small, unaligned: no request, no harm.
    prepare_for_filling(nullptr, 1 << 30);
    std::vector<char> small(100, 'x');
    prepare_for_filling(small.data(), small.size());
    std::vector<std::uint32_t> big;
    reserve_huge(big, 3 << 20);  // 12 MB: whole huge pages inside it
    CHECK(big.capacity() >= (3u << 20));
    for (std::uint32_t i = 0; i < (3u << 20); ++i) big.push_back(i * 7);
    prepare_for_filling(reinterpret_cast<const char*>(big.data()) + 3, big.size() * 4 - 5);
    std::size_t wrong = 0;
    for (std::uint32_t i = 0; i < big.size(); ++i) wrong += big[i] != i * 7 ? 1 : 0;
    CHECK(wrong == 0);
    CHECK(std::all_of(small.begin(), small.end(), [](char c) { return c == 'x'; }));
    // Below 2 MB the pages are mapped at once: written ones keep their bytes.
    std::vector<std::uint32_t> medium(64 << 10);
    for (std::uint32_t i = 0; i < medium.size(); ++i) medium[i] = i * 3;
    prepare_for_filling(medium.data() + 1, medium.size() * 4 - 7);
    wrong = 0;
    for (std::uint32_t i = 0; i < medium.size(); ++i) wrong += medium[i] != i * 3 ? 1 : 0;
    CHECK(wrong == 0);
}

TEST_CASE("store: reserve_huge moves what a vector holds into its larger buffer") {
    std::vector<std::string> v;
    for (int i = 0; i < 1000; ++i) v.push_back("value number " + std::to_string(i) + std::string(40, 'x'));
    const std::vector<std::string> before = v;
    reserve_huge(v, 70000);  // over 2 MB of strings: huge pages
    CHECK(v.capacity() >= 70000);
    CHECK(v == before);
    reserve_huge(v, 10);  // smaller than its capacity: nothing happens
    CHECK(v.capacity() >= 70000);
    std::vector<std::string> w(before.begin(), before.begin() + 100);
    reserve_huge(w, 3000);  // under 2 MB: its pages mapped at once
    CHECK(w.capacity() >= 3000);
    CHECK(std::equal(w.begin(), w.end(), before.begin()));
}

#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
TEST_CASE("store: a buffer below 2 MB prepared for filling is mapped before it is written") {
    constexpr std::size_t bytes = 64 << 10, page = 4096;
    void* block = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(block != MAP_FAILED);
    std::vector<unsigned char> resident(bytes / page);
    REQUIRE(::mincore(block, bytes, resident.data()) == 0);
    CHECK(std::count(resident.begin(), resident.end(), 0) == static_cast<long>(resident.size()));
    // A kernel before 5.14 has no such request: nothing to hold it to there.
    const bool kernel_can = ::madvise(block, page, MADV_POPULATE_WRITE) == 0;
    prepare_for_filling(block, bytes);
    REQUIRE(::mincore(block, bytes, resident.data()) == 0);
    if (kernel_can)
        CHECK(std::count_if(resident.begin(), resident.end(), [](unsigned char r) { return (r & 1) == 0; }) ==
              0);
    ::munmap(block, bytes);
}
#endif

TEST_CASE("store: the id table keeps each id's first number as it grows") {
    id_table t;
    CHECK(t.find("a") == nullptr);
    std::vector<std::string> ids;
    for (int i = 0; i < 5000; ++i) ids.push_back("id-" + std::to_string(i));
    for (std::size_t i = 0; i < ids.size(); ++i)
        CHECK(t.insert(ids[i], static_cast<std::uint32_t>(i)).second);
    const auto again = t.insert(ids[42], 7);
    CHECK_FALSE(again.second);
    CHECK(again.first == 42);
    for (std::size_t i = 0; i < ids.size(); i += 97) {
        REQUIRE(t.find(ids[i]) != nullptr);
        CHECK(*t.find(ids[i]) == i);
    }
    CHECK(t.find("id-5000") == nullptr);
    CHECK(t.find("") == nullptr);
    t.clear();
    CHECK(t.find(ids[0]) == nullptr);
}

TEST_CASE("store: the id table finds keys of every length, whole chunks and tails") {
    // Keys are hashed eight bytes at a time and the tail of a key of eight
    // bytes or more is read from its last eight; keys of 0 to 40 bytes,
    // each a prefix of the next or differing only in the last byte, are all
    // told apart, in views of a larger buffer (no reading past their end).
    const std::string buffer = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";
    id_table t;
    std::vector<std::string_view> keys;
    std::vector<std::string> changed;
    for (std::size_t n = 0; n <= 40; ++n) keys.push_back(std::string_view(buffer).substr(3, n));
    for (std::size_t n = 1; n <= 40; ++n) {
        std::string k(keys[n]);
        k.back() = '#';
        changed.push_back(k);
    }
    for (const auto& k : changed) keys.push_back(k);
    for (std::size_t i = 0; i < keys.size(); ++i)
        CHECK(t.insert(keys[i], static_cast<std::uint32_t>(i)).second);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        REQUIRE(t.find(keys[i]) != nullptr);
        CHECK(*t.find(keys[i]) == i);
    }
    CHECK(t.find(std::string_view(buffer).substr(4, 9)) == nullptr);
}

TEST_CASE("store: find, and an empty or unindexed store") {
    claim_store empty;
    CHECK(empty.empty());
    CHECK(empty.scan("anything at all").empty());
    CHECK(empty.find("x") == nullptr);
    auto s = store_of({named("alpha", {"alpha"}), named("beta", {"beta"})});
    REQUIRE(s.find("beta") != nullptr);
    CHECK(s.find("beta")->names[0] == "beta");
    claim_store moved = std::move(s);
    CHECK(moved.find("alpha") != nullptr);
    CHECK(moved.scan("beta").size() == 1);
}

TEST_CASE("store: ids are hashed when first asked for, by one of several threads, and again after an add") {
    std::vector<reference_claim> claims;
    for (int i = 0; i < 5000; ++i)
        claims.push_back(named("id-" + std::to_string(i), {"name " + std::to_string(i)}));
    claims.push_back(named("id-7", {"a second claim of id-7"}));  // a repeat: the first claim keeps its id
    auto s = store_of(claims);
    // Each thread asks for every id, the first asks of the store at once:
    // every answer is the claim of that id, whichever thread built the table.
    std::vector<int> wrong(4, 0);
    {
        std::vector<std::jthread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&s, &wrong, t] {
                for (int k = 0; k < 5000; ++k) {
                    const int i = (k * 7 + t * 1250) % 5000;
                    const std::string id = "id-" + std::to_string(i);
                    const reference_claim* c = s.find(id);
                    if (c == nullptr || c != &s.claims()[static_cast<std::size_t>(i)]) ++wrong[t];
                }
                if (s.find("id-5000") != nullptr) ++wrong[t];
            });
        }
    }
    CHECK(wrong == std::vector<int>(4, 0));
    CHECK(s.find("id-7") == &s.claims()[7]);
    s.add(named("late", {"late"}));  // the table is stale: found all the same
    REQUIRE(s.find("late") != nullptr);
    CHECK(s.find("late")->names[0] == "late");
    CHECK(s.find("id-4999") == &s.claims()[4999]);
}

TEST_CASE("store: a record's claim is the one at its place when that claim has its id, else found by id") {
    auto s = store_of({named("alpha", {"alpha"}), named("beta", {"beta"}), named("gamma", {"gamma"})});
    claim_record r;
    CHECK(s.claim_of(r) == nullptr);  // matched to none
    r.claim_id = "beta";              // not a view of the store's id: looked up
    CHECK(s.claim_of(r) == &s.claims()[1]);
    r.claim_place = 0;  // a place whose claim has another id: looked up too
    CHECK(s.claim_of(r) == &s.claims()[1]);
    r.claim_place = 99;  // past the claims
    CHECK(s.claim_of(r) == &s.claims()[1]);
    r.claim_id = s.claims()[2].id;  // as the matcher sets them: taken at the place
    r.claim_place = 2;
    CHECK(s.claim_of(r) == &s.claims()[2]);
    r.claim_id = {};  // no id: no claim, whatever the place
    CHECK(s.claim_of(r) == nullptr);
}

TEST_CASE("store: value_in_force carries `as of` forward and holds `in` to its span") {
    reference_claim c = named("troops", {"troops"});
    add_value(c, value_at(5200, value_scope::in, time_span::year(2020)));
    add_value(c, value_at(2500, value_scope::as_of, time_span::month(2023, 8)));
    add_value(c, value_at(3000, value_scope::as_of, time_span::month(2021, 1)));

    CHECK(in_force(c, time_span::year(2020)) == 5200);
    CHECK(in_force(c, time_span::month(2020, 5)) == 5200);    // a month inside `in 2020`
    CHECK(in_force(c, time_span::day(2019, 12, 31)) == -1);   // before every value
    CHECK(in_force(c, time_span::month(2022, 3)) == 3000);    // carried forward from 2021-01
    CHECK(in_force(c, time_span::day(2023, 7, 31)) == 3000);  // the day before the next `as of`
    CHECK(in_force(c, time_span::day(2023, 8, 1)) == 2500);
    CHECK(in_force(c, time_span::year(2026)) == 2500);  // still in force
    // A year that both `as of` values touch: the one wholly covering it is preferred.
    CHECK(in_force(c, time_span::year(2022)) == 3000);
    CHECK(in_force(c, time_span::year(2023)) == 3000);
}

TEST_CASE("store: value_in_force at the granularity of `in`") {
    reference_claim c = named("jobless", {"unemployment"});
    add_value(c, value_at(4.9, value_scope::in, time_span::month(2025, 4)));
    add_value(c, value_at(4.1, value_scope::in, time_span::month(2025, 5)));
    CHECK(in_force(c, time_span::month(2025, 5)) == doctest::Approx(4.1));
    CHECK(in_force(c, time_span::day(2025, 4, 30)) == doctest::Approx(4.9));
    CHECK(in_force(c, time_span::year(2025)) == -1);  // "2025" is not "in 2025-05"
    CHECK(in_force(c, time_span::month(2025, 6)) == -1);

    // The most specific value wins: a month over its year over a timeless value.
    reference_claim d = named("budget", {"budget"});
    add_value(d, value_at(1, value_scope::timeless, std::nullopt));
    add_value(d, value_at(2, value_scope::in, time_span::year(2024)));
    add_value(d, value_at(3, value_scope::in, time_span::month(2024, 6)));
    add_value(d, value_at(4, value_scope::as_of, time_span::year(2023)));
    CHECK(in_force(d, time_span::month(2024, 6)) == 3);
    CHECK(in_force(d, time_span::month(2024, 7)) == 2);
    CHECK(in_force(d, time_span::year(2025)) == 4);  // `as of 2023` carries on; `in 2024` does not
    CHECK(in_force(d, time_span::year(2019)) == 1);
}

TEST_CASE("store: value_in_force for from, from-to and until") {
    reference_claim c = named("riders", {"riders"});
    add_value(c, value_at(10, value_scope::until, time_span::year(2015)));
    add_value(
        c, value_at(20, value_scope::from_to, time_span::hull(time_span::year(2016), time_span::year(2018))));
    add_value(c, value_at(30, value_scope::from, time_span::year(2019)));
    add_value(c, value_at(40, value_scope::as_of, time_span::year(2022)));
    CHECK(in_force(c, time_span::year(2010)) == 10);
    CHECK(in_force(c, time_span::year(2017)) == 20);
    CHECK(in_force(c, time_span::year(2020)) == 30);
    CHECK(in_force(c, time_span::year(2021)) == 30);  // `from 2019` ends where `as of 2022` starts
    CHECK(in_force(c, time_span::year(2024)) == 40);
    REQUIRE(newest_value(c) != nullptr);
    CHECK(newest_value(c)->value == 40);
    CHECK(newest_value(named("none", {"none"})) == nullptr);
}

TEST_CASE("store: value_in_force over a long series, as the search of every value gives it") {
    // The carry-forward end of an `as of` or `from` value is found in the
    // sorted starts of the series; before, each value looked through every
    // value (2,000 values took 19 ms a look-up). 600 values of every scope
    // in shuffled order, with repeated starts, against that search, kept
    // here as the reference, for days, months and years across the series.
    const auto slow_in_force = [](const reference_claim& c, const time_span& when) -> double {
        const auto end_of = [&](const reference_value& v) {
            day_number end = open_end;
            for (const auto& u : c.values) {
                if (&u == &v || !u.when || (u.scope != value_scope::as_of && u.scope != value_scope::from))
                    continue;
                if (u.when->from > v.when->from && u.when->from < end) end = u.when->from;
            }
            return end == open_end ? open_end : end - 1;
        };
        const reference_value* best = nullptr;
        std::tuple<bool, std::int64_t, int, day_number> best_key{};
        for (const auto& v : c.values) {
            time_span span{open_start, open_end, granularity::century};
            if (v.when && v.scope != value_scope::timeless) {
                if (v.scope == value_scope::as_of || v.scope == value_scope::from)
                    span = {v.when->from, end_of(v), v.when->grain};
                else if (v.scope == value_scope::until)
                    span = {open_start, v.when->to, v.when->grain};
                else
                    span = *v.when;
            }
            const bool holds = v.scope == value_scope::in ? (when.from >= span.from && when.to <= span.to)
                                                          : overlaps(span, when);
            if (!holds) continue;
            const int rank = v.scope == value_scope::in         ? 3
                             : v.scope == value_scope::until    ? 1
                             : v.scope == value_scope::timeless ? 0
                                                                : 2;
            const day_number start =
                !v.when || v.scope == value_scope::timeless || v.scope == value_scope::until ? open_start
                                                                                             : v.when->from;
            const std::tuple<bool, std::int64_t, int, day_number> key{
                when.from >= span.from && when.to <= span.to,
                -(static_cast<std::int64_t>(span.to) - span.from), rank, start};
            if (best == nullptr || key >= best_key) best = &v, best_key = key;
        }
        return best == nullptr ? -1 : best->value;
    };
    reference_claim c = named("series", {"series"});
    std::vector<reference_value> values;
    const value_scope scopes[] = {value_scope::as_of, value_scope::as_of, value_scope::from,
                                  value_scope::in,    value_scope::until, value_scope::from_to};
    for (int i = 0; i < 600; ++i) {
        const int year = 1950 + (i * 7919) % 60, month = 1 + (i * 31) % 12;  // shuffled, with repeats
        const value_scope scope = scopes[i % 6];
        time_span when = i % 5 == 0 ? time_span::year(year) : time_span::month(year, month);
        if (scope == value_scope::from_to) when = time_span::hull(when, time_span::year(year + 2));
        values.push_back(value_at(i, scope, when));
    }
    values.push_back(value_at(9999, value_scope::timeless, std::nullopt));
    c.values = values;  // outlives c
    // The same through the claim's series index (reference.hpp), which
    // looks only at the values whose days can meet the time asked about.
    const series_index index(c);
    int checked = 0;
    for (int year = 1948; year <= 2012; ++year) {
        for (const time_span when :
             {time_span::year(year), time_span::month(year, 3), time_span::day(year, 7, 15)}) {
            CHECK(in_force(c, when) == slow_in_force(c, when));
            CHECK(value_in_force(c, when, &index) == value_in_force(c, when));
            ++checked;
        }
    }
    CHECK(checked == 195);
}

TEST_CASE("store: value_in_force through a series index, as without it, over random series") {
    // Series of every scope and length in random order, with spans that
    // start together, nest and overlap (long `from ... to` values make the
    // index look further back), asked about at days, months, years and
    // decades around them; several values may tie on everything but their
    // place in the file, which then decides.
    std::mt19937 rng(20261201);
    std::uniform_int_distribution<int> year_of(1960, 2020), month_of(1, 12), day_of(1, 28), scope_of(0, 5),
        size_of(1, 200), span_years(0, 30);
    const value_scope scopes[] = {value_scope::as_of, value_scope::in,      value_scope::from,
                                  value_scope::until, value_scope::from_to, value_scope::timeless};
    int checked = 0, found = 0;
    for (int series = 0; series < 60; ++series) {
        std::vector<reference_value> values;
        const int size = size_of(rng);
        for (int i = 0; i < size; ++i) {
            const value_scope scope = scopes[scope_of(rng)];
            const int year = year_of(rng);
            std::optional<time_span> when;
            switch (rng() % 3) {
                case 0: when = time_span::year(year); break;
                case 1: when = time_span::month(year, static_cast<unsigned>(month_of(rng))); break;
                default:
                    when = time_span::day(year, static_cast<unsigned>(month_of(rng)),
                                          static_cast<unsigned>(day_of(rng)));
            }
            if (scope == value_scope::from_to)
                when = time_span::hull(*when, time_span::year(year + span_years(rng)));
            if (scope == value_scope::timeless) when.reset();
            values.push_back(value_at(i % 7, scope, when));  // repeated values: ties are told by place
        }
        reference_claim c = named("series-" + std::to_string(series), {"series"});
        static std::deque<std::vector<reference_value>> kept;
        c.values = kept.emplace_back(std::move(values));
        const series_index index(c);
        for (int k = 0; k < 40; ++k) {
            const int year = year_of(rng);
            const time_span asked[] = {time_span::year(year), time_span::month(year, 6),
                                       time_span::day(year, 2, 14), time_span::decade(year / 10 * 10)};
            for (const time_span& when : asked) {
                const reference_value* plain = value_in_force(c, when);
                CHECK(value_in_force(c, when, &index) == plain);
                found += plain != nullptr ? 1 : 0;
                ++checked;
            }
        }
    }
    CHECK(checked == 60 * 40 * 4);
    CHECK(found > checked / 2);  // not vacuous: most times have a value in force
}

TEST_CASE("store: the first value meeting a figure, through the index, as a search of every value gives it") {
    // Random series of one unit: ranges wide and narrow, open bounds,
    // unbounded ends, NaN bounds (which overlap() every interval), repeated
    // values, a claim tolerance; figures asked as points and ranges, with a
    // test (`accept`) that turns some values away, as judge_value turns
    // away the value in force.
    std::mt19937 rng(20261203);
    std::uniform_real_distribution<double> at(0, 1000), width(0, 60);
    int checked = 0, found = 0;
    for (int series = 0; series < 80; ++series) {
        std::vector<reference_value> values;
        const int size = 1 + static_cast<int>(rng() % 300);
        for (int i = 0; i < size; ++i) {
            const double v = (rng() % 5 == 0) ? std::floor(at(rng) / 100) * 100 : at(rng);
            reference_value r = value_at(v, value_scope::timeless, std::nullopt);
            r.unit = "count";
            switch (rng() % 8) {
                case 0: r.range = interval{v - width(rng), v + width(rng), true, rng() % 2 == 0}; break;
                case 1: r.range = interval{-infinity, v, false, true}; break;
                case 2: r.range = interval{v, infinity}; break;
                case 3: r.range = interval{std::nan(""), v}; break;
                default: r.range = interval::closed(v - width(rng) / 10, v + width(rng) / 10);
            }
            values.push_back(r);
        }
        reference_claim c = named("meet-" + std::to_string(series), {"meet"});
        c.tolerance = (series % 3 == 0) ? 0.05 : 0;
        static std::deque<std::vector<reference_value>> kept;
        c.values = kept.emplace_back(std::move(values));
        const series_index index(c);
        REQUIRE(index.by_interval());
        for (int k = 0; k < 60; ++k) {
            const double x = at(rng);
            interval r = k % 3 == 0 ? interval::point(x)
                                    : interval{x - width(rng), x + width(rng), k % 4 == 1, k % 5 == 1};
            if (k == 59) r.high = infinity;
            const auto refused = static_cast<std::uint32_t>(rng() % 4);
            const auto accept = [&](std::uint32_t i) {
                return i % 4 != refused && overlaps(r, allowed_interval(c, c.values[i]));
            };
            std::uint32_t plain = UINT32_MAX;
            for (std::uint32_t i = 0; i < c.values.size(); ++i) {
                if (accept(i)) {
                    plain = i;
                    break;
                }
            }
            CHECK(index.first_meeting(r, accept) == plain);
            found += plain != UINT32_MAX ? 1 : 0;
            ++checked;
        }
    }
    CHECK(checked == 80 * 60);
    CHECK(found > checked / 3);  // not vacuous

    // The nearest value, as a search of every value finds it (the first
    // of equal distances), over values with repeats, ties on both sides,
    // NaN and infinite values, and huge ones whose distance overflows.
    for (int series = 0; series < 80; ++series) {
        std::vector<reference_value> values;
        const int size = 17 + static_cast<int>(rng() % 200);
        for (int i = 0; i < size; ++i) {
            double v = std::floor(at(rng) / 10) * 10;  // many repeats and ties
            switch (rng() % 20) {
                case 0: v = std::nan(""); break;
                case 1: v = infinity; break;
                case 2: v = -1.5e308; break;
                default: break;
            }
            reference_value r = value_at(0, value_scope::timeless, std::nullopt);
            r.value = v;
            values.push_back(r);
        }
        reference_claim c = named("near-" + std::to_string(series), {"near"});
        static std::deque<std::vector<reference_value>> kept;
        c.values = kept.emplace_back(std::move(values));
        const series_index index(c);
        for (int k = 0; k < 60; ++k) {
            const double x = k == 0 ? 1.5e308 : std::floor(at(rng) / 5) * 5;  // on values and halfway between
            std::uint32_t plain = UINT32_MAX;
            double best_gap = infinity;
            for (std::uint32_t i = 0; i < c.values.size(); ++i) {
                const double gap = std::abs(x - c.values[i].value);
                if (gap < best_gap) best_gap = gap, plain = i;
            }
            CHECK(index.nearest(x) == plain);
        }
    }
    reference_claim mixed = named("mixed", {"mixed"});
    add_value(mixed, value_at(1, value_scope::timeless, std::nullopt));
    reference_value euros = value_at(2, value_scope::timeless, std::nullopt);
    euros.unit = "currency:EUR";
    add_value(mixed, euros);
    CHECK_FALSE(series_index(mixed).by_interval());  // searched value by value
}

TEST_CASE("store: a claim of many values has a series index, a short one none") {
    reference_claim longer = named("long", {"long"}), shorter = named("short", {"short"});
    for (int i = 0; i <= static_cast<int>(claim_store::series_values); ++i)
        add_value(longer, value_at(i, value_scope::in, time_span::month(2000 + i / 12, 1 + i % 12)));
    add_value(shorter, value_at(1, value_scope::as_of, time_span::year(2001)));
    const claim_store s = store_of({longer, shorter});
    const reference_claim& l = *s.find("long");
    REQUIRE(s.series_of(l) != nullptr);
    CHECK(s.series_of(*s.find("short")) == nullptr);
    CHECK(s.series_of(longer) == nullptr);  // a claim outside the store
    CHECK(value_in_force(l, time_span::month(2001, 2), s.series_of(l))->value == 13);
}

TEST_CASE("store: a look-up in a long series costs about the same whatever its length") {
    // A record checked against a monthly series took a look at every value
    // of it, with the days of each worked out again (docs/performance.md
    // part 25): 16 times the values took 48 times as long a look-up. With
    // the index it reads 3.5 to 6 (a search, and the larger arrays' cache
    // misses).
    std::map<std::size_t, claim_store>
        stores;  // made once a size: only the look-ups are timed (best of seven)
    auto lookups = [&](std::size_t values) {
        if (!stores.contains(values)) {
            static std::deque<std::vector<reference_value>> kept;
            auto& series = kept.emplace_back();
            for (std::size_t i = 0; i < values; ++i)
                series.push_back(value_at(static_cast<double>(i), value_scope::as_of,
                                          time_span::month(1000 + static_cast<int>(i / 12), 1 + i % 12)));
            reference_claim c = named("growth", {"growth"});
            c.values = series;
            stores.emplace(values, store_of({c}));
        }
        const claim_store& s = stores.at(values);
        const reference_claim& in_store = s.claims().front();
        double sum = 0;
        for (int k = 0; k < 20000; ++k) {
            const auto i = static_cast<std::size_t>(k * 7919) % values;
            const reference_value* v =
                value_in_force(in_store, time_span::month(1000 + static_cast<int>(i / 12), 1 + i % 12),
                               s.series_of(in_store));
            sum += v == nullptr ? 0 : v->value;
        }
        CHECK(sum > 0);
    };
    const double ratio = testing::growth_ratio(lookups, 500, 8000);
    CAPTURE(ratio);
    CHECK(ratio < 16.0);
}

TEST_CASE("store: allowed_interval adds the claim's tolerance") {
    reference_claim c = named("x", {"x"});
    c.tolerance = 0.02;
    reference_value v = value_at(8.5e9, value_scope::timeless, std::nullopt);
    v.range = interval::closed(8.45e9, 8.55e9);
    const interval r = allowed_interval(c, v);
    CHECK(r.low == doctest::Approx(8.28e9));
    CHECK(r.high == doctest::Approx(8.72e9));
    c.tolerance = 0;
    CHECK(allowed_interval(c, v).low == doctest::Approx(8.45e9));
}

TEST_CASE("store: a store of 100,000 claims scans correctly") {
    // Distinct made-up names: "gizmo <letters> output", letters from the index.
    auto letters = [](std::size_t n) {
        std::string s;
        do {
            s.push_back(static_cast<char>('a' + n % 26));
            n /= 26;
        } while (n != 0);
        s.push_back('q');  // never ends in "s", so no plural folding
        return s;
    };
    claim_store s;
    for (std::size_t i = 0; i < 100000; ++i) {
        std::string id = "c", name = "gizmo ", where = "Plant ";
        id.append(std::to_string(i));
        name.append(letters(i)).append(" output");
        where.append(letters(i));
        s.add(named(std::move(id), {std::move(name)}, {std::move(where)}));
    }
    s.build_index();
    REQUIRE(s.claims().size() == 100000);
    const std::string text = "The Gizmo " + letters(4242) + " outputs rose at plant " + letters(4242) +
                             ", while gizmo " + letters(99999) + " output fell at Plant " + letters(99999) +
                             " and gizmo " + letters(777) + " output (plant " + letters(778) + ") held.";
    const auto hits = s.scan(text);
    REQUIRE(hits.size() == 2);  // not c777: its plant is not named
    CHECK(s.claims()[hits[0].claim].id == "c4242");
    CHECK(text.substr(hits[0].begin, hits[0].end - hits[0].begin) == "Gizmo " + letters(4242) + " outputs");
    CHECK(s.claims()[hits[1].claim].id == "c99999");
    CHECK(s.find("c77777") != nullptr);
}

namespace {

// Hits as (begin, end, claim), in the scan's order.
using hit_list = std::vector<std::tuple<std::size_t, std::size_t, std::size_t>>;

// The slow path of the scan: every name normalized, then searched whole
// words at a time in the normalized text, its offsets mapping back to the
// input (a hit ends where its last word ended, dropped "'s" or "s" included).
hit_list slow_hits(const claim_store& s, std::string_view text) {
    const normalized_text norm = normalize_for_matching(text);
    const std::string& t = norm.text;
    hit_list hits;
    for (std::size_t c = 0; c < s.claims().size(); ++c) {
        std::vector<std::pair<std::size_t, std::size_t>> found;
        for (const std::string_view name : s.claims()[c].names) {
            const std::string key = normalize_for_matching(name).text;
            if (key.empty()) continue;
            for (std::size_t at = t.find(key); at != std::string::npos; at = t.find(key, at + 1)) {
                const std::size_t e = at + key.size();
                if ((at == 0 || t[at - 1] == ' ') && (e == t.size() || t[e] == ' '))
                    found.emplace_back(norm.offsets[at], norm.offsets[e]);
            }
        }
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        // A claim with `where` phrases is named only beside one of them.
        const auto& wheres = s.claims()[c].wheres;
        const bool beside =
            wheres.empty() || std::any_of(wheres.begin(), wheres.end(), [&](std::string_view w) {
                const std::string key = normalize_for_matching(w).text;
                if (key.empty()) return false;
                for (std::size_t at = t.find(key); at != std::string::npos; at = t.find(key, at + 1)) {
                    const std::size_t e = at + key.size();
                    if ((at == 0 || t[at - 1] == ' ') && (e == t.size() || t[e] == ' ')) return true;
                }
                return false;
            });
        if (!beside) continue;
        for (const auto& [b, e] : found) hits.emplace_back(b, e, c);
    }
    std::sort(hits.begin(), hits.end());
    return hits;
}

hit_list fast_hits(const claim_store& s, std::string_view text) {
    hit_list hits;
    for (const name_hit& h : s.scan(text)) hits.emplace_back(h.begin, h.end, h.claim);
    // scan_padded gives the same on a copy with a zero after it, in either
    // case (the tokenizer's lower-case copy is what it reads in a check).
    for (const bool lower : {false, true}) {
        std::string copy(text);
        if (lower)
            for (char& c : copy) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        hit_list padded;
        for (const name_hit& h : s.scan_padded(std::string_view(copy.c_str(), text.size())))
            padded.emplace_back(h.begin, h.end, h.claim);
        CHECK(padded == hits);
    }
    return hits;
}

}  // namespace

TEST_CASE("store: the scan finds what a search of the normalized text finds, over shuffled pieces") {
    // Pieces that each path of the scan meets: whole ASCII words before a
    // separator, a lone letter before a dot, abbreviations, apostrophes and
    // possessives, plurals, hyphens, non-ASCII separators and letters, stray
    // bytes of UTF-8, digits. (A stray lead byte takes the bytes after it
    // into its word, a blank too: the normalized text would then hold a
    // blank inside a word, which the slow path cannot tell from one between
    // words, so here letters follow it.)
    static constexpr std::string_view pieces[] = {"U.S.",
                                                  "US",
                                                  "u.s",
                                                  "A.",
                                                  "a",
                                                  "e.g.",
                                                  "troop",
                                                  "troops",
                                                  "surge",
                                                  "Surges",
                                                  "class",
                                                  "gas",
                                                  "oil",
                                                  "OUTPUT",
                                                  "don't",
                                                  "Iraq's",
                                                  "Iraq",
                                                  "'s",
                                                  "'",
                                                  "\xE2\x80\x99",
                                                  "\xE2\x80\x99s",
                                                  "-",
                                                  "\xE2\x80\x94",
                                                  "\xC2\xA0",
                                                  "caf\xC3\xA9",
                                                  "\xC3\xA9t\xC3\xA9",
                                                  "\xE2"
                                                  "ab",
                                                  "\xC3"
                                                  "z",
                                                  "\xF0"
                                                  "abc",
                                                  "\x80",
                                                  "2019",
                                                  "5",
                                                  "5.",
                                                  ".",
                                                  ",",
                                                  " ",
                                                  " ",
                                                  " ",
                                                  "\t",
                                                  "(",
                                                  ")",
                                                  "x",
                                                  "Z.",
                                                  "mid-year",
                                                  "rock'n'roll"};
    const auto s = store_of({
        named("us", {"US troops", "U.S. troop surge"}),
        named("a", {"a"}),
        named("surge", {"surge"}),
        named("oil", {"oil output", "Iraq oil"}),
        named("dont", {"don't surge"}),
        named("class", {"class gas"}),
        named("cafe", {"caf\xC3\xA9 2019"}),
        named("mid", {"mid year"}),
        named("eg", {"e.g. x"}),
        named("z", {"z"}),
        named("five", {"5"}),
        named("rock", {"rock n roll"}),
    });
    std::mt19937 rng(7);
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const int n = static_cast<int>(rng() % 12);
        for (int k = 0; k < n; ++k) {
            text += pieces[rng() % std::size(pieces)];
            if (rng() % 3 != 0) text += ' ';
        }
        INFO(text);
        REQUIRE(fast_hits(s, text) == slow_hits(s, text));
    }
}

TEST_CASE("store: many claims of one name told apart by place, as a search of the text finds them") {
    // The names of claims with `where` are looked up against the places of
    // the text after the scan, from whichever side is smaller: each named
    // claim's places, or each claim of a place found (many claims of one
    // name, few of each place).
    static constexpr std::string_view places[] = {"Iraq", "Syria", "Kuwait", "New York", "York", "oil"};
    static constexpr std::string_view words[] = {"troops", "oil output", "Iraq", "Syria", "Kuwait", "New",
                                                 "York",   "oil",        "the",  "troop", ",",      "output"};
    std::mt19937 rng(11);
    std::vector<reference_claim> claims;
    for (int i = 0; i < 400; ++i) {
        std::vector<std::string> wheres;
        const int n = static_cast<int>(rng() % 4);  // none, one, two, or one twice
        for (int k = 0; k < n && k < 2; ++k) wheres.emplace_back(places[rng() % std::size(places)]);
        if (n == 3) wheres.push_back(wheres.front());
        const std::string name = i % 7 == 0 ? "oil output" : (i % 11 == 0 ? "York" : "troops");
        claims.push_back(named(std::string("c").append(std::to_string(i)), {name}, wheres));
    }
    claims.push_back(named("nowhere", {"troops"}, {"--"}));  // a phrase with no words: never beside it
    const auto s = store_of(std::move(claims));
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int n = static_cast<int>(rng() % 10);
        for (int k = 0; k < n; ++k) text.append(words[rng() % std::size(words)]).append(" ");
        INFO(text);
        REQUIRE(fast_hits(s, text) == slow_hits(s, text));
    }
}

TEST_CASE("store: a mention of a name that many claims share costs what its places name") {
    // n claims "population", each with a town of its own, and a sentence
    // naming each town: each sentence is one hit, whatever n. Reporting
    // every claim of the name and dropping those of other towns afterwards
    // made n sentences cost n * n (a ratio of 16 here). The stores are built
    // first: only the scans are timed.
    std::map<std::size_t, claim_store> stores;
    for (const std::size_t n : {std::size_t{1000}, std::size_t{4000}}) {
        std::vector<reference_claim> claims;
        for (std::size_t i = 0; i < n; ++i)
            claims.push_back(named(std::string("c").append(std::to_string(i)), {"population"},
                                   {std::string("Town").append(std::to_string(i))}));
        stores.emplace(n, store_of(std::move(claims)));
    }
    const auto run = [&](std::size_t n) {
        const claim_store& s = stores.at(n);
        std::size_t hits = 0;
        for (std::size_t i = 0; i < n; ++i)
            hits += s.scan(std::string("The population of Town").append(std::to_string(i)).append(" grew."))
                        .size();
        CHECK(hits == n);
    };
    const double ratio = testing::growth_ratio(run, 1000, 4000);
    CHECK(ratio < 10.0);  // about 4 if linear, 16 if quadratic
}

TEST_CASE("store: the scan finds what a search of the normalized text finds, over the corpus") {
    std::vector<reference_claim> claims;
    for (const char* name : {"sales", "jobs", "oil output", "U.S. troops", "the company", "last year",
                             "prime minister", "per cent", "the government's", "interest rates"})
        claims.push_back(named(std::string("c").append(name), {name}));
    const auto s = store_of(std::move(claims));
    std::ifstream in(std::string(FACTLINT_SHARED_DIR) + "/corpus/news.txt", std::ios::binary);
    REQUIRE(in);
    std::string line;
    std::size_t hits = 0;
    for (int n = 0; n < 20000 && std::getline(in, line); ++n) {
        INFO(line);
        const auto fast = fast_hits(s, line);
        REQUIRE(fast == slow_hits(s, line));
        hits += fast.size();
    }
    CHECK(hits > 100);
}

// A compiled index read back must have every chain of links end at the
// root (a cycle would hang a scan); the check is linear whatever the links.
TEST_CASE("store: links read back must reach the root, checked in linear time") {
    using store_detail::links_reach_root;
    CHECK(links_reach_root(std::vector<std::uint32_t>{0}));
    CHECK(links_reach_root(std::vector<std::uint32_t>{0, 0, 1, 2, 1}));  // all to earlier nodes
    CHECK(links_reach_root(std::vector<std::uint32_t>{0, 3, 0, 2}));     // forward, then back
    CHECK_FALSE(links_reach_root(std::vector<std::uint32_t>{0, 1}));     // a node linked to itself
    CHECK_FALSE(links_reach_root(std::vector<std::uint32_t>{0, 2, 3, 1}));
    CHECK_FALSE(links_reach_root(std::vector<std::uint32_t>{0, 0, 7}));  // out of range

    // One long forward chain (node k to k + 1, the last to the root) walked
    // again from every node would take n * n / 2 steps; and the same chain
    // closed into a cycle. Both are settled past the step budget, by marks.
    constexpr std::uint32_t n = 200'000;
    std::vector<std::uint32_t> chain(n);
    for (std::uint32_t k = 1; k + 1 < n; ++k) chain[k] = k + 1;
    chain[n - 1] = 0;
    CHECK(links_reach_root(chain));
    chain[n - 1] = 1;
    CHECK_FALSE(links_reach_root(chain));
}
