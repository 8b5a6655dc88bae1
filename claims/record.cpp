#include "claims/record.hpp"

namespace factlint {

std::string_view record_kind_name(record_kind k) {
    switch (k) {
        case record_kind::quantity: return "quantity";
        case record_kind::date: return "date";
        case record_kind::period: return "period";
        case record_kind::change: return "change";
    }
    return "quantity";
}

}  // namespace factlint
