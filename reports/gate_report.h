#pragma once
// The outcome of `ovbench gate` as a CI system wants it: JUnit XML (one test case per rule and
// dataset, a <failure> for each regression) and a Markdown table for pull-request comments.

#include <string>
#include <vector>

namespace ovbench {

struct GateCheck {
  std::string name;     // "coco_val.json: novel AP50 max_drop 0.005"
  bool passed = true;
  std::string message;  // why it passed or failed, with the numbers
};

struct GateOutcome {
  std::string run, baseline;  // how they were named
  std::vector<GateCheck> checks;
  bool passed() const;
};

std::string gate_junit_xml(const GateOutcome& outcome);
std::string gate_markdown(const GateOutcome& outcome);

// XML text and attribute escaping (&, <, >, ", ').
std::string xml_escape(const std::string& text);

}  // namespace ovbench
