#pragma once
// Stored runs as tables (reports/table_model.h): what `ovbench runs` and `ovbench show` print in
// every --format, and the provenance the HTML report lists.

#include <string>
#include <utility>
#include <vector>

#include "harness/store/results_store.h"
#include "reports/table_model.h"

namespace ovbench {

// What produced a run, as (field, text) pairs in reading order: status, kind, suite, tag, times,
// model card and checkpoints, each input's path and content hash, protocol parameters, device
// and host, ovbench version and commit, LibTorch and CUDA versions (empty fields left out).
std::vector<std::pair<std::string, std::string>> provenance_fields(const StoredRun& run);

struct RunListing {
  StoredRun run;
  std::vector<StoredResult> results;
};

// One table "runs": a row per run and dataset (a run with no results yet gets one row), columns
// id, status, suite, tag, started, dataset, metric, value — the metric is the dataset's first
// summary metric, the figure a list needs.
TableDocument runs_document(const std::vector<RunListing>& runs);

// Tables "run" (provenance), per dataset "metrics <dataset>" (summary, groups, intervals), LVIS's
// "frequency <dataset>" and, with per_category, "categories <dataset>".
TableDocument show_document(const StoredRun& run, const std::vector<StoredResult>& results,
                            bool per_category);

}  // namespace ovbench
