// The store as bytes: per file its phrases and values, then the claims
// (their spans as places in their file's arrays), then the index.
#include "claims/compiled_store.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
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
    static bool load_index(claim_store& s, compiled::input& in, std::uint32_t key_text_base) {
        return s.load_index(in, key_text_base);
    }
};

namespace {

using compiled::input;
using compiled::output;

constexpr std::uint32_t format_mark = 0x464c4353;  // "FLCS": the start of a store's bytes

// Views of a file's content and path are written as places in them; the
// index's key text comes after the files' texts.
std::uint32_t key_text_base(std::size_t files) { return static_cast<std::uint32_t>(2 * files); }

template <typename Enum>
bool get_enum(input& in, Enum& e, Enum last) {
    std::uint8_t v = 0;
    if (!in.get(v) || v > static_cast<std::uint8_t>(last)) return in.fail();
    e = static_cast<Enum>(v);
    return true;
}
template <typename Enum>
void put_enum(output& out, Enum e) {
    out.put(static_cast<std::uint8_t>(e));
}

void put_time(output& out, const std::optional<time_span>& t) {
    out.put(static_cast<std::uint8_t>(t.has_value()));
    if (!t) return;
    out.put(t->from), out.put(t->to);
    put_enum(out, t->grain);
}
bool get_time(input& in, std::optional<time_span>& t) {
    std::uint8_t has = 0;
    if (!in.get(has) || has > 1) return in.fail();
    if (has == 0) {
        t.reset();
        return true;
    }
    time_span s;
    if (!in.get(s.from) || !in.get(s.to) || !get_enum(in, s.grain, granularity::century)) return false;
    t = s;
    return true;
}

void put_position(output& out, const claim_position& p) {
    out.put_view(p.file);
    out.put(p.line), out.put(p.column);
}
bool get_position(input& in, claim_position& p) {
    return in.get_view(p.file) && in.get(p.line) && in.get(p.column);
}

void put_value(output& out, const reference_value& v) {
    out.put_view(v.text);
    out.put(v.value);
    out.put(v.range.low), out.put(v.range.high);
    out.put(static_cast<std::uint8_t>(v.range.low_open)),
        out.put(static_cast<std::uint8_t>(v.range.high_open));
    put_enum(out, v.hedge);
    out.put_view(v.unit);
    out.put_view(v.noun);
    put_enum(out, v.scope);
    put_time(out, v.when);
    put_position(out, v.where);
}

// Units are interned (claims/interned.hpp); the values of a file use a
// handful of them, so the last few are remembered by their place.
class unit_memo {
public:
    std::string_view unit(std::string_view in_arena) {
        for (const auto& [seen, kept] : recent_)
            if (seen == in_arena.data() && kept.size() == in_arena.size()) return kept;
        const std::string_view kept = interned(in_arena);
        recent_[next_++ % recent_.size()] = {in_arena.data(), kept};
        return kept;
    }

private:
    std::array<std::pair<const char*, std::string_view>, 8> recent_{};
    std::size_t next_ = 0;
};

bool get_flag(input& in, bool& flag) {
    std::uint8_t v = 0;
    if (!in.get(v) || v > 1) return in.fail();
    flag = v == 1;
    return true;
}

bool get_value(input& in, reference_value& v, unit_memo& units) {
    std::string_view unit;
    if (!in.get_view(v.text) || !in.get(v.value) || !in.get(v.range.low) || !in.get(v.range.high) ||
        !get_flag(in, v.range.low_open) || !get_flag(in, v.range.high_open) ||
        !get_enum(in, v.hedge, hedge_kind::exact) || !in.get_view(unit) || !in.get_view(v.noun) ||
        !get_enum(in, v.scope, value_scope::until) || !get_time(in, v.when) || !get_position(in, v.where))
        return false;
    v.unit = units.unit(unit);
    return true;
}

// A span as the place of its first element in one of `arrays`.
template <typename T>
struct span_place {
    std::uint32_t begin = 0, count = 0;
};

template <typename T>
std::optional<span_place<T>> place_of(std::span<const T> s, const std::vector<T>& array) {
    if (s.empty()) return span_place<T>{};
    const T* first = array.data();
    if (s.data() < first || s.data() + s.size() > first + array.size()) return std::nullopt;
    return span_place<T>{static_cast<std::uint32_t>(s.data() - first), static_cast<std::uint32_t>(s.size())};
}

template <typename T>
bool get_span(input& in, std::span<const T>& s, const std::vector<T>& array) {
    std::uint32_t begin = 0, count = 0;
    if (!in.get(begin) || !in.get(count)) return false;
    if (begin > array.size() || count > array.size() - begin) return in.fail();
    s = count == 0 ? std::span<const T>() : std::span<const T>(array.data() + begin, count);
    return true;
}

// The claim's spans as places in the arrays of its file (whose number is
// written first); false when they are in no file's arrays.
bool put_spans(output& out, const reference_claim& c,
               const std::vector<std::unique_ptr<claims_storage>>& files, std::size_t& file) {
    for (std::size_t tries = 0; tries < files.size(); ++tries, file = (file + 1) % files.size()) {
        const claims_storage& f = *files[file];
        const auto names = place_of(c.names, f.phrases);
        const auto wheres = place_of(c.wheres, f.phrases);
        const auto values = place_of(c.values, f.values);
        if (!names || !wheres || !values) continue;
        out.put(static_cast<std::uint32_t>(file));
        for (const auto* p : {&*names, &*wheres}) out.put(p->begin), out.put(p->count);
        out.put(values->begin), out.put(values->count);
        return true;
    }
    return false;
}

bool put_claim(output& out, const reference_claim& c,
               const std::vector<std::unique_ptr<claims_storage>>& files, std::size_t& file) {
    if (!put_spans(out, c, files, file)) return false;
    out.put_view(c.id);
    put_time(out, c.date);
    put_time(out, c.period);
    out.put(c.tolerance);
    out.put_view(c.source);
    put_position(out, c.where);
    return true;
}

bool get_claim(input& in, reference_claim& c, const std::vector<std::unique_ptr<claims_storage>>& files) {
    std::uint32_t file = 0;
    if (!in.get(file) || file >= files.size()) return in.fail();
    const claims_storage& f = *files[file];
    return get_span(in, c.names, f.phrases) && get_span(in, c.wheres, f.phrases) &&
           get_span(in, c.values, f.values) && in.get_view(c.id) && get_time(in, c.date) &&
           get_time(in, c.period) && in.get(c.tolerance) && in.get_view(c.source) &&
           get_position(in, c.where);
}

std::vector<std::string_view> bases_of(const std::vector<std::unique_ptr<claims_storage>>& files) {
    std::vector<std::string_view> bases;
    for (const auto& f : files) bases.push_back(f->content), bases.push_back(f->path);
    return bases;
}

}  // namespace

