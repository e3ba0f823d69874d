import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Wraps a better-sqlite3 database so `prepare(sql)` is memoised in a small LRU map. Kysely's SQLite
 * driver prepares every statement anew, and preparing (parsing and planning the SQL) costs more than
 * running a short indexed query; the same few hundred SQL texts repeat on every request.
 * Behaviour is unchanged: better-sqlite3 resets a statement on each run and re-prepares it itself
 * after a schema change; a statement still iterating (a stream) is never handed out twice.
 */
export function cachedStatements(db: { prepare(sql: string): SqliteStatement & { busy?: boolean }; close(): unknown }, max = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement & { busy?: boolean }>();
  return {
    close: () => { cache.clear(); db.close(); },
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit) {
        if (hit.busy) return db.prepare(sql);
        // Most recently used last: Map keeps insertion order.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = db.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}
