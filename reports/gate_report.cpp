#include "reports/gate_report.h"

#include <algorithm>

namespace ovbench {

bool GateOutcome::passed() const {
  return std::all_of(checks.begin(), checks.end(), [](const GateCheck& c) { return c.passed; });
}

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters even escaped; they cannot matter here.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') out += c;
    }
  }
  return out;
}

std::string gate_junit_xml(const GateOutcome& o) {
  std::size_t failures = 0;
  for (const auto& c : o.checks) failures += !c.passed;
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += "<testsuites name=\"ovbench gate\" tests=\"" + std::to_string(o.checks.size()) + "\" failures=\"" +
       std::to_string(failures) + "\">\n";
  x += "  <testsuite name=\"" + xml_escape("ovbench gate " + o.run + " vs " + o.baseline) + "\" tests=\"" +
       std::to_string(o.checks.size()) + "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\">\n";
  for (const auto& c : o.checks) {
    x += "    <testcase classname=\"ovbench.gate\" name=\"" + xml_escape(c.name) + "\"";
    if (c.passed) {
      x += ">\n      <system-out>" + xml_escape(c.message) + "</system-out>\n    </testcase>\n";
    } else {
      x += ">\n      <failure message=\"" + xml_escape(c.message) + "\" type=\"regression\">" +
           xml_escape(c.message) + "</failure>\n    </testcase>\n";
    }
  }
  x += "  </testsuite>\n</testsuites>\n";
  return x;
}

std::string gate_markdown(const GateOutcome& o) {
  std::size_t failures = 0;
  for (const auto& c : o.checks) failures += !c.passed;
  auto cell = [](std::string s) {
    std::string out;
    for (char ch : s) {
      if (ch == '|') out += "\\|";
      else if (ch == '\n') out += ' ';
      else out += ch;
    }
    return out;
  };
  std::string m = "### ovbench gate: " + std::string(failures ? "❌ " + std::to_string(failures) + " regression(s)" : "✅ passed") +
                  "\n\nRun `" + o.run + "` against baseline `" + o.baseline + "`.\n\n| | rule | result |\n|---|---|---|\n";
  for (const auto& c : o.checks) {
    m += std::string("| ") + (c.passed ? "✅" : "❌") + " | " + cell(c.name) + " | " + cell(c.message) + " |\n";
  }
  return m;
}

}  // namespace ovbench
