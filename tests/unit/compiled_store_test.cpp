// The compiled claim store (claims/compiled_store.hpp) and the cache that
// keeps it (checker/claims_cache.hpp): a store read back is the store
// written, field for field and scan for scan; bytes that are not such a
// store (cut, damaged, for other files) are refused without a crash; the
// cache hits only when every byte of the claims is the same.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "checker/claims_cache.hpp"
#include "checker/claims_loader.hpp"
#include "claims/compiled_store.hpp"
#include "claims/file_bytes.hpp"

namespace {

using namespace factlint;
namespace fs = std::filesystem;

std::string time_text(const std::optional<time_span>& t) {
    return t ? fmt::format("{}..{}/{}", t->from, t->to, static_cast<int>(t->grain)) : "-";
}
std::string position_text(const claim_position& p) {
    return fmt::format("{}:{}:{}", p.file, p.line, p.column);
}

// Every field of every claim, every id look-up, and the hits of a scan of
// each claim's own names and places: two stores with the same dump answer
// every question a check asks alike.
std::string dump(const claim_store& store) {
    std::string out;
    for (std::size_t i = 0; i < store.claims().size(); ++i) {
        const reference_claim& c = store.claims()[i];
        out += fmt::format("claim {} at {} date {} period {} tolerance {} source [{}]\n", c.id,
                           position_text(c.where), time_text(c.date), time_text(c.period), c.tolerance,
                           c.source);
        for (auto n : c.names) out += fmt::format("  name [{}]\n", n);
        for (auto w : c.wheres) out += fmt::format("  where [{}]\n", w);
        for (const reference_value& v : c.values)
            out += fmt::format(
                "  value [{}] {} [{},{}] {}{} hedge {} unit {} noun [{}] scope {} when {} at {}\n", v.text,
                v.value, v.range.low, v.range.high, v.range.low_open, v.range.high_open,
                static_cast<int>(v.hedge), v.unit, v.noun, static_cast<int>(v.scope), time_text(v.when),
                position_text(v.where));
        const reference_claim* found = store.find(c.id);
        out += fmt::format("  find -> {}\n", found == nullptr ? -1 : found - store.claims().data());
        std::string text;
        for (auto n : c.names) text += std::string(n) + " and ";
        for (auto w : c.wheres) text += std::string(w) + ", ";
        for (const name_hit& h : store.scan(text))
            out += fmt::format("  hit {} {}-{}\n", h.claim, h.begin, h.end);
    }
    return out;
}

// A claims file of many shapes: escapes, places, units, dates, periods,
// scopes, tolerances, ids that share prefixes, names that share words.
std::string varied_claims(int count) {
    static const char* units[] = {"troops", "$", "percent", "square miles", "km", "tonnes", "people"};
    std::string out;
    for (int i = 0; i < count; ++i) {
        out += fmt::format("claim item-{}\n  name \"harbor {} count\", \"the \\\"{}\\\" tally\"\n", i, i % 97,
                           i);
        if (i % 3 == 0) out += fmt::format("  where \"Port {}\", \"Bay {}\"\n", i % 11, i % 5);
        const char* unit = units[i % 7];
        const std::string figure = unit[0] == '$'
                                       ? fmt::format("${}.{} million", i % 900 + 1, i % 10)
                                       : fmt::format("about {},{:03} {}", i % 90 + 1, i % 1000, unit);
        out += fmt::format("  value {} in {}\n", figure, 1990 + i % 30);
        if (i % 2 == 0) out += fmt::format("  value {} as of {}-{:02}\n", figure, 2021 + i % 3, i % 12 + 1);
        if (i % 5 == 0) out += fmt::format("  tolerance {}%\n", i % 7 + 1);
        if (i % 7 == 0) out += fmt::format("  date {}-{:02}-{:02}\n", 2000 + i % 20, i % 12 + 1, i % 28 + 1);
        if (i % 13 == 0) out += fmt::format("  period {} to {}\n", 1990 + i % 10, 2005 + i % 10);
        out += fmt::format("  source \"Source {}\"\n\n", i % 17);
    }
    return out;
}

struct temp_dir {
    fs::path path;
    explicit temp_dir(const std::string& name)
        : path(fs::temp_directory_path() / fmt::format("{}-{}", name, ::getpid())) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~temp_dir() { fs::remove_all(path); }
    [[nodiscard]] std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
        return (path / name).string();
    }
};

