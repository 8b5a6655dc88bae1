#include "checker/finding.hpp"

namespace factlint {

std::string_view severity_name(severity s) {
    switch (s) {
        case severity::info: return "info";
        case severity::warning: return "warning";
        case severity::error: return "error";
    }
    return "error";
}

}  // namespace factlint
