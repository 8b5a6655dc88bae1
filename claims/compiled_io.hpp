// The bytes of a compiled claim store (claims/compiled_store.hpp). Numbers
// and arrays are written as they are in memory; a view is written as a
// place in one of the texts the store keeps (a claims file's content or
// path, the index's key text), so that reading a store back is a few copies
// and bounds checks instead of a parse. The few viewed texts that are in
// none of them (unescaped phrases, nouns, units) are written once each, in
// an arena after the rest.
//
// The reader trusts nothing: every count, place and size is checked
// against what is left or what it points into, so that damaged bytes make
// it fail, never read out of bounds.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "claims/compiled_array.hpp"
#include "claims/huge_pages.hpp"

namespace factlint::compiled {

// Types written byte for byte: no padding (whose bytes are undefined) and
// no pointers.
template <typename T>
concept plain_bytes = std::is_trivially_copyable_v<T> &&
    (std::has_unique_object_representations_v<T> || std::is_floating_point_v<T>);

// A view as written: the number of its base, and its place in it. A
// default view (or an empty one in no base) has base no_base.
struct view_code {
    std::uint32_t base = 0;
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
};
inline constexpr std::uint32_t no_base = 0xFFFFFFFFu;

// Bytes written once, then read: a buffer without std::string's fill of
// zeros, handed over without a copy.
struct byte_buffer {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
    [[nodiscard]] std::string_view view() const { return {data.get(), size}; }
};

class output {
public:
    // `bases`: the texts views may point into, numbered by their place.
    explicit output(std::vector<std::string_view> bases);
    // Room for `bytes` (a guess: the body grows past it if need be).
    void reserve(std::size_t bytes) {
        if (bytes > capacity_) grow(bytes);
    }

    template <plain_bytes T>
    void put(const T& v) {
        append(&v, sizeof v);
    }
    // An array: its count, zeros up to a multiple of its elements'
    // alignment (counted from the first byte put), its elements; a reader
    // whose bytes are as aligned uses them in place.
    template <plain_bytes T>
    void put_array(const compiled_array<T>& v) {
        put_count<T>(v.size());
        append(v.data(), v.size() * sizeof(T));
    }
    // The count of an array of T put element by element after it, and the
    // zeros that align the first.
    template <plain_bytes T>
    void put_count(std::uint64_t count) {
        put(count);
        static constexpr char zeros[alignof(T)] = {};
        append(zeros, (alignof(T) - used_ % alignof(T)) % alignof(T));
    }
    void put_text(std::string_view s) {
        put(std::uint64_t{s.size()});
        append(s.data(), s.size());
    }
    // A view: its base and place, or its text in the arena.
    [[nodiscard]] view_code code_of(std::string_view v);
    void put_view(std::string_view v) { put(code_of(v)); }
    // False when some text was too large to be placed in 32 bits.
    [[nodiscard]] bool ok() const { return ok_; }

    // Everything put, then the arena and its size, in the buffer they
    // were put in.
    [[nodiscard]] byte_buffer bytes() &&;

private:
    // A byte count and a copy per put: a store has millions of them, and
    // std::string::append did more.
    void append(const void* bytes, std::size_t n) {
        if (n == 0) return;  // an empty array's data() may be null, which memcpy must not see
        if (n > capacity_ - used_) grow(std::max(2 * capacity_, used_ + n));
        std::memcpy(body_.get() + used_, bytes, n);
        used_ += n;
    }
    // A buffer not filled with zeros first (std::string's would be): its
    // pages are written once, by the puts.
    void grow(std::size_t capacity);

    struct base {
        std::uintptr_t begin = 0;
        std::size_t size = 0;
        std::uint32_t number = 0;
    };
    std::vector<base> bases_;    // by address
    std::size_t last_base_ = 0;  // where the last view was: most views are in one file's text
    [[nodiscard]] std::uint32_t arena_place(std::string_view v);

