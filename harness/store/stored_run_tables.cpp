#include "harness/store/stored_run_tables.h"

#include "reports/metric_tables.h"

namespace ovbench {
namespace {

std::string text_of(const nlohmann::ordered_json& j) {
  return j.is_string() ? j.get<std::string>() : j.dump();
}

}  // namespace

std::vector<std::pair<std::string, std::string>> provenance_fields(const StoredRun& r) {
  std::vector<std::pair<std::string, std::string>> f;
  auto add = [&](const std::string& field, const std::string& value) {
    if (!value.empty()) f.emplace_back(field, value);
  };
  add("status", r.status);
  add("kind", r.provenance.kind);
  add("suite", r.provenance.suite);
  add("tag", r.provenance.tag);
  add("started", r.started_at);
  add("finished", r.finished_at);
  if (!r.provenance.model_card.empty()) {
    add("model card", r.provenance.model_card + (r.provenance.model_card_hash.empty()
                                                     ? ""
                                                     : " (" + r.provenance.model_card_hash + ")"));
  }
  for (const auto& [name, hash] : r.provenance.checkpoint_hashes.items())
    add("checkpoint " + name, text_of(hash));
  for (const auto& [name, input] : r.provenance.inputs.items()) {
    if (input.is_object() && input.contains("path")) {
      std::string text = text_of(input["path"]);
      if (input.contains("hash")) text += " (" + text_of(input["hash"]) + ")";
      add(name, text);
    } else {
      add(name, text_of(input));
    }
  }
  if (!r.provenance.params.empty()) add("parameters", r.provenance.params.dump());
  add("device", r.provenance.device + (r.host.empty() ? "" : " on " + r.host));
  add("ovbench", r.ovbench_version + (r.git_commit.empty() ? "" : " (" + r.git_commit + ")"));
  add("libtorch", r.provenance.libtorch_version);
  add("cuda", r.provenance.cuda_version);
  return f;
}

TableDocument runs_document(const std::vector<RunListing>& runs) {
  Table t("runs", "");
  for (const char* c : {"id", "status", "suite", "tag", "started", "dataset", "metric"})
    t.add_column(c);
  t.add_column("value");
  for (const RunListing& listing : runs) {
    const StoredRun& r = listing.run;
    std::vector<TableCell> head{TableCell::of_integer(r.id), TableCell::of_text(r.status),
                                TableCell::of_text(r.provenance.suite),
                                TableCell::of_text(r.provenance.tag),
                                TableCell::of_text(r.started_at)};
    if (listing.results.empty()) {
      auto row = head;
      for (int i = 0; i < 3; ++i) row.push_back(TableCell::empty());
      t.add_row(std::move(row));
    }
    for (const StoredResult& res : listing.results) {
      auto row = head;
      row.push_back(TableCell::of_text(res.dataset));
      if (res.report.summary.items().empty()) {
        row.push_back(TableCell::empty());
        row.push_back(TableCell::empty());
      } else {
        const auto& [key, value] = res.report.summary.items().front();
        row.push_back(TableCell::of_text(key));
        row.push_back(TableCell::of_number(value));
      }
      t.add_row(std::move(row));
    }
  }
  TableDocument doc;
  doc.tables.push_back(std::move(t));
  return doc;
}

TableDocument show_document(const StoredRun& run, const std::vector<StoredResult>& results,
                            bool per_category) {
  TableDocument doc;
  doc.title = "run " + std::to_string(run.id) + " (" + run.status + ")";
  Table provenance("run", "provenance");
  provenance.add_column("field");
  provenance.add_column("value");
  for (const auto& [field, value] : provenance_fields(run)) {
    provenance.add_row({TableCell::of_text(field), TableCell::of_text(value)});
  }
  doc.tables.push_back(std::move(provenance));
  for (const StoredResult& r : results) {
    Table metrics = metric_breakdown_table(r.report, "metrics " + r.dataset,
                                           r.dataset + " (" + r.benchmark + ")");
    if (r.report.intervals.is_object()) {
      metrics.notes.push_back(
          "brackets: " +
          text_of(r.report.intervals.value("confidence", nlohmann::ordered_json(0.95))) +
          " bootstrap interval, " +
          text_of(r.report.intervals.value("replicates", nlohmann::ordered_json())) +
          " replicates, seed " +
          text_of(r.report.intervals.value("seed", nlohmann::ordered_json())));
    }
    doc.tables.push_back(std::move(metrics));
    if (has_frequency_split(r.report)) {
      doc.tables.push_back(frequency_split_table(r.report, "frequency " + r.dataset,
                                                 r.dataset + " by category frequency"));
    }
    if (per_category) {
      doc.tables.push_back(category_metrics_table(r.report, "categories " + r.dataset,
                                                  r.dataset + " per category", false));
    }
  }
  return doc;
}

}  // namespace ovbench