load_result load(const std::vector<std::string>& files, const claims_cache_options& cache = {}) {
    load_result r = load_claims(files, cache);
    REQUIRE(r.errors.empty());
    return r;
}

// The files as read, for a store read back to take.
std::vector<claims_text> texts_of(const std::vector<std::string>& paths) {
    std::vector<claims_text> texts;
    for (const std::string& p : paths) {
        claims_text t{p, {}};
        std::string error;
        REQUIRE(read_file_bytes(p, t.content, error));
        texts.push_back(std::move(t));
    }
    return texts;
}

// Reads `bytes` back from a copy that the store keeps alive (as the cache
// keeps the entry it read), the original bytes then overwritten: the store
// must view its copy only.
std::optional<claim_store> read_back(std::string& bytes, const std::vector<std::string>& paths) {
    auto copy = std::make_shared<const std::string>(bytes);
    std::fill(bytes.begin(), bytes.end(), '\xee');
    std::vector<claims_text> texts = texts_of(paths);
    return read_compiled_store(*copy, copy, texts);
}

// `store` compiled, then read back from its bytes as read_back does.
std::optional<claim_store> round_trip(const claim_store& store, const std::vector<std::string>& paths) {
    const std::optional<compiled::byte_buffer> compiled = compile_store(store);
    REQUIRE(compiled);
    std::string bytes(compiled->view());
    return read_back(bytes, paths);
}

std::vector<std::string> repository_claims() {
    const fs::path root = FACTLINT_SOURCE_DIR;
    return {(root / "examples/us-iraq/us-iraq.claims").string(),
            (root / "tests/rules/FL101/claims.claims").string(),
            (root / "tests/rules/FL104/claims.claims").string(),
            (root / "tests/cli/fixtures/facts/norhaven.claims").string()};
}

}  // namespace

TEST_CASE("a compiled store reads back as the store written: every claim, look-up and scan") {
    const temp_dir dir("factlint-compiled");
    std::vector<std::vector<std::string>> sets;
    for (const auto& f : repository_claims()) sets.push_back({f});
    sets.push_back(repository_claims());  // several files in one store
    sets.push_back({dir.write("varied.claims", varied_claims(3000))});
    sets.push_back({dir.write("empty.claims", "")});  // no claims: empty arrays
    for (const auto& paths : sets) {
        CAPTURE(paths.front());
        const load_result loaded = load(paths);
        const std::optional<claim_store> back = round_trip(loaded.store, paths);
        REQUIRE(back);
        CHECK(dump(*back) == dump(loaded.store));
    }
}

// The series indexes are not in the bytes: a store read back makes them
// for the claims of more than series_values values that its reader counted
// as it made the claims (claim_store::add_counted), and the links it can
// make, as a parsed store does.
TEST_CASE("a compiled store read back indexes the same long series and links as the store written") {
    const temp_dir dir("factlint-compiled-series");
    std::string text = "claim short\n  name \"short series\"\n  value 5 troops as of 2020-01\n\n";
    for (int claim = 0; claim < 3; ++claim) {
        text += fmt::format("claim long-{}\n  name \"long series {}\"\n", claim, claim);
        for (int month = 0; month < 18 + claim; ++month)
            text += fmt::format("  value {} troops as of {}-{:02}\n", 100 + month, 2000 + month / 12,
                                month % 12 + 1);
        text += "\n";
    }
    text += "claim dated\n  name \"an opening\"\n  date 2021-05-04\n";
    const std::vector<std::string> paths{dir.write("series.claims", text)};
    const load_result loaded = load(paths);
    const std::optional<claim_store> back = round_trip(loaded.store, paths);
    REQUIRE(back);
    REQUIRE(back->claims().size() == 5);
    CHECK(back->links().figures == loaded.store.links().figures);
    CHECK(back->links().dates == loaded.store.links().dates);
    CHECK(back->links().dates);
    for (std::size_t i = 0; i < back->claims().size(); ++i) {
        const reference_claim& c = back->claims()[i];
        CAPTURE(c.id);
        const bool long_series = c.values.size() > claim_store::series_values;
        CHECK((back->series_of(c) != nullptr) == long_series);
        CHECK((loaded.store.series_of(loaded.store.claims()[i]) != nullptr) == long_series);
        for (int month = 0; month < 24; ++month) {
            const time_span when = time_span::month(2000 + month / 12, static_cast<unsigned>(month % 12 + 1));
            const reference_value* a = value_in_force(c, when, back->series_of(c));
            const reference_value* b = value_in_force(loaded.store.claims()[i], when,
                                                      loaded.store.series_of(loaded.store.claims()[i]));
            CHECK((a == nullptr) == (b == nullptr));
            if (a != nullptr && b != nullptr) CHECK(a->text == b->text);
        }
    }
}

