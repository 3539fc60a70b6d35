#include "harness/store/results_store.h"

#include <unistd.h>

#include <cctype>
#include <ctime>
#include <filesystem>

#include "core/build_info.h"

namespace ovbench {
namespace {

// Migration i takes a store from user_version i to i + 1. Append, never edit: stores in the
// field were made by the earlier entries.
const std::vector<std::string>& migrations() {
  static const std::vector<std::string> steps = {
      // 1: runs, their per-dataset results, metrics (overall and per group), per-category
      // metrics and PR curves.
      R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('eval', 'run')),
  suite TEXT NOT NULL,
  tag TEXT NOT NULL DEFAULT '',
  model_card TEXT NOT NULL DEFAULT '',
  model_card_hash TEXT NOT NULL DEFAULT '',
  checkpoint_hashes TEXT NOT NULL DEFAULT '{}',
  params TEXT NOT NULL DEFAULT '{}',
  inputs TEXT NOT NULL DEFAULT '{}',
  ovbench_version TEXT NOT NULL,
  git_commit TEXT NOT NULL,
  libtorch_version TEXT NOT NULL DEFAULT '',
  cuda_version TEXT NOT NULL DEFAULT '',
  device TEXT NOT NULL,
  host TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'failed'))
);
CREATE INDEX runs_by_suite ON runs (suite, started_at);
CREATE INDEX runs_by_tag ON runs (tag, id);
CREATE TABLE results (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  dataset TEXT NOT NULL,
  benchmark TEXT NOT NULL,
  params TEXT NOT NULL,
  counts TEXT NOT NULL,
  predictions_path TEXT NOT NULL DEFAULT '',
  UNIQUE (run_id, dataset)
);
CREATE TABLE metrics (
  result_id INTEGER NOT NULL REFERENCES results (id) ON DELETE CASCADE,
  grp TEXT NOT NULL,        -- '' for the overall numbers, else the group name
  position INTEGER NOT NULL,
  key TEXT NOT NULL,
  value REAL,               -- NULL for NaN; -1 stays -1 (the references' "nothing to score")
  PRIMARY KEY (result_id, grp, key)
);
CREATE TABLE category_metrics (
  result_id INTEGER NOT NULL REFERENCES results (id) ON DELETE CASCADE,
  category_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  key TEXT NOT NULL,
  value REAL,
  PRIMARY KEY (result_id, category_id, key)
);
CREATE TABLE pr_curves (
  result_id INTEGER NOT NULL REFERENCES results (id) ON DELETE CASCADE,
  category_id INTEGER NOT NULL,
  label TEXT NOT NULL,
  recall TEXT NOT NULL,     -- JSON arrays of equal length
  precision TEXT NOT NULL,
  PRIMARY KEY (result_id, category_id, label)
);
)sql",
      // 2: bootstrap confidence intervals of a result (JSON, as in `--json`'s "intervals").
      R"sql(
ALTER TABLE results ADD COLUMN intervals TEXT NOT NULL DEFAULT 'null';
)sql",
      // 3: the error analysis of a detection result (JSON, as in `--json`'s "error_analysis":
      // TIDE's dAP and counts, the novel/base confusion); 'null' when not asked for.
      R"sql(
ALTER TABLE results ADD COLUMN error_analysis TEXT NOT NULL DEFAULT 'null';
)sql",
  };
  return steps;
}

std::string host_name() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
  return buf;
}

std::string dump(const nlohmann::ordered_json& j) { return j.dump(); }

nlohmann::ordered_json parse_json_column(const std::string& text) {
  if (text.empty()) return nlohmann::ordered_json::object();
  return nlohmann::ordered_json::parse(text, nullptr, false);
}

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

constexpr const char* kRunColumns =
    "id, kind, suite, tag, model_card, model_card_hash, checkpoint_hashes, params, inputs, "
    "ovbench_version, git_commit, libtorch_version, cuda_version, device, host, started_at, "
    "finished_at, status";

}  // namespace