std::optional<std::string> compile_store(const claim_store& store) {
    const auto& files = compiled_store_access::storages(store);
    if (files.empty()) return std::nullopt;
    std::vector<std::string_view> bases = bases_of(files);
    bases.push_back(compiled_store_access::key_text(store));  // written with the index, viewed by it
    output out(std::move(bases));
    std::size_t values = 0;
    for (const auto& f : files) values += f->values.size();
    out.reserve(120 * values + 100 * store.claims().size() + (std::size_t{1} << 20));
    out.put(format_mark);
    out.put(std::uint64_t{files.size()});
    for (const auto& f : files) {
        out.put(std::uint64_t{f->phrases.size()});
        for (const std::string_view p : f->phrases) out.put_view(p);
        out.put(std::uint64_t{f->values.size()});
        for (const reference_value& v : f->values) put_value(out, v);
    }
    out.put(std::uint64_t{store.claims().size()});
    std::size_t file = 0;
    for (const reference_claim& c : store.claims())
        if (!put_claim(out, c, files, file)) return std::nullopt;
    compiled_store_access::save_index(store, out);
    if (!out.ok()) return std::nullopt;
    return std::move(out).bytes();
}

std::optional<claim_store> read_compiled_store(std::string_view bytes,
                                               std::vector<std::unique_ptr<claims_storage>>& files) {
    std::vector<std::string_view> bases = bases_of(files);
    const std::uint32_t key_base = key_text_base(files.size());
    bases.emplace_back();  // the key text, set when the index is read
    auto arena = std::make_unique<claims_storage>();
    input in(bytes, std::move(bases), arena->content);

    std::uint32_t mark = 0;
    std::uint64_t file_count = 0;
    if (!in.get(mark) || mark != format_mark || !in.get(file_count) || file_count != files.size())
        return std::nullopt;
    unit_memo units;
    for (const auto& f : files) {
        std::uint64_t n = 0;
        if (!in.get(n) || n > in.remaining() / 12) return std::nullopt;  // a view takes 12 bytes
        reserve_huge(f->phrases, n);
        f->phrases.resize(n);
        for (std::string_view& p : f->phrases)
            if (!in.get_view(p)) return std::nullopt;
        if (!in.get(n) || n > in.remaining() / 12) return std::nullopt;
        reserve_huge(f->values, n);
        f->values.resize(n);
        for (reference_value& v : f->values)
            if (!get_value(in, v, units)) return std::nullopt;
    }
    std::uint64_t claim_count = 0;
    if (!in.get(claim_count) || claim_count > in.remaining() / 12 || claim_count >= UINT32_MAX)
        return std::nullopt;
    std::vector<reference_claim> claims;
    reserve_huge(claims, claim_count);
    claims.resize(claim_count);
    for (reference_claim& c : claims)
        if (!get_claim(in, c, files)) return std::nullopt;

    claim_store store;
    store.add_all(std::move(claims));
    if (!compiled_store_access::load_index(store, in, key_base) || !in.at_end()) return std::nullopt;
    for (auto& f : files) store.keep(std::move(f));
    files.clear();
    store.keep(std::move(arena));
    return store;
}

}  // namespace factlint