    std::uint32_t arena_number_ = 0;
    std::string arena_;
    // Text -> its place; the keys view the texts written (the caller's,
    // which outlive the output), not the arena, which moves as it grows.
    std::unordered_map<std::string_view, std::uint32_t> in_arena_;
    struct recent_view {
        const char* data = nullptr;
        std::size_t size = 0;
        std::uint32_t place = 0;
    };
    std::array<recent_view, 64> recent_{};
    std::unique_ptr<char[]> body_;  // its first used_ bytes
    std::size_t used_ = 0;
    std::size_t capacity_ = 0;
    bool ok_ = true;
};

// Where an input's bytes come from when they are not in memory yet: a
// cache entry read from its file while the store is read back. The input
// asks for them in order, each once. Bytes it keeps (numbers, texts, the
// index's arrays, used where they lie) it has written at their place in
// its buffer; records that are only decoded (a store's values and
// claims, 29 MB of a 44 MB entry of 100,000 claims) pass through a small
// buffer of its own instead, so the pages of the buffer that would have
// held them are never touched: fresh memory that costs the kernel's
// zeroing (docs/performance.md part 29).
class byte_source {
public:
    virtual ~byte_source() = default;
    // The last n bytes (the arena and its size), into `into`; asked for
    // first, out of order.
    virtual bool last(char* into, std::size_t n) = 0;
    // The next n bytes from the start, into `into`; false when they cannot
    // be read.
    virtual bool next(char* into, std::size_t n) = 0;
    // After the last byte before the arena: whether everything read
    // (the arena included) is what was written (the entry's checksum).
    virtual bool finish() = 0;
};

class input {
public:
    // `bases` as `output` was given them, some possibly empty until
    // set_base(); the arena (at the end of the bytes) is copied to
    // `arena_copy` first, which must outlive the views read (the caller
    // keeps it with the store).
    //
    // With a `source`, `bytes` is writable room that the input fills from
    // it: the arena and its size first (byte_source::last), then the rest
    // in order as it is read (byte_source::next).
    input(std::string_view bytes, std::vector<std::string_view> bases, std::string& arena_copy,
          byte_source* source = nullptr);

