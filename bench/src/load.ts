// One load run with autocannon, reduced to the figures the benchmark reports.
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  connections: number;
  durationS: number;
  headers?: Record<string, string>;
  /** Requests cycled in order by every connection; setupRequest may vary path and body per call. */
  requests: autocannon.Request[];
}

export interface LoadFigures {
  rps: number;
  p50: number;
  /** autocannon has no p95: p97.5 is the nearest percentile at or above it (a bound on p95). */
  p97_5: number;
  p99: number;
  /** The slowest request: a stall (a lock wait, a merge, a GC pause) shows here first. */
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export async function runLoad(spec: LoadSpec): Promise<LoadFigures> {
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationS,
    headers: spec.headers,
    requests: spec.requests,
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
