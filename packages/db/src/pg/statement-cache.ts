// Every parameterised query a connection sends more than once is parsed and analysed by PostgreSQL
// once (issue 16, issue 20): drizzle sends its queries unnamed, so the server parses, analyses and
// plans each one from scratch, every time, and an incident page or a queue page is a dozen of them.
// Named, the statement stays on the connection: later runs only bind and execute it, and once
// PostgreSQL sees that a generic plan costs no more than the custom ones it stops planning it too
// (plan_cache_mode auto). postgres.js does this for every query by default; node-postgres leaves it
// to the caller, so the pool's client class does it here.
import { createHash } from 'node:crypto';
import pg from 'pg';

/** The most statements one connection keeps; past it, new query texts run unnamed, as before. */
export const defaultStatementLimit = 250;

/** The statement name for a query text: the same text is the same name on every connection. */
export const statementName = (text: string): string =>
  `h_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;

interface QueryConfigLike {
  text: string;
  name?: string;
  values?: unknown[];
  submit?: unknown;
}

const isQueryConfig = (c: unknown): c is QueryConfigLike =>
  typeof c === 'object' &&
  c !== null &&
  typeof (c as QueryConfigLike).text === 'string' &&
  typeof (c as QueryConfigLike).submit !== 'function';

/**
 * A `pg.Client` that names each parameterised query by its text (up to `limit` per connection), so
 * PostgreSQL keeps it prepared. Queries already named (drizzle's `.prepare(name)`), queries without
 * parameters (migrations, `BEGIN`, a multi-statement script, none of which can or need be
 * prepared), and query objects of their own (cursors, streams) go through untouched.
 */
export function statementCachingClient(limit = defaultStatementLimit): typeof pg.Client {
  class StatementCachingClient extends pg.Client {
    /** The statement names this connection has handed out. */
    readonly statementNames = new Set<string>();

    // pg's overloads (text or config, values or callback) are forwarded as they came.
    override query(...args: unknown[]): never {
      const [config, values] = args;
      const unnamed = isQueryConfig(config) && config.name === undefined ? config : undefined;
      const text = typeof config === 'string' ? config : unnamed?.text;
      const params = Array.isArray(values) ? values : unnamed?.values;
      if (text !== undefined && params !== undefined && params.length > 0) {
        const name = statementName(text);
        if (this.statementNames.has(name) || this.statementNames.size < limit) {
          this.statementNames.add(name);
          args[0] = unnamed ? { ...unnamed, name } : { text, name };
        }
      }
      return (super.query as (...a: unknown[]) => never)(...args);
    }
  }
  return StatementCachingClient;
}