// The index's tables are used where the bytes hold them when those are
// aligned for them (the cache's mapped file), copied when not: both ways
// read back the same store.
TEST_CASE("a compiled store reads back alike from bytes at any alignment") {
    const temp_dir dir("factlint-compiled-aligned");
    const std::vector<std::string> paths = {dir.write("varied.claims", varied_claims(500))};
    const load_result loaded = load(paths);
    const std::string expected = dump(loaded.store);
    const std::string bytes(compile_store(loaded.store)->view());
    for (std::size_t shift = 0; shift < 8; ++shift) {
        CAPTURE(shift);
        auto held = std::make_shared<std::string>(std::string(shift, '\0') + bytes);
        const std::string_view at = std::string_view(*held).substr(shift);
        std::vector<claims_text> texts = texts_of(paths);
        const std::optional<claim_store> back = read_compiled_store(at, held, texts);
        REQUIRE(back);
        CHECK(dump(*back) == expected);
    }
}

TEST_CASE("bytes cut short, or compiled from another number of files, are refused") {
    const temp_dir dir("factlint-compiled-cut");
    const std::vector<std::string> paths = {dir.write("a.claims", varied_claims(200))};
    const load_result loaded = load(paths);
    const std::string bytes(compile_store(loaded.store)->view());
    for (std::size_t cut = 0; cut < bytes.size(); cut += 1 + cut / 8) {
        std::string part = bytes.substr(0, cut);
        CHECK_FALSE(read_back(part, paths));
    }
    // An arena larger than the bytes (its size is the last eight): refused
    // before anything else is read (a fuzzed entry once read past its end).
    for (const std::uint64_t arena :
         {std::uint64_t{bytes.size()}, std::uint64_t{bytes.size()} - 7, ~std::uint64_t{0}}) {
        std::string big = bytes;
        std::memcpy(big.data() + big.size() - sizeof arena, &arena, sizeof arena);
        CHECK_FALSE(read_back(big, paths));
    }
    std::string copy = bytes;
    CHECK_FALSE(read_back(copy, {paths[0], paths[0]}));
    CHECK(read_back(copy = bytes, paths));
}

TEST_CASE("damaged bytes never crash: a store read from them is refused or safe to use") {
    const temp_dir dir("factlint-compiled-damage");
    const std::vector<std::string> paths = {dir.write("a.claims", varied_claims(60))};
    const load_result loaded = load(paths);
    const std::string bytes(compile_store(loaded.store)->view());
    std::mt19937 random(6);
    int still_stores = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        std::string damaged = bytes;
        const int flips = 1 + trial % 4;
        for (int k = 0; k < flips; ++k)
            damaged[random() % damaged.size()] = static_cast<char>(random() & 0xff);
        const std::optional<claim_store> store = read_back(damaged, paths);
        if (!store) continue;
        ++still_stores;
        (void)dump(*store);  // under the sanitizers: no read out of bounds, no endless walk
    }
    MESSAGE(still_stores << " of 3000 damaged copies still read as a store");
}

TEST_CASE("the cache: stored, then hit; any change to a file or its path misses") {
    const temp_dir dir("factlint-claims-cache");
    claims_cache_options cache{(dir.path / "cache").string(), 0, 4};
    const std::string a = dir.write("a.claims", varied_claims(300));
    const std::string expected = dump(load({a}).store);

    load_result first = load({a}, cache);
    CHECK(first.cache == cache_use::stored);
    load_result second = load({a}, cache);
    CHECK(second.cache == cache_use::hit);
    CHECK(dump(second.store) == expected);
    CHECK(second.files == 1);

    // One byte changed: another key.
    std::string text = varied_claims(300);
    text[text.find("Source 3")] = 'Z';
    CHECK(dir.write("a.claims", text) == a);
    load_result changed = load({a}, cache);
    CHECK(changed.cache == cache_use::stored);
    CHECK(dump(changed.store) != expected);
    // The same text under another path: another key (positions name the file).
    const std::string b = dir.write("b.claims", text);
    CHECK(load({b}, cache).cache == cache_use::stored);
    CHECK(load({b}, cache).cache == cache_use::hit);
}