    template <plain_bytes T>
    bool get(T& v) {
        if (!have(sizeof v)) return false;
        std::memcpy(&v, at_, sizeof v);
        at_ += sizeof v;
        return true;
    }
    // An array put by put_array: viewed where it lies when the bytes there
    // are aligned for its elements (the caller keeps the bytes alive as
    // long as `v`), copied when not. Its padding must be zeros.
    template <plain_bytes T>
    bool get_array(compiled_array<T>& v) {
        std::uint64_t n = 0;
        if (!get_count<T>(n) || !have(n * sizeof(T))) return false;
        if (reinterpret_cast<std::uintptr_t>(at_) % alignof(T) == 0) {
            v.view({reinterpret_cast<const T*>(at_), static_cast<std::size_t>(n)});
        } else {
            v.clear();
            v.reserve_huge(n);
            v.resize(n);
            if (n > 0) std::memcpy(&v.edit(0), at_, n * sizeof(T));
        }
        at_ += n * sizeof(T);
        return true;
    }
    // An array of records (put_count, then each) appended to `into`, each
    // turned by `make(record, element)` (false fails the input): no copy
    // of the whole array first (for 100,000 claims that was 30 MB written
    // twice). Each record is read where it lies when the bytes are aligned
    // for it, else through a copy; with a source, those not in the buffer
    // yet are read through a small buffer and never kept. The count is
    // checked against the bytes left before it sizes anything.
    template <plain_bytes T, typename U, typename Make>
    bool get_into(std::vector<U>& into, Make make) {
        std::uint64_t count = 0;
        if (!get_count<T>(count)) return false;
        reserve_huge(into, into.size() + count);
        // Each element made on the stack and copied in: emplace_back()
        // value-initializes, which for a type with default member
        // initializers writes zeros over the whole element first, a second
        // pass of 136 bytes a value over fresh memory.
        const auto each = [&](const T& record) {
            U element;
            if (!make(record, element)) return false;
            into.push_back(element);
            return true;
        };
        const char* p = at_;
        at_ += count * sizeof(T);
        const std::uint64_t in_buffer =
            std::min<std::uint64_t>(count, static_cast<std::size_t>(filled_ - p) / sizeof(T));
        if (!records_at<T>(p, in_buffer, each)) return fail();
        if (in_buffer == count) return true;
        return records_from_source<T>(p + in_buffer * sizeof(T), count - in_buffer, each);
    }
    // A flag written as one byte, 0 or 1.
    bool get_flag(bool& flag) {
        std::uint8_t b = 0;
        if (!get(b) || b > 1) return fail();
        flag = b == 1;
        return true;
    }
    // A text written by put_text, copied, or viewed where it lies.
    bool get_text(std::string& s) {
        std::string_view v;
        if (!get_text_view(v)) return false;
        s.assign(v);
        return true;
    }
    bool get_text_view(std::string_view& s) {
        std::uint64_t n = 0;
        if (!get(n) || n > left()) return fail();
        if (!have(n)) return false;
        s = std::string_view(at_, n);
        at_ += n;
        return true;
    }
    bool get_view(std::string_view& v) {
        view_code code;
        return get(code) && view_of(code, v);
    }
    // The view a code stands for; false (and the input failed) when it
    // points outside its base. Inlined: a store has a million views or more.
    [[gnu::always_inline]] bool view_of(const view_code& code, std::string_view& v) {
        if (code.base < bases_.size()) {
            const std::string_view b = bases_[code.base];
            if (code.offset > b.size() || code.size > b.size() - code.offset) return fail();
            v = std::string_view(b.data() + code.offset, code.size);
            return true;
        }
        if (code.base != no_base || code.offset != 0 || code.size != 0) return fail();
        v = {};
        return true;
    }
    // A base known only part-way through the bytes (the index's key text).
    void set_base(std::uint32_t number, std::string_view text) {
        if (number < bases_.size()) bases_[number] = text;
    }
    [[nodiscard]] bool ok() const { return ok_; }
    // Bytes not read yet: a bound on any count still to come.
    [[nodiscard]] std::size_t remaining() const { return left(); }
    // At the end, and every byte the one written (with a source: its
    // checksum, which covers the arena too).
    [[nodiscard]] bool complete() { return ok_ && at_ == end_ && (source_ == nullptr || source_->finish()); }
    // Marks the bytes as not a store (a check of the caller failed).
    bool fail() {
        ok_ = false;
        at_ = filled_ = end_;  // nothing more to read, from the buffer or a source
        return false;
    }

private:
    [[nodiscard]] std::size_t left() const { return static_cast<std::size_t>(end_ - at_); }
    // Whether the n bytes at at_ are there, reading them from the source
    // first if need be; fails the input when not.
    bool have(std::size_t n) {
        if (n <= static_cast<std::size_t>(filled_ - at_)) return true;
        return fill(n);
    }
    bool fill(std::size_t n);
    // `count` records at p, each handed to `each`.
    template <plain_bytes T, typename Each>
    static bool records_at(const char* p, std::uint64_t count, Each& each) {
        if (reinterpret_cast<std::uintptr_t>(p) % alignof(T) == 0) {
            for (std::uint64_t i = 0; i < count; ++i, p += sizeof(T))
                if (!each(*reinterpret_cast<const T*>(p))) return false;
            return true;
        }
        for (std::uint64_t i = 0; i < count; ++i, p += sizeof(T)) {
            alignas(T) unsigned char copy[sizeof(T)];
            std::memcpy(copy, p, sizeof(T));  // makes a T there (plain bytes)
            if (!each(*std::launder(reinterpret_cast<const T*>(copy)))) return false;
        }
        return true;
    }
    // `count` records from p on, where the buffer is filled up to filled_
    // (inside the first of them, or at its start): the source's bytes go
    // through the small buffer, a piece at a time, and the buffer is
    // filled no further.
    template <plain_bytes T, typename Each>
    bool records_from_source(const char* p, std::uint64_t count, Each& each) {
        if (source_ == nullptr) return fail();  // cannot happen: get_count checked the bytes left
        if (!passing_)
            passing_ =
                std::make_unique_for_overwrite<std::max_align_t[]>(passing_size / sizeof(std::max_align_t));
        char* const room = reinterpret_cast<char*>(passing_.get());
        static_assert(alignof(std::max_align_t) % alignof(T) == 0 && passing_size >= 2 * sizeof(T));
        std::size_t held = static_cast<std::size_t>(filled_ - p);  // a record's first bytes, already read
        std::memcpy(room, p, held);
        std::uint64_t to_read = count * sizeof(T) - held;
        while (to_read > 0) {
            const std::size_t n =
                static_cast<std::size_t>(std::min<std::uint64_t>(to_read, passing_size - held));
            if (!source_->next(room + held, n)) return fail();
            to_read -= n;
            held += n;
            const std::size_t whole = held / sizeof(T);
            if (!records_at<T>(room, whole, each)) return fail();
            held -= whole * sizeof(T);
            std::memmove(room, room + whole * sizeof(T), held);
        }
        filled_ = at_;  // the records' bytes are read, not kept
        return true;
    }
    static constexpr std::size_t passing_size = std::size_t{256} << 10;

    // The count of an array of T, past the zeros that align its first
    // element (put_count), and at most what the bytes left can hold.
    template <plain_bytes T>
    bool get_count(std::uint64_t& count) {
        if (!get(count)) return false;
        const std::size_t padding =
            (alignof(T) - static_cast<std::size_t>(at_ - begin_) % alignof(T)) % alignof(T);
        if (padding > left()) return fail();
        if (!have(padding)) return false;
        for (std::size_t k = 0; k < padding; ++k)
            if (at_[k] != 0) return fail();
        at_ += padding;
        if (count > left() / sizeof(T)) return fail();
        return true;
    }
    const char* begin_;  // where padding is counted from
    const char* at_;
    const char* end_;
    // The buffer holds what was written up to here (end_ without a
    // source); at_ never passes it.
    const char* filled_;
    byte_source* source_ = nullptr;
    std::unique_ptr<std::max_align_t[]> passing_;  // records passing through, passing_size bytes
    std::vector<std::string_view> bases_;          // the arena's copy last
    bool ok_ = true;
};

}  // namespace factlint::compiled
