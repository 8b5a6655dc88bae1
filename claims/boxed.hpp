// An optional value kept on the heap: one pointer in the object that holds
// it instead of the whole value. For the rare parts of a record (a change
// statement, a total with parts), which most records do not have; copies
// are deep, so the holder keeps value semantics.
#pragma once

#include <memory>
#include <utility>

namespace factlint {

template <typename T>
class boxed {
public:
    boxed() = default;
    boxed(const T& v) : p_(std::make_unique<T>(v)) {}        // NOLINT: converts like std::optional
    boxed(T&& v) : p_(std::make_unique<T>(std::move(v))) {}  // NOLINT
    boxed(const boxed& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
    boxed(boxed&&) noexcept = default;
    boxed& operator=(const boxed& o) {
        if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
        return *this;
    }
    boxed& operator=(boxed&&) noexcept = default;
    ~boxed() = default;

    [[nodiscard]] bool has_value() const { return p_ != nullptr; }
    explicit operator bool() const { return has_value(); }
    T& operator*() { return *p_; }
    const T& operator*() const { return *p_; }
    T* operator->() { return p_.get(); }
    const T* operator->() const { return p_.get(); }
    void reset() { p_.reset(); }

private:
    std::unique_ptr<T> p_;
};

}  // namespace factlint
