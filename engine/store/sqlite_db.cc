#include "store/sqlite_db.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace store {

sqlite3* open_sqlite(const std::string& path, const char* schema, std::string* error) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    *error = path + ": " + (db ? sqlite3_errmsg(db) : "cannot open");
    sqlite3_close(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, 10000);  // another process (submit, status) may hold the write lock briefly
  char* msg = nullptr;
  std::string setup = std::string("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;") + schema;
  if (sqlite3_exec(db, setup.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
    *error = path + ": " + (msg ? msg : "cannot set up the schema");
    sqlite3_free(msg);
    sqlite3_close(db);
    return nullptr;
  }
  return db;
}

std::string extra_json(const std::map<std::string, std::string>& extra) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  for (const auto& [k, v] : extra) {  // std::map: sorted, so equal maps give equal text
    w.Key(k.c_str(), static_cast<rapidjson::SizeType>(k.size()));
    w.String(v.c_str(), static_cast<rapidjson::SizeType>(v.size()));
  }
  w.EndObject();
  return buf.GetString();
}

std::map<std::string, std::string> extra_from_json(const std::string& text) {
  std::map<std::string, std::string> out;
  rapidjson::Document d;
  d.Parse(text.c_str());
  if (!d.IsObject()) return out;
  for (const auto& m : d.GetObject())
    if (m.value.IsString()) out[m.name.GetString()] = m.value.GetString();
  return out;
}

int newest_complete_generation(sqlite3* db, const std::string& problem_id) {
  Statement q(db,
              "SELECT g.generation FROM judgings g JOIN submissions s ON s.id = g.submission_id "
              "WHERE s.problem_id = ?1 GROUP BY g.generation "
              "HAVING COUNT(*) = (SELECT COUNT(*) FROM submissions WHERE problem_id = ?1) "
              "ORDER BY g.generation DESC LIMIT 1");
  q.bind(1, problem_id);
  return q.step() == SQLITE_ROW ? static_cast<int>(q.integer(0)) : 0;
}

}  // namespace store
