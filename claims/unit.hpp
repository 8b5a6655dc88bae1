// Units of measure: the dimension a figure belongs to and how to compare
// figures stated in different units of one dimension.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace factlint {

// A unit is named "dimension" or "dimension:code" as in the record schema:
// "count", "percent", "percent_point", "currency:USD", "area:km2",
// "area:mi2", "length:km", "mass:kg", "volume:m3", "duration:year".
struct unit_info {
    std::string_view name;       // "area:mi2"
    std::string_view dimension;  // "area"
    std::string_view base;       // the unit of the dimension values are compared in: "area:km2"
    double to_base = 1.0;        // multiply a value in this unit to get the base unit
    std::string_view singular;   // "square mile", for messages
    std::string_view plural;     // "square miles"
};

[[nodiscard]] const unit_info* find_unit(std::string_view name);
[[nodiscard]] std::string_view dimension_of(std::string_view unit_name);
// Two units are compatible when they measure the same dimension (and, for
// currencies, the same currency).
[[nodiscard]] bool compatible_units(std::string_view a, std::string_view b);
// A value stated in unit `from`, expressed in unit `to` (same dimension).
[[nodiscard]] std::optional<double> convert(double value, std::string_view from, std::string_view to);

}  // namespace factlint