TEST_CASE("the cache: a damaged entry is a miss, a cache that cannot be written is none") {
    const temp_dir dir("factlint-claims-cache-bad");
    claims_cache_options cache{(dir.path / "cache").string(), 0, 4};
    const std::string a = dir.write("a.claims", varied_claims(100));
    const std::string expected = dump(load({a}).store);
    REQUIRE(load({a}, cache).cache == cache_use::stored);
    for (const auto& entry : fs::directory_iterator(cache.dir)) {
        std::fstream f(entry.path(), std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(fs::file_size(entry.path()) / 2));
        f.put('\x7f');
    }
    load_result damaged = load({a}, cache);
    CHECK(damaged.cache == cache_use::stored);  // parsed again, and written anew
    CHECK(dump(damaged.store) == expected);
    CHECK(load({a}, cache).cache == cache_use::hit);

    // A file where the directory should be: nothing can be written, and the load goes on.
    const claims_cache_options blocked{dir.write("not-a-dir", "x"), 0, 4};
    load_result r = load({a}, blocked);
    CHECK(r.cache == cache_use::missed);
    CHECK(dump(r.store) == expected);
}

// A hit reads its entry through the file (compiled::byte_source): the
// value and claim records pass through a buffer of 256 KB, a piece at a
// time, records cut at the pieces' edges, and the checksum is checked only
// once all is read. An entry of some megabytes takes that path many times;
// a damaged byte anywhere, which the records' own checks may accept (a
// figure, a line number), must still make a miss.
TEST_CASE("the cache: a large entry is read back through its file alike, and any damaged byte misses") {
    const temp_dir dir("factlint-claims-cache-large");
    claims_cache_options cache{(dir.path / "cache").string(), 0, 4};
    const std::string a = dir.write("a.claims", varied_claims(20000));
    const std::string expected = dump(load({a}).store);
    REQUIRE(load({a}, cache).cache == cache_use::stored);
    load_result hit = load({a}, cache);
    REQUIRE(hit.cache == cache_use::hit);
    CHECK(dump(hit.store) == expected);

    fs::path entry;
    for (const auto& e : fs::directory_iterator(cache.dir)) entry = e.path();
    std::string good, error;
    REQUIRE(read_file_bytes(entry.string(), good, error));
    const std::size_t size = good.size();
    REQUIRE(size > (std::size_t{4} << 20));  // records of many pieces
    auto put_back = [&](const std::string& bytes) {
        CHECK(dir.write((fs::path("cache") / entry.filename()).string(), bytes) == entry.string());
    };
    // One byte changed at 61 places over the whole entry, header and arena
    // included; then the entry cut short, and one byte longer.
    for (int k = 0; k <= 60; ++k) {
        std::string bad = good;
        const std::size_t at = std::min(size - 1, size * static_cast<std::size_t>(k) / 60);
        bad[at] = static_cast<char>(bad[at] ^ 0x10);
        put_back(bad);
        CAPTURE(at);
        load_result r = load({a}, cache);
        CHECK(r.cache == cache_use::stored);  // a miss: parsed, and written anew
        CHECK(r.store.claims().size() == 20000);
    }
    put_back(good.substr(0, size - 1));
    CHECK(load({a}, cache).cache == cache_use::stored);
    put_back(good + '\0');
    CHECK(load({a}, cache).cache == cache_use::stored);
    put_back(good);
    load_result again = load({a}, cache);
    CHECK(again.cache == cache_use::hit);
    CHECK(dump(again.store) == expected);
}

