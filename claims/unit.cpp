#include "claims/unit.hpp"

#include <array>

namespace factlint {

namespace {
// Every unit the grammars emit. Currencies are not converted into each other:
// exchange rates change, so "$1bn" and "£600m" are different dimensions.
constexpr std::array units{
    unit_info{"count", "count", "count", 1.0, "", ""},
    unit_info{"percent", "percent", "percent", 1.0, "percent", "percent"},
    unit_info{"percent_point", "percent_point", "percent_point", 1.0, "percentage point",
              "percentage points"},
    unit_info{"currency:USD", "currency:USD", "currency:USD", 1.0, "dollar", "dollars"},
    unit_info{"currency:EUR", "currency:EUR", "currency:EUR", 1.0, "euro", "euros"},
    unit_info{"currency:GBP", "currency:GBP", "currency:GBP", 1.0, "pound", "pounds"},
    unit_info{"currency:JPY", "currency:JPY", "currency:JPY", 1.0, "yen", "yen"},
    unit_info{"currency:CNY", "currency:CNY", "currency:CNY", 1.0, "yuan", "yuan"},
    unit_info{"currency:INR", "currency:INR", "currency:INR", 1.0, "rupee", "rupees"},
    unit_info{"currency:CHF", "currency:CHF", "currency:CHF", 1.0, "franc", "francs"},
    unit_info{"currency:CAD", "currency:CAD", "currency:CAD", 1.0, "Canadian dollar", "Canadian dollars"},
    unit_info{"currency:AUD", "currency:AUD", "currency:AUD", 1.0, "Australian dollar", "Australian dollars"},
    unit_info{"currency:ZAR", "currency:ZAR", "currency:ZAR", 1.0, "rand", "rand"},
    unit_info{"area:km2", "area", "area:km2", 1.0, "square kilometer", "square kilometers"},
    unit_info{"area:mi2", "area", "area:km2", 2.589988110336, "square mile", "square miles"},
    unit_info{"area:ha", "area", "area:km2", 0.01, "hectare", "hectares"},
    unit_info{"area:acre", "area", "area:km2", 0.0040468564224, "acre", "acres"},
    unit_info{"area:m2", "area", "area:km2", 1e-6, "square meter", "square meters"},
    unit_info{"length:km", "length", "length:km", 1.0, "kilometer", "kilometers"},
    unit_info{"length:m", "length", "length:km", 1e-3, "meter", "meters"},
    unit_info{"length:cm", "length", "length:km", 1e-5, "centimeter", "centimeters"},
    unit_info{"length:mi", "length", "length:km", 1.609344, "mile", "miles"},
    unit_info{"length:ft", "length", "length:km", 0.0003048, "foot", "feet"},
    unit_info{"length:in", "length", "length:km", 0.0000254, "inch", "inches"},
    unit_info{"mass:kg", "mass", "mass:kg", 1.0, "kilogram", "kilograms"},
    unit_info{"mass:g", "mass", "mass:kg", 1e-3, "gram", "grams"},
    unit_info{"mass:t", "mass", "mass:kg", 1000.0, "tonne", "tonnes"},
    unit_info{"mass:lb", "mass", "mass:kg", 0.45359237, "pound", "pounds"},
    unit_info{"mass:oz", "mass", "mass:kg", 0.028349523125, "ounce", "ounces"},
    unit_info{"volume:m3", "volume", "volume:m3", 1.0, "cubic meter", "cubic meters"},
    unit_info{"volume:l", "volume", "volume:m3", 1e-3, "liter", "liters"},
    unit_info{"volume:gal", "volume", "volume:m3", 0.003785411784, "gallon", "gallons"},
    unit_info{"volume:bbl", "volume", "volume:m3", 0.158987294928, "barrel", "barrels"},
    unit_info{"duration:year", "duration", "duration:day", 365.2425, "year", "years"},
    unit_info{"duration:month", "duration", "duration:day", 30.436875, "month", "months"},
    unit_info{"duration:week", "duration", "duration:day", 7.0, "week", "weeks"},
    unit_info{"duration:day", "duration", "duration:day", 1.0, "day", "days"},
    unit_info{"duration:hour", "duration", "duration:day", 1.0 / 24, "hour", "hours"},
    unit_info{"temperature:C", "temperature:C", "temperature:C", 1.0, "degree Celsius", "degrees Celsius"},
    unit_info{"temperature:F", "temperature:F", "temperature:F", 1.0, "degree Fahrenheit",
              "degrees Fahrenheit"},
    unit_info{"speed:kmh", "speed", "speed:kmh", 1.0, "kilometer per hour", "kilometers per hour"},
    unit_info{"speed:mph", "speed", "speed:kmh", 1.609344, "mile per hour", "miles per hour"},
    unit_info{"energy:kWh", "energy", "energy:kWh", 1.0, "kilowatt-hour", "kilowatt-hours"},
    unit_info{"energy:MWh", "energy", "energy:kWh", 1e3, "megawatt-hour", "megawatt-hours"},
    unit_info{"energy:GWh", "energy", "energy:kWh", 1e6, "gigawatt-hour", "gigawatt-hours"},
    unit_info{"power:kW", "power", "power:kW", 1.0, "kilowatt", "kilowatts"},
    unit_info{"power:MW", "power", "power:kW", 1e3, "megawatt", "megawatts"},
    unit_info{"power:GW", "power", "power:kW", 1e6, "gigawatt", "gigawatts"},
};
}  // namespace

const unit_info* find_unit(std::string_view name) {
    for (const unit_info& u : units)
        if (u.name == name) return &u;
    return nullptr;
}

std::string_view dimension_of(std::string_view unit_name) {
    if (const unit_info* u = find_unit(unit_name)) return u->dimension;
    // An unknown "dimension:code" still names its dimension.
    const auto colon = unit_name.find(':');
    if (colon != std::string_view::npos && unit_name.substr(0, colon) != "currency")
        return unit_name.substr(0, colon);
    return unit_name;
}

bool compatible_units(std::string_view a, std::string_view b) { return dimension_of(a) == dimension_of(b); }

std::optional<double> convert(double value, std::string_view from, std::string_view to) {
    if (from == to) return value;
    const unit_info* f = find_unit(from);
    const unit_info* t = find_unit(to);
    if (f == nullptr || t == nullptr || f->dimension != t->dimension) return std::nullopt;
    return value * f->to_base / t->to_base;
}

}  // namespace factlint
