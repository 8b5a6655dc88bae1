#include "cli/rule_docs.hpp"

namespace factlint::cli {

const embedded_doc* find_rule_doc(std::string_view code) {
    for (const embedded_doc& d : embedded_rule_docs())
        if (d.code == code) return &d;
    return nullptr;
}

}  // namespace factlint::cli