// The bytes hold the files' sizes, not their texts: a text of another
// size is refused. A refused read gives the texts back as they were, for
// the parse that follows a miss; a store read back holds them.
TEST_CASE("a compiled store takes its files' texts, and gives them back when refused") {
    const temp_dir dir("factlint-compiled-texts");
    std::string other = varied_claims(7);  // ids of its own: "other-0" for "item-0"
    for (std::size_t at = 0; (at = other.find("item-", at)) != std::string::npos;)
        other.replace(at, 5, "other-");
    const std::vector<std::string> paths = {dir.write("a.claims", varied_claims(50)),
                                            dir.write("b.claims", other)};
    const load_result loaded = load(paths);
    const std::string bytes(compile_store(loaded.store)->view());
    const std::vector<claims_text> as_read = texts_of(paths);
    auto held = std::make_shared<const std::string>(bytes);

    std::vector<claims_text> longer = as_read;
    longer[1].content += "\n";
    CHECK_FALSE(read_compiled_store(*held, held, longer));
    CHECK(longer[1].content == as_read[1].content + "\n");
    CHECK(longer[0].content == as_read[0].content);

    // The last byte read is the index's flag, before the arena and its
    // size: a flag of 7 is refused when everything else has been read.
    std::uint64_t arena_size = 0;
    std::memcpy(&arena_size, bytes.data() + bytes.size() - sizeof arena_size, sizeof arena_size);
    auto damaged = std::make_shared<std::string>(bytes);
    (*damaged)[bytes.size() - sizeof arena_size - arena_size - 1] = 7;
    std::vector<claims_text> texts = as_read;
    CHECK_FALSE(read_compiled_store(*damaged, damaged, texts));
    for (std::size_t k = 0; k < texts.size(); ++k) CHECK(texts[k].content == as_read[k].content);

    texts = as_read;
    const std::optional<claim_store> back = read_compiled_store(*held, held, texts);
    REQUIRE(back);
    CHECK(dump(*back) == dump(loaded.store));
    CHECK(texts[0].content.empty());
}

// A key covers every byte of every file and its path, and only files
// large enough (in total) and all read have one.
TEST_CASE("the key of claims files covers their texts and paths, at any size") {
    std::mt19937 random(7);
    const std::size_t sizes[] = {0, 1, 7, 8, 63, 64, 4095, 4096, 4097, 240, 241, 3 << 20};
    for (const std::size_t size : sizes) {
        CAPTURE(size);
        std::string text(size, ' ');
        for (char& c : text) c = static_cast<char>('a' + random() % 26);
        const std::optional<std::string> key =
            claims_cache_key({claims_text{"a", text}, claims_text{"b", text + "\n"}}, 0);
        REQUIRE(key);
        CHECK(key == claims_cache_key({claims_text{"a", text}, claims_text{"b", text + "\n"}}, 0));
        CHECK(key != claims_cache_key({claims_text{"a", text + " "}, claims_text{"b", text + "\n"}}, 0));
        CHECK(key != claims_cache_key({claims_text{"a", text + "\n"}, claims_text{"b", text}}, 0));
        CHECK(key != claims_cache_key({claims_text{"c", text}, claims_text{"b", text + "\n"}}, 0));
        CHECK_FALSE(claims_cache_key({claims_text{"a", text}, std::nullopt}, 0));
        CHECK_FALSE(claims_cache_key({claims_text{"a", text}, claims_text{"b", text + "\n"}}, 2 * size + 2));
        CHECK(claims_cache_key({claims_text{"a", text}, claims_text{"b", text + "\n"}}, 2 * size + 1));
    }
    CHECK_FALSE(claims_cache_key({}, 0));
}

