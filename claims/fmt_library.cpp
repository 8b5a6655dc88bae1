// fmt's compiled part, in this one translation unit instead of libfmt.so.
//
// Every other file includes <fmt/format.h> as it would with the shared
// library (no FMT_HEADER_ONLY, so the formatting core is not compiled again
// in each of them); the functions it declares are defined here, as fmt's
// own src/format.cc defines them. One shared library fewer to map and
// relocate at every start, and with it none left that needs libstdc++.so, so
// the executable can carry libstdc++ statically (cli/CMakeLists.txt).
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

// The templates <fmt/format.h> declares but leaves to the library, as
// src/format.cc instantiates them (fmt 9).
template FMT_API auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template FMT_API auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;

#ifndef FMT_STATIC_THOUSANDS_SEPARATOR
template FMT_API locale_ref::locale_ref(const std::locale& loc);
template FMT_API auto locale_ref::get<std::locale>() const -> std::locale;
#endif

template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<wchar_t>;
template FMT_API auto decimal_point_impl(locale_ref) -> wchar_t;

}  // namespace detail
FMT_END_NAMESPACE
