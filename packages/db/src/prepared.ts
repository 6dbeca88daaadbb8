/**
 * A query built and compiled once per connection, then run with placeholders (`sql.placeholder`).
 * drizzle otherwise rebuilds a query's SQL on every call, which costs more than SQLite's work for
 * the small lookups a page makes (issue 16: ~40% of "get incident"). For queries on every request.
 */
export function perConnection<C extends object, T>(build: (db: C) => T): (db: C) => T {
  const built = new WeakMap<C, T>();
  return (db) => {
    let statement = built.get(db);
    if (statement === undefined) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
