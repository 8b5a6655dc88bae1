// An array of plain numbers (the name index's tables) that either owns its
// elements, in a store built by this run, or views them where the bytes of
// a compiled store hold them, in a store read back from the cache (which
// keeps those bytes alive, claims/storage.hpp). Read back, the tables of
// 100,000 claims are not copied again: they are used in the bytes read
// from the cache file, after the checks of the reader.
//
// Reads go through a pointer and a size set at each change, so that a
// look-up costs what a std::vector's does. Changes (while an index is
// built) go to the owned elements; one made to a viewed array copies the
// view first.
#pragma once

#include <cstddef>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "claims/huge_pages.hpp"

namespace factlint {

template <typename T>
class compiled_array {
    static_assert(std::is_trivially_copyable_v<T>);

public:
    compiled_array() = default;
    compiled_array(const compiled_array&) = delete;
    compiled_array& operator=(const compiled_array&) = delete;
    compiled_array(compiled_array&& other) noexcept { *this = std::move(other); }
    compiled_array& operator=(compiled_array&& other) noexcept {
        if (this == &other) return *this;
        const bool viewing = other.viewing_;
        owned_ = std::move(other.owned_);
        data_ = viewing ? other.data_ : owned_.data();
        size_ = other.size_;
        viewing_ = viewing;
        other.owned_.clear();
        other.viewing_ = false;
        other.sync();
        return *this;
    }

    // Views `elements`, which must outlive this array (or its next change).
    void view(std::span<const T> elements) {
        owned_ = {};
        data_ = elements.data();
        size_ = elements.size();
        viewing_ = true;
    }
    [[nodiscard]] bool is_view() const { return viewing_; }

    [[nodiscard]] const T& operator[](std::size_t i) const { return data_[i]; }
    [[nodiscard]] const T* data() const { return data_; }
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] bool empty() const { return size_ == 0; }
    [[nodiscard]] const T* begin() const { return data_; }
    [[nodiscard]] const T* end() const { return data_ + size_; }
    [[nodiscard]] const T& front() const { return data_[0]; }
    [[nodiscard]] const T& back() const { return data_[size_ - 1]; }
    [[nodiscard]] std::span<const T> span() const { return {data_, size_}; }

    // Changes, as std::vector's. An element to change is asked for by
    // name, not by a non-const operator[]: that one was called by reads
    // too, wherever the array was not const, and so copied a viewed array
    // that was only read (a cache hit copied two tables of 480 KB each to
    // compare their first elements: docs/performance.md part 22).
    T& edit(std::size_t i) {
        own();
        return owned_[i];
    }
    void assign(std::size_t n, const T& v) {
        viewing_ = false;
        owned_.assign(n, v);
        sync();
    }
    void clear() {
        viewing_ = false;
        owned_.clear();
        sync();
    }
    void push_back(const T& v) {
        own();
        owned_.push_back(v);
        sync();
    }
    void resize(std::size_t n) {
        own();
        owned_.resize(n);
        sync();
    }
    void reserve(std::size_t n) {
        own();
        owned_.reserve(n);
        sync();
    }
    // reserve() with huge pages (claims/huge_pages.hpp).
    void reserve_huge(std::size_t n) {
        own();
        factlint::reserve_huge(owned_, n);
        sync();
    }

private:
    void own() {
        if (!viewing_) return;
        owned_.assign(data_, data_ + size_);
        viewing_ = false;
        sync();
    }
    void sync() {
        data_ = owned_.data();
        size_ = owned_.size();
    }

    std::vector<T> owned_;
    const T* data_ = nullptr;
    std::size_t size_ = 0;
    bool viewing_ = false;
};

}  // namespace factlint