std::string utc_timestamp_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int ResultsStore::schema_version() { return static_cast<int>(migrations().size()); }

ResultsStore::ResultsStore(const std::string& path) : db_(path) { migrate(); }

ResultsStore ResultsStore::open_existing(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    throw InputError(path + ": no results store here (runs are stored by `ovbench eval ... --db " +
                     path + "` and `ovbench run`)");
  }
  return ResultsStore(path);
}

RunWithResults ResultsStore::load_complete_run(const std::string& id_or_tag) {
  const auto run = find_run(id_or_tag);
  if (!run) throw InputError(db_.path() + ": no run with id or tag '" + id_or_tag + "'");
  if (run->status != "complete") {
    throw InputError(db_.path() + ": run " + std::to_string(run->id) + " is " + run->status + ", not complete");
  }
  return {*run, load_results(run->id)};
}

void ResultsStore::migrate() {
  Transaction tx(db_);
  Statement q(db_, "PRAGMA user_version");
  q.step();
  const int have = static_cast<int>(q.column_int(0));
  q.reset();
  if (have > schema_version()) {
    throw StoreError(db_.path() + ": results store schema version " + std::to_string(have) +
                     " is newer than this ovbench understands (" +
                     std::to_string(schema_version()) + "); use a newer ovbench");
  }
  for (int v = have; v < schema_version(); ++v) {
    db_.exec(migrations()[static_cast<std::size_t>(v)]);
    db_.exec("PRAGMA user_version = " + std::to_string(v + 1));
  }
  tx.commit();
}

