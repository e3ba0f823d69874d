/**
 * Process metrics in the Prometheus text format (each app process is scraped on its own, as
 * Prometheus expects): requests and their latency by route pattern, job runs and failures, and
 * the gauges read at scrape time (queue lengths, database pool).
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Histogram = { counts: number[]; sum: number; count: number };
const requests = new Map<string, number>();
const latency = new Map<string, Histogram>();
const jobRuns = new Map<string, number>();

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labels = (l: Record<string, string>) => `{${Object.entries(l).map(([k, v]) => `${k}="${esc(v)}"`).join(',')}}`;

/** Counts one request of `route` (the matched pattern, never the raw path) and its duration in seconds. */
export function observeRequest(method: string, route: string, status: number, seconds: number): void {
  const key = labels({ method, route, status: String(status) });
  requests.set(key, (requests.get(key) ?? 0) + 1);
  const hkey = labels({ method, route });
  let h = latency.get(hkey);
  if (!h) latency.set(hkey, (h = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 }));
  for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]) h.counts[i]++;
  h.sum += seconds;
  h.count++;
}

/** Counts one run of a job with its outcome (`ok` or `error`). */
export function observeJob(job: string, outcome: 'ok' | 'error'): void {
  const key = labels({ job, outcome });
  jobRuns.set(key, (jobRuns.get(key) ?? 0) + 1);
}

export interface Gauge { name: string; help: string; values: { labels?: Record<string, string>; value: number }[] }

/** The whole exposition: counters and histograms kept here, plus the gauges read now. */
export function renderMetrics(gauges: Gauge[]): string {
  const out: string[] = [];
  out.push('# HELP coso_http_requests_total HTTP requests by method, route pattern and status.', '# TYPE coso_http_requests_total counter');
  for (const [k, v] of requests) out.push(`coso_http_requests_total${k} ${v}`);
  out.push('# HELP coso_http_request_duration_seconds Request latency by method and route pattern.', '# TYPE coso_http_request_duration_seconds histogram');
  for (const [k, h] of latency) {
    const base = k.slice(1, -1);
    BUCKETS.forEach((b, i) => out.push(`coso_http_request_duration_seconds_bucket{${base},le="${b}"} ${h.counts[i]}`));
    out.push(`coso_http_request_duration_seconds_bucket{${base},le="+Inf"} ${h.count}`, `coso_http_request_duration_seconds_sum${k} ${h.sum}`, `coso_http_request_duration_seconds_count${k} ${h.count}`);
  }
  out.push('# HELP coso_job_runs_total Background job runs by job and outcome.', '# TYPE coso_job_runs_total counter');
  for (const [k, v] of jobRuns) out.push(`coso_job_runs_total${k} ${v}`);
  for (const g of gauges) {
    out.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`);
    for (const v of g.values) out.push(`${g.name}${v.labels ? labels(v.labels) : ''} ${v.value}`);
  }
  return out.join('\n') + '\n';
}