// The loader takes the key as the files are read, in the reader's pieces.
TEST_CASE("the key taken piece by piece is the key of the whole texts, however they are cut") {
    std::mt19937 random(5);
    std::string a(700'001, ' '), b(1'000, ' ');
    for (char& c : a) c = static_cast<char>('a' + random() % 26);
    for (char& c : b) c = static_cast<char>('a' + random() % 26);
    const std::optional<std::string> whole = claims_cache_key({claims_text{"a", a}, claims_text{"b", b}}, 0);
    REQUIRE(whole);
    const auto in_pieces = [&](std::size_t min_bytes, bool fail_second) {
        claims_key_builder key;
        for (const auto& [path, text] : {std::pair{"a", &a}, std::pair{"b", &b}}) {
            key.begin_file(path);
            if (fail_second && std::string_view(path) == "b") {
                key.failed();
                continue;
            }
            for (std::size_t at = 0; at < text->size();) {
                const std::size_t n = std::min<std::size_t>(1 + random() % 300'000, text->size() - at);
                key.add(std::string_view(*text).substr(at, n));
                at += n;
            }
            key.end_file();
        }
        return key.key(min_bytes);
    };
    for (int cut = 0; cut < 5; ++cut) CHECK(in_pieces(0, false) == whole);
    CHECK(in_pieces(a.size() + b.size(), false) == whole);
    CHECK_FALSE(in_pieces(a.size() + b.size() + 1, false));
    CHECK_FALSE(in_pieces(0, true));
    CHECK_FALSE(claims_key_builder{}.key(0));  // no file
}

TEST_CASE("the cache keeps the most recently used entries only") {
    const temp_dir dir("factlint-claims-cache-prune");
    claims_cache_options cache{(dir.path / "cache").string(), 0, 2, 2};
    for (int i = 0; i < 5; ++i) {
        const std::string f = dir.write(fmt::format("c{}.claims", i), varied_claims(20 + i));
        REQUIRE(load({f}, cache).cache == cache_use::stored);
    }
    std::size_t entries = 0;
    for (const auto& e : fs::directory_iterator(cache.dir)) entries += e.path().extension() == ".bin" ? 1 : 0;
    CHECK(entries == 2);
}

std::vector<std::uintmax_t> entry_sizes(const std::string& cache_dir) {
    std::vector<std::uintmax_t> sizes;
    for (const auto& e : fs::directory_iterator(cache_dir))
        if (e.path().extension() == ".bin") sizes.push_back(e.file_size());
    return sizes;
}

TEST_CASE("the cache counts large and small entries apart: small claims sets never push out a large one") {
    const temp_dir dir("factlint-claims-cache-sizes");
    constexpr std::size_t large = std::size_t{64} << 10;
    const claims_cache_options cache{(dir.path / "cache").string(), 0, 1, 2, large};
    const std::string big = dir.write("big.claims", varied_claims(800));
    REQUIRE(load({big}, cache).cache == cache_use::stored);
    REQUIRE(entry_sizes(cache.dir).size() == 1);
    REQUIRE(entry_sizes(cache.dir).front() >= large);
    std::vector<std::string> smalls;
    for (int i = 0; i < 4; ++i) {
        smalls.push_back(dir.write(fmt::format("small{}.claims", i), varied_claims(5 + i)));
        REQUIRE(load({smalls.back()}, cache).cache == cache_use::stored);
    }
    const std::vector<std::uintmax_t> sizes = entry_sizes(cache.dir);
    CHECK(sizes.size() == 3);  // the large one and the two latest small ones
    CHECK(std::count_if(sizes.begin(), sizes.end(), [](auto b) { return b < large; }) == 2);
    CHECK(load({big}, cache).cache == cache_use::hit);
    CHECK(load({smalls[3]}, cache).cache == cache_use::hit);
    CHECK(load({smalls[2]}, cache).cache == cache_use::hit);
    CHECK(load({smalls[0]}, cache).cache == cache_use::stored);  // had been removed
    // A second large set takes the place of the first (keep 1).
    const std::string big2 = dir.write("big2.claims", varied_claims(801));
    REQUIRE(load({big2}, cache).cache == cache_use::stored);
    CHECK(load({big2}, cache).cache == cache_use::hit);
    CHECK(load({big}, cache).cache == cache_use::stored);
}

TEST_CASE("the cache is skipped for claims below its size, and when it is off") {
    const temp_dir dir("factlint-claims-cache-small");
    const std::string a = dir.write("a.claims", varied_claims(10));
    CHECK(load({a}, {(dir.path / "cache").string(), 1 << 20, 4}).cache == cache_use::off);
    CHECK_FALSE(fs::exists(dir.path / "cache"));
    CHECK(load({a}, {}).cache == cache_use::off);
    // By default, from 32 KiB of claims (about 200 claims of a news desk's file).
    claims_cache_options by_default;
    by_default.dir = (dir.path / "default").string();
    CHECK(load({a}, by_default).cache == cache_use::off);
    const std::string b = dir.write("b.claims", varied_claims(400));
    REQUIRE(fs::file_size(b) >= by_default.min_bytes);
    CHECK(load({b}, by_default).cache == cache_use::stored);
    CHECK(load({b}, by_default).cache == cache_use::hit);
}
