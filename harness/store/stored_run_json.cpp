#include "harness/store/stored_run_json.h"

namespace ovbench {

nlohmann::ordered_json run_json(const StoredRun& r) {
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["status"] = r.status;
  j["kind"] = r.provenance.kind;
  j["suite"] = r.provenance.suite;
  j["tag"] = r.provenance.tag;
  j["started_at"] = r.started_at;
  j["finished_at"] = r.finished_at;
  j["model_card"] = r.provenance.model_card;
  j["model_card_hash"] = r.provenance.model_card_hash;
  j["checkpoint_hashes"] = r.provenance.checkpoint_hashes;
  j["params"] = r.provenance.params;
  j["inputs"] = r.provenance.inputs;
  j["device"] = r.provenance.device;
  j["host"] = r.host;
  j["ovbench_version"] = r.ovbench_version;
  j["git_commit"] = r.git_commit;
  j["libtorch_version"] = r.provenance.libtorch_version;
  j["cuda_version"] = r.provenance.cuda_version;
  return j;
}

nlohmann::ordered_json result_json(const StoredResult& r) {
  nlohmann::ordered_json j;
  j["dataset"] = r.dataset;
  j["benchmark"] = r.benchmark;
  j["predictions"] = r.predictions_path;
  j["metrics"] = r.report.summary.to_json();
  j["groups"] = groups_json(r.report);
  j["per_category"] = per_category_json(r.report, true);
  j["params"] = r.report.params;
  j["counts"] = r.report.counts;
  if (!r.report.intervals.is_null()) j["intervals"] = r.report.intervals;
  if (!r.report.error_analysis.is_null()) j["error_analysis"] = r.report.error_analysis;
  return j;
}

}  // namespace ovbench