std::int64_t ResultsStore::insert_run(const RunProvenance& p, const std::string& status) {
  Statement s(db_,
              "INSERT INTO runs (kind, suite, tag, model_card, model_card_hash, checkpoint_hashes, "
              "params, inputs, ovbench_version, git_commit, libtorch_version, cuda_version, "
              "device, host, started_at, status) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
  s.bind(1, p.kind).bind(2, p.suite).bind(3, p.tag).bind(4, p.model_card)
      .bind(5, p.model_card_hash).bind(6, dump(p.checkpoint_hashes)).bind(7, dump(p.params))
      .bind(8, dump(p.inputs)).bind(9, ovbench_version()).bind(10, ovbench_git_commit())
      .bind(11, p.libtorch_version).bind(12, p.cuda_version).bind(13, p.device)
      .bind(14, host_name()).bind(15, utc_timestamp_now()).bind(16, status);
  s.run();
  return db_.last_insert_id();
}

void ResultsStore::insert_result(std::int64_t run, const StoredResult& r) {
  Statement res(db_,
                "INSERT INTO results (run_id, dataset, benchmark, params, counts, predictions_path, intervals, "
                "error_analysis) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  res.bind(1, run).bind(2, r.dataset).bind(3, r.benchmark).bind(4, dump(r.report.params))
      .bind(5, dump(r.report.counts)).bind(6, r.predictions_path).bind(7, dump(r.report.intervals))
      .bind(8, dump(r.report.error_analysis));
  res.run();
  const std::int64_t result = db_.last_insert_id();

  Statement metric(db_, "INSERT INTO metrics (result_id, grp, position, key, value) VALUES (?1, ?2, ?3, ?4, ?5)");
  auto put_values = [&](const std::string& group, const MetricValues& values) {
    std::int64_t position = 0;
    for (const auto& [key, value] : values.items()) {
      metric.bind(1, result).bind(2, group).bind(3, position++).bind(4, key).bind(5, value);
      metric.run();
    }
  };
  put_values("", r.report.summary);
  for (const auto& [group, values] : r.report.groups) put_values(group, values);

  Statement cat(db_,
                "INSERT INTO category_metrics (result_id, category_id, name, position, key, value) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  Statement curve(db_,
                  "INSERT INTO pr_curves (result_id, category_id, label, recall, precision) "
                  "VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const CategoryResult& c : r.report.per_category) {
    std::int64_t position = 0;
    for (const auto& [key, value] : c.metrics.items()) {
      cat.bind(1, result).bind(2, c.id).bind(3, c.name).bind(4, position++).bind(5, key).bind(6, value);
      cat.run();
    }
    for (const PrCurve& pc : c.curves) {
      curve.bind(1, result).bind(2, c.id).bind(3, pc.label)
          .bind(4, nlohmann::json(pc.recall).dump()).bind(5, nlohmann::json(pc.precision).dump());
      curve.run();
    }
  }
}

std::int64_t ResultsStore::begin_run(const RunProvenance& provenance) {
  Transaction tx(db_);
  const std::int64_t id = insert_run(provenance, "running");
  tx.commit();
  return id;
}

void ResultsStore::add_result(std::int64_t run, const StoredResult& result) {
  Transaction tx(db_);
  Statement check(db_, "SELECT status FROM runs WHERE id = ?1");
  check.bind(1, run);
  if (!check.step()) throw StoreError(db_.path() + ": no run " + std::to_string(run));
  if (check.column_text(0) != "running") {
    throw StoreError(db_.path() + ": run " + std::to_string(run) + " is " + check.column_text(0) +
                     ", results can no longer be added");
  }
  check.reset();
  insert_result(run, result);
  tx.commit();
}

void ResultsStore::finish_run(std::int64_t run, bool ok) {
  Transaction tx(db_);
  Statement s(db_, "UPDATE runs SET status = ?1, finished_at = ?2 WHERE id = ?3 AND status = 'running'");
  s.bind(1, std::string(ok ? "complete" : "failed")).bind(2, utc_timestamp_now()).bind(3, run);
  s.run();
  tx.commit();
}

std::int64_t ResultsStore::store_complete_run(const RunProvenance& provenance,
                                              const StoredResult& result) {
  Transaction tx(db_);
  const std::int64_t id = insert_run(provenance, "running");
  insert_result(id, result);
  Statement s(db_, "UPDATE runs SET status = 'complete', finished_at = ?1 WHERE id = ?2");
  s.bind(1, utc_timestamp_now()).bind(2, id);
  s.run();
  tx.commit();
  return id;
}

StoredRun ResultsStore::read_run(Statement& s) {
  StoredRun r;
  r.id = s.column_int(0);
  r.provenance.kind = s.column_text(1);
  r.provenance.suite = s.column_text(2);
  r.provenance.tag = s.column_text(3);
  r.provenance.model_card = s.column_text(4);
  r.provenance.model_card_hash = s.column_text(5);
  r.provenance.checkpoint_hashes = parse_json_column(s.column_text(6));
  r.provenance.params = parse_json_column(s.column_text(7));
  r.provenance.inputs = parse_json_column(s.column_text(8));
  r.ovbench_version = s.column_text(9);
  r.git_commit = s.column_text(10);
  r.provenance.libtorch_version = s.column_text(11);
  r.provenance.cuda_version = s.column_text(12);
  r.provenance.device = s.column_text(13);
  r.host = s.column_text(14);
  r.started_at = s.column_text(15);
  r.finished_at = s.column_text(16);
  r.status = s.column_text(17);
  return r;
}

std::vector<StoredRun> ResultsStore::list_runs(const RunFilter& filter) {
  Statement s(db_, std::string("SELECT ") + kRunColumns +
                       " FROM runs WHERE (?1 = '' OR suite = ?1) AND (?2 = '' OR tag = ?2) "
                       "AND (?3 = '' OR status = ?3) ORDER BY id");
  s.bind(1, filter.suite).bind(2, filter.tag).bind(3, filter.status);
  std::vector<StoredRun> out;
  while (s.step()) out.push_back(read_run(s));
  return out;
}

std::optional<StoredRun> ResultsStore::find_run(const std::string& id_or_tag) {
  // A number is a run id; anything else a tag (its latest run). Tags that are numbers would be
  // ambiguous, so `--tag` refuses them (see the eval command).
  const bool by_id = all_digits(id_or_tag);
  Statement s(db_, std::string("SELECT ") + kRunColumns +
                       (by_id ? " FROM runs WHERE id = ?1" : " FROM runs WHERE tag = ?1 ORDER BY id DESC LIMIT 1"));
  if (by_id) {
    s.bind(1, static_cast<std::int64_t>(std::stoll(id_or_tag)));
  } else {
    s.bind(1, id_or_tag);
  }
  if (!s.step()) return std::nullopt;
  return read_run(s);
}

std::vector<StoredResult> ResultsStore::load_results(std::int64_t run) {
  std::vector<StoredResult> out;
  std::vector<std::int64_t> ids;
  {
    Statement s(db_, "SELECT id, dataset, benchmark, params, counts, predictions_path, intervals, error_analysis "
                     "FROM results WHERE run_id = ?1 ORDER BY id");
    s.bind(1, run);
    while (s.step()) {
      StoredResult r;
      ids.push_back(s.column_int(0));
      r.dataset = s.column_text(1);
      r.benchmark = s.column_text(2);
      r.report.kind = r.benchmark;
      r.report.params = parse_json_column(s.column_text(3));
      r.report.counts = parse_json_column(s.column_text(4));
      r.predictions_path = s.column_text(5);
      r.report.intervals = nlohmann::ordered_json::parse(s.column_text(6), nullptr, false);
      if (r.report.intervals.is_discarded()) r.report.intervals = nullptr;
      r.report.error_analysis = nlohmann::ordered_json::parse(s.column_text(7), nullptr, false);
      if (r.report.error_analysis.is_discarded()) r.report.error_analysis = nullptr;
      out.push_back(std::move(r));
    }
  }
  Statement m(db_, "SELECT grp, key, value FROM metrics WHERE result_id = ?1 ORDER BY grp = '' DESC, rowid");
  Statement c(db_, "SELECT category_id, name, key, value FROM category_metrics WHERE result_id = ?1 "
                   "ORDER BY category_id, position");
  Statement p(db_, "SELECT category_id, label, recall, precision FROM pr_curves WHERE result_id = ?1 "
                   "ORDER BY category_id, rowid");
  for (std::size_t i = 0; i < out.size(); ++i) {
    MetricReport& report = out[i].report;
    m.bind(1, ids[i]);
    while (m.step()) {
      const std::string group = m.column_text(0);
      const double value = m.column_double(2).value_or(std::nan(""));
      if (group.empty()) {
        report.summary.set(m.column_text(1), value);
        continue;
      }
      if (report.groups.empty() || report.groups.back().first != group) report.groups.emplace_back(group, MetricValues{});
      report.groups.back().second.set(m.column_text(1), value);
    }
    m.reset();
    c.bind(1, ids[i]);
    while (c.step()) {
      const std::int64_t id = c.column_int(0);
      if (report.per_category.empty() || report.per_category.back().id != id) {
        report.per_category.push_back({id, c.column_text(1), {}, {}});
      }
      report.per_category.back().metrics.set(c.column_text(2), c.column_double(3).value_or(std::nan("")));
    }
    c.reset();
    p.bind(1, ids[i]);
    std::size_t at = 0;
    while (p.step()) {
      const std::int64_t id = p.column_int(0);
      while (at < report.per_category.size() && report.per_category[at].id != id) ++at;
      if (at == report.per_category.size()) break;  // curves without metrics: not written by us
      PrCurve curve;
      curve.label = p.column_text(1);
      curve.recall = nlohmann::json::parse(p.column_text(2)).get<std::vector<double>>();
      curve.precision = nlohmann::json::parse(p.column_text(3)).get<std::vector<double>>();
      report.per_category[at].curves.push_back(std::move(curve));
    }
    p.reset();
  }
  return out;
}

}  // namespace ovbench
