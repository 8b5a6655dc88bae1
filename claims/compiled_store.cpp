// The store as bytes: the files' sizes, per file its phrases and values,
// then the claims (their spans as places in their file's arrays), then the
// index. Values and claims are fixed-size records, each read where it lies.
#include "claims/compiled_store.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <span>
#include <tuple>
#include <utility>

#include "claims/compiled_io.hpp"
#include "claims/huge_pages.hpp"
#include "claims/interned.hpp"

namespace factlint {

// The store's private parts, for this file only.
struct compiled_store_access {
    static const std::vector<std::unique_ptr<claims_storage>>& storages(const claim_store& s) {
        return s.storages_;
    }
    static void save_index(const claim_store& s, compiled::output& out) { s.save_index(out); }
    static std::string_view key_text(const claim_store& s) { return s.index_key_text(); }
    static bool load_index(claim_store& s, compiled::input& in, std::uint32_t key_text_base,
                           const std::vector<std::uint32_t>& long_series) {
        return s.load_index(in, key_text_base, long_series);
    }
    static void add_counted(claim_store& s, std::vector<reference_claim> claims,
                            claim_store::link_kinds links) {
        s.add_counted(std::move(claims), links);
    }
};

namespace {

using compiled::input;
using compiled::output;

constexpr std::uint32_t format_mark = 0x464c4353;  // "FLCS": the start of a store's bytes

// Views of a file's content and path are written as places in them (bases
// 2k and 2k + 1 for file k, bases_of below); the index's key text comes
// after the files' texts.
std::uint32_t key_text_base(std::size_t files) { return static_cast<std::uint32_t>(2 * files); }

// A value as written: fixed size, no padding, read with one copy and
// checked field by field (200,000 values for 100,000 claims).
struct value_record {
    std::uint64_t value = 0, low = 0, high = 0;  // doubles, bit for bit (std::bit_cast)
    compiled::view_code text, unit, noun, file;
    std::int32_t when_from = 0, when_to = 0, line = 0, column = 0;
    std::uint8_t low_open = 0, high_open = 0, hedge = 0, scope = 0, has_when = 0, when_grain = 0;
    std::uint8_t unused[2] = {};
};

// A claim as written: its spans as places in its file's arrays.
struct compiled_claim {
    std::uint64_t tolerance = 0;  // a double, bit for bit
    compiled::view_code id, source, file;
    std::uint32_t file_number = 0, names_begin = 0, names_count = 0, wheres_begin = 0, wheres_count = 0,
                  values_begin = 0, values_count = 0;
    std::int32_t date_from = 0, date_to = 0, period_from = 0, period_to = 0, line = 0, column = 0;
    std::uint8_t has_date = 0, has_period = 0, date_grain = 0, period_grain = 0;
    std::uint8_t unused[4] = {};
};

static_assert(compiled::plain_bytes<value_record> && sizeof(value_record) == 96);
static_assert(compiled::plain_bytes<compiled_claim> && sizeof(compiled_claim) == 104);

template <typename Enum>
bool enum_of(std::uint8_t v, Enum last, Enum& e) {
    if (v > static_cast<std::uint8_t>(last)) return false;
    e = static_cast<Enum>(v);
    return true;
}

void put_time(const std::optional<time_span>& t, std::uint8_t& has, std::int32_t& from, std::int32_t& to,
              std::uint8_t& grain) {
    has = t.has_value() ? 1 : 0;
    if (!t) return;
    from = t->from, to = t->to;
    grain = static_cast<std::uint8_t>(t->grain);
}
bool get_time(std::uint8_t has, std::int32_t from, std::int32_t to, std::uint8_t grain,
              std::optional<time_span>& t) {
    if (has > 1) return false;
    if (has == 0) {
        t.reset();
        return true;
    }
    time_span s{from, to, granularity::day};
    if (!enum_of(grain, granularity::century, s.grain)) return false;
    t = s;
    return true;
}

value_record record_of(output& out, const reference_value& v) {
    value_record r;
    r.value = std::bit_cast<std::uint64_t>(v.value);
    r.low = std::bit_cast<std::uint64_t>(v.range.low), r.high = std::bit_cast<std::uint64_t>(v.range.high);
    r.text = out.code_of(v.text), r.unit = out.code_of(v.unit), r.noun = out.code_of(v.noun);
    r.file = out.code_of(v.where.file);
    r.line = v.where.line, r.column = v.where.column;
    r.low_open = v.range.low_open ? 1 : 0, r.high_open = v.range.high_open ? 1 : 0;
    r.hedge = static_cast<std::uint8_t>(v.hedge), r.scope = static_cast<std::uint8_t>(v.scope);
    put_time(v.when, r.has_when, r.when_from, r.when_to, r.when_grain);
    return r;
}

// Units are interned (claims/interned.hpp); the values of a file use a
// handful of them, so the last few are remembered by their place.
class unit_memo {
public:
    std::string_view unit(std::string_view in_arena) {
        if (last_.first == in_arena.data() && last_.second.size() == in_arena.size()) return last_.second;
        for (const auto& seen : recent_)
            if (seen.first == in_arena.data() && seen.second.size() == in_arena.size())
                return (last_ = seen).second;
        const std::string_view kept = interned(in_arena);
        last_ = recent_[next_++ % recent_.size()] = {in_arena.data(), kept};
        return kept;
    }

private:
    std::array<std::pair<const char*, std::string_view>, 8> recent_{};
    std::pair<const char*, std::string_view> last_{};  // the unit of the value before: most often this one's
    std::size_t next_ = 0;
};

bool value_of(input& in, const value_record& r, reference_value& v, unit_memo& units) {
    std::string_view unit;
    if (r.low_open > 1 || r.high_open > 1 || !enum_of(r.hedge, hedge_kind::exact, v.hedge) ||
        !enum_of(r.scope, value_scope::until, v.scope) ||
        !get_time(r.has_when, r.when_from, r.when_to, r.when_grain, v.when))
        return in.fail();
    if (!in.view_of(r.text, v.text) || !in.view_of(r.unit, unit) || !in.view_of(r.noun, v.noun) ||
        !in.view_of(r.file, v.where.file))
        return false;
    v.value = std::bit_cast<double>(r.value);
    v.range = {std::bit_cast<double>(r.low), std::bit_cast<double>(r.high), r.low_open == 1,
               r.high_open == 1};
    v.unit = units.unit(unit);
    v.where.line = r.line, v.where.column = r.column;
    return true;
}

// The place of a span in one of a file's arrays, or nullopt when it is not in it.
template <typename T>
std::optional<std::pair<std::uint32_t, std::uint32_t>> place_of(std::span<const T> s,
                                                                const std::vector<T>& array) {
    if (s.empty()) return std::pair<std::uint32_t, std::uint32_t>{0, 0};
    const T* first = array.data();
    if (s.data() < first || s.data() + s.size() > first + array.size()) return std::nullopt;
    return std::pair{static_cast<std::uint32_t>(s.data() - first), static_cast<std::uint32_t>(s.size())};
}

template <typename T>
bool span_of(std::uint32_t begin, std::uint32_t count, const std::vector<T>& array, std::span<const T>& s) {
    if (begin > array.size() || count > array.size() - begin) return false;
    s = count == 0 ? std::span<const T>() : std::span<const T>(array.data() + begin, count);
    return true;
}

// Where a storage's arrays go in the bytes: the file they are written
// with, and how many phrases and values of that file come before them. A
// file parsed in pieces is one storage for its content and one more for
// each piece (claims_storage::continues_previous), written as one file:
// its pieces' arrays one after the other, as the file parsed whole has them.
struct storage_place {
    std::uint32_t file = 0;
    std::uint32_t phrases_before = 0, values_before = 0;
};

std::vector<storage_place> places_of(const std::vector<std::unique_ptr<claims_storage>>& storages) {
    std::vector<storage_place> places;
    std::uint32_t file = 0, phrases = 0, values = 0;
    for (std::size_t k = 0; k < storages.size(); ++k) {
        if (k > 0 && !storages[k]->continues_previous) ++file, phrases = 0, values = 0;
        places.push_back({file, phrases, values});
        phrases += static_cast<std::uint32_t>(storages[k]->phrases.size());
        values += static_cast<std::uint32_t>(storages[k]->values.size());
    }
    return places;
}

// A span's place in its file's array: `before` plus its place in its
// storage's, an empty span's at 0 as ever.
std::pair<std::uint32_t, std::uint32_t> in_file(std::pair<std::uint32_t, std::uint32_t> place,
                                                std::uint32_t before) {
    return {place.second == 0 ? 0 : before + place.first, place.second};
}

// The claim's record; nullopt when its spans are in no storage's arrays.
// `storage`: where the last claim's were (claims come file after file).
std::optional<compiled_claim> record_of(output& out, const reference_claim& c,
                                      const std::vector<std::unique_ptr<claims_storage>>& storages,
                                      const std::vector<storage_place>& places, std::size_t& storage) {
    for (std::size_t tries = 0; tries < storages.size(); ++tries, storage = (storage + 1) % storages.size()) {
        const claims_storage& f = *storages[storage];
        const auto names = place_of(c.names, f.phrases);
        const auto wheres = place_of(c.wheres, f.phrases);
        const auto values = place_of(c.values, f.values);
        if (!names || !wheres || !values) continue;
        const storage_place& at = places[storage];
        compiled_claim r;
        r.file_number = at.file;
        std::tie(r.names_begin, r.names_count) = in_file(*names, at.phrases_before);
        std::tie(r.wheres_begin, r.wheres_count) = in_file(*wheres, at.phrases_before);
        std::tie(r.values_begin, r.values_count) = in_file(*values, at.values_before);
        r.tolerance = std::bit_cast<std::uint64_t>(c.tolerance);
        r.id = out.code_of(c.id), r.source = out.code_of(c.source), r.file = out.code_of(c.where.file);
        r.line = c.where.line, r.column = c.where.column;
        put_time(c.date, r.has_date, r.date_from, r.date_to, r.date_grain);
        put_time(c.period, r.has_period, r.period_from, r.period_to, r.period_grain);
        return r;
    }
    return std::nullopt;
}

bool claim_of(input& in, const compiled_claim& r, const std::vector<std::unique_ptr<claims_storage>>& files,
              reference_claim& c) {
    if (r.file_number >= files.size()) return in.fail();
    const claims_storage& f = *files[r.file_number];
    if (!span_of(r.names_begin, r.names_count, f.phrases, c.names) ||
        !span_of(r.wheres_begin, r.wheres_count, f.phrases, c.wheres) ||
        !span_of(r.values_begin, r.values_count, f.values, c.values) ||
        !get_time(r.has_date, r.date_from, r.date_to, r.date_grain, c.date) ||
        !get_time(r.has_period, r.period_from, r.period_to, r.period_grain, c.period))
        return in.fail();
    c.tolerance = std::bit_cast<double>(r.tolerance);
    c.where.line = r.line, c.where.column = r.column;
    return in.view_of(r.id, c.id) && in.view_of(r.source, c.source) && in.view_of(r.file, c.where.file);
}

// The content and path of each file (a piece views its file's).
std::vector<std::string_view> bases_of(const std::vector<std::unique_ptr<claims_storage>>& files) {
    std::vector<std::string_view> bases;
    for (const auto& f : files)
        if (!f->continues_previous) bases.push_back(f->content), bases.push_back(f->path);
    return bases;
}

}  // namespace

std::optional<compiled::byte_buffer> compile_store(const claim_store& store) {
    const auto& files = compiled_store_access::storages(store);
    if (files.empty() || files.front()->continues_previous) return std::nullopt;
    const std::vector<storage_place> places = places_of(files);
    std::vector<std::string_view> bases = bases_of(files);
    bases.push_back(compiled_store_access::key_text(store));  // written with the index, viewed by it
    output out(std::move(bases));
    // Room for all but the index, and as much again for it: the buffer
    // is not grown (a copy of tens of megabytes) for most stores.
    std::size_t bytes = sizeof(compiled_claim) * store.claims().size();
    for (const auto& f : files)
        bytes += sizeof(compiled::view_code) * f->phrases.size() + sizeof(value_record) * f->values.size();
    out.reserve(bytes + bytes / 2 + (std::size_t{1} << 20));
    out.put(format_mark);
    out.put(std::uint64_t{places.back().file + 1});
    for (const auto& f : files)
        if (!f->continues_previous) out.put(std::uint64_t{f->content.size()});
    // Each array as its count and its records, put one by one: no copy of
    // the array first. A file's pieces follow it.
    for (std::size_t first = 0, end = 0; first < files.size(); first = end) {
        std::size_t phrases = 0, values = 0;
        for (end = first; end < files.size() && (end == first || files[end]->continues_previous); ++end)
            phrases += files[end]->phrases.size(), values += files[end]->values.size();
        out.put_count<compiled::view_code>(phrases);
        for (std::size_t k = first; k < end; ++k)
            for (const std::string_view p : files[k]->phrases) out.put(out.code_of(p));
        out.put_count<value_record>(values);
        for (std::size_t k = first; k < end; ++k)
            for (const reference_value& v : files[k]->values) out.put(record_of(out, v));
    }
    out.put_count<compiled_claim>(store.claims().size());
    std::size_t storage = 0;
    for (const reference_claim& c : store.claims()) {
        const std::optional<compiled_claim> r = record_of(out, c, files, places, storage);
        if (!r) return std::nullopt;
        out.put(*r);
    }
    compiled_store_access::save_index(store, out);
    if (!out.ok()) return std::nullopt;
    return std::move(out).bytes();
}

namespace {

// The store read back from `bytes` into `files`, whose contents are in
// place already.
std::optional<claim_store> read_store(input& in, std::vector<std::unique_ptr<claims_storage>>& files,
                                      std::unique_ptr<claims_storage>& arena) {
    std::uint32_t mark = 0;
    std::uint64_t file_count = 0;
    if (!in.get(mark) || mark != format_mark || !in.get(file_count) || file_count != files.size())
        return std::nullopt;
    for (const auto& f : files) {
        std::uint64_t size = 0;
        if (!in.get(size) || size != f->content.size()) return std::nullopt;
    }
    unit_memo units;
    for (const auto& f : files) {
        if (!in.get_into<compiled::view_code>(
                f->phrases,
                [&](const compiled::view_code& code, std::string_view& p) { return in.view_of(code, p); }) ||
            !in.get_into<value_record>(f->values, [&](const value_record& r, reference_value& v) {
                return value_of(in, r, v, units);
            }))
            return std::nullopt;
    }
    // What the store would find by passes over the claims, counted as each
    // is made (claim_store::add_counted, load_index).
    std::vector<reference_claim> claims;
    claim_store::link_kinds links;
    std::vector<std::uint32_t> long_series;
    std::uint32_t place = 0;
    if (!in.get_into<compiled_claim>(claims,
                                   [&](const compiled_claim& r, reference_claim& c) {
                                       if (!claim_of(in, r, files, c)) return false;
                                       links.count(c);
                                       if (c.values.size() > claim_store::series_values)
                                           long_series.push_back(place);
                                       ++place;
                                       return true;
                                   }) ||
        claims.size() >= UINT32_MAX)
        return std::nullopt;

    claim_store store;
    compiled_store_access::add_counted(store, std::move(claims), links);
    if (!compiled_store_access::load_index(store, in, key_text_base(files.size()), long_series) ||
        !in.complete())
        return std::nullopt;
    for (auto& f : files) store.keep(std::move(f));
    store.keep(std::move(arena));
    return store;
}

}  // namespace

std::optional<claim_store> read_compiled_store(std::string_view bytes, std::shared_ptr<const void> owner,
                                               std::vector<claims_text>& texts,
                                               compiled::byte_source* source) {
    // Each content moved into the storage that keeps it (where it never
    // moves again), and moved back if the bytes are refused.
    std::vector<std::unique_ptr<claims_storage>> files;
    for (claims_text& t : texts) {
        files.push_back(std::make_unique<claims_storage>());
        files.back()->path = t.path;
        files.back()->content = std::move(t.content);
    }
    std::vector<std::string_view> bases = bases_of(files);
    bases.emplace_back();  // the key text, set when the index is read
    auto arena = std::make_unique<claims_storage>();
    input in(bytes, std::move(bases), arena->content, source);
    arena->kept = std::move(owner);
    std::optional<claim_store> store = read_store(in, files, arena);
    if (!store)
        for (std::size_t k = 0; k < texts.size(); ++k) texts[k].content = std::move(files[k]->content);
    return store;
}

}  // namespace factlint
