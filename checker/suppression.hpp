// Inline suppressions (SPEC §9): factlint-disable-next-line, a disabled
// region, a disabled file. A directive that hides nothing is reported
// (FL901) so stale comments do not pile up.
#pragma once

#include <vector>

#include "checker/finding.hpp"
#include "reader/document.hpp"

namespace factlint {

// Removes suppressed findings (placed: line numbers set) and, when
// `report_unused`, appends an FL901 finding per unused directive.
void apply_suppressions(const document& doc, std::vector<finding>& findings, bool report_unused);

}  // namespace factlint
