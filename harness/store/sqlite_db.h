#pragma once
// A thin RAII layer over the SQLite C API: a connection, prepared statements with typed binds,
// and transactions that roll back unless committed. Every failure throws StoreError naming the
// database file and SQLite's message, so callers never see a half-applied write.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>

#include "core/errors.h"

namespace ovbench {

// A store that cannot be opened, read or written: reported like bad input (exit 2), naming
// the database file.
class StoreError : public InputError {
 public:
  using InputError::InputError;
};

class SqliteDb;

class Statement {
 public:
  Statement(SqliteDb& db, const std::string& sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);  // NaN is stored as NULL
  Statement& bind(int index, const std::string& value);
  Statement& bind_null(int index);
  Statement& bind(int index, const std::optional<std::string>& value);

  // Advances to the next row; false when done. Throws on errors (including SQLITE_BUSY after
  // the connection's busy timeout).
  bool step();
  // Runs a statement that returns no rows, then resets it for reuse.
  void run();
  void reset();

  std::int64_t column_int(int i) const;
  std::optional<double> column_double(int i) const;  // NULL -> nullopt
  std::string column_text(int i) const;               // NULL -> ""
  bool column_is_null(int i) const;

 private:
  SqliteDb& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteDb {
 public:
  // Opens (creating if needed) the database file; WAL journal and a busy timeout so that
  // several processes can share one store.
  explicit SqliteDb(const std::string& path);
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;
  ~SqliteDb();

  void exec(const std::string& sql);
  std::int64_t last_insert_id() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }
  [[noreturn]] void fail(const std::string& what) const;

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; the destructor rolls back an uncommitted transaction. IMMEDIATE
// takes the write lock up front, so two writers wait for each other instead of deadlocking on
// a lock upgrade.
class Transaction {
 public:
  explicit Transaction(SqliteDb& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  SqliteDb& db_;
  bool done_ = false;
};

}  // namespace ovbench
