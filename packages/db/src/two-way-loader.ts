// A loader written once for both ways of reading: the seed's synchronous SQLite commit plans
// (`commitSync`) and the Reader's async reads on either engine inside `commit` plans. The loader
// is a generator that yields each read as its two repository twins (which share one query
// builder); `runSync` takes the `…Sync` twin, `runAsync` awaits the other. So the steps, their
// order and the checks between them are written once.

/** One read a loader makes, as SQLite's synchronous twin and the async read. */
export interface TwinRead<T> {
  readonly sync: () => T;
  readonly async: () => Promise<T>;
}

/** A loader: yields its reads, returns what it loaded. */
export type TwoWayLoader<T> = Generator<TwinRead<unknown>, T, unknown>;

/** One read inside a loader: `const row = yield* read(() => findSync(db, id), () => find(db, id))`. */
export function* read<T>(
  sync: () => T,
  async: () => Promise<T>,
): Generator<TwinRead<unknown>, T, unknown> {
  return (yield { sync, async }) as T;
}

/** Runs a loader with the synchronous twins (SQLite only: the seed's `commitSync` plans). */
export function runSync<T>(loader: TwoWayLoader<T>): T {
  let step = loader.next();
  while (!step.done) step = loader.next(step.value.sync());
  return step.value;
}

/** Runs a loader with the async reads (either engine). */
export async function runAsync<T>(loader: TwoWayLoader<T>): Promise<T> {
  let step = loader.next();
  while (!step.done) step = loader.next(await step.value.async());
  return step.value;
}
