/**
 * Test runner: collects the test files, starts a throwaway PostgreSQL cluster (so every
 * integration test runs on both dialects), runs `node --test` over the files and fails when
 * zero tests ran or any failed. Usage:
 *   npm test                       all tests
 *   npm test -- --only unit        only src/domain (fast loop, no database)
 *   npm test -- src/features/units  only files under these paths
 *   npm test -- --now 2027-05-10T09:00:00+07:00   the whole run with the product clock at that instant
 *   npm test -- --skip e2e         everything but the browser tests (`--skip e2e,heavy`: nor *.heavy.test.ts)
 *   npm test -- --dialect sqlite   only the SQLite half of the integration tests (no PostgreSQL cluster): for
 *                                  a second pass that checks something dialect-independent, such as the clock
 * The seed and every test process read the same clock: COSO_NOW is pinned at the start of the run
 * (the given --now, or the real time), so "today" is the same day for the demo data and the tests.
 * With CI or COSO_REQUIRE_ALL=1 set, missing PostgreSQL, Chromium, espeak-ng or LibreOffice is an error,
 * not a skip; without it they are reported loudly as NOT TESTED.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { localDateOf, parseInstant } from '../src/platform/clock.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const strict = !!process.env.CI || process.env.COSO_REQUIRE_ALL === '1';
const CHROMIUM = '/usr/bin/chromium';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const log = (msg: string) => process.stdout.write(`[test/run] ${msg}\n`);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function parseArgs(argv: string[]) {
  let only: string | undefined;
  let now: string | undefined;
  let skip: string | undefined;
  let dialect: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') only = argv[++i];
    else if (a.startsWith('--only=')) only = a.slice(7);
    else if (a === '--now') now = argv[++i];
    else if (a.startsWith('--now=')) now = a.slice(6);
    else if (a === '--skip') skip = argv[++i];
    else if (a.startsWith('--skip=')) skip = a.slice(7);
    else if (a === '--dialect') dialect = argv[++i];
    else if (a.startsWith('--dialect=')) dialect = a.slice(10);
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else paths.push(a);
  }
  if (only && only !== 'unit') throw new Error(`--only accepts "unit", not "${only}"`);
  if (dialect !== undefined && dialect !== 'sqlite') throw new Error(`--dialect accepts "sqlite" (both dialects run by default), not "${dialect}"`);
  for (const k of skip?.split(',') ?? []) if (!SKIPPABLE.includes(k)) throw new Error(`--skip accepts ${SKIPPABLE.map((x) => `"${x}"`).join(', ')} (comma-separated), not "${k}"`);
  if (now !== undefined && parseInstant(now) === null) throw new Error(`--now wants an ISO timestamp such as 2027-05-10T09:00:00+07:00, not "${now}"`);
  return { only, paths, now, skip, sqliteOnly: dialect === 'sqlite' };
}

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(path.relative(root, p).split(path.sep).join('/'));
  }
  return out;
}

/**
 * What `--skip` may leave out: `e2e` (the browser tests) and `heavy` (files named *.heavy.test.ts: long
 * robustness runs such as the large fuzz or crash tests, which do not depend on the calendar and so
 * run once in CI, with the real clock, not again with the second clock).
 */
const SKIPPABLE = ['e2e', 'heavy'];

/** Every test file, sorted: src/ and test/ (*.test.ts, *.test.tsx), e2e/ (*.test.ts). */
function collectFiles(only: string | undefined, paths: string[], skip?: string): string[] {
  let files = [
    ...walk(path.join(root, 'src')).filter((f) => /\.test\.tsx?$/.test(f)),
    ...walk(path.join(root, 'test')).filter((f) => /\.test\.tsx?$/.test(f)),
    ...walk(path.join(root, 'e2e')).filter((f) => f.endsWith('.test.ts')),
  ].sort();
  if (only === 'unit') files = files.filter((f) => f.startsWith('src/domain/'));
  const skipped = skip?.split(',') ?? [];
  if (skipped.includes('e2e')) files = files.filter((f) => !f.startsWith('e2e/'));
  if (skipped.includes('heavy')) files = files.filter((f) => !/\.heavy\.test\.tsx?$/.test(f));
  if (paths.length) {
    const wanted = paths.map((p) => path.relative(root, path.resolve(p)).split(path.sep).join('/').replace(/\/$/, ''));
    files = files.filter((f) => wanted.some((w) => f === w || f.startsWith(`${w}/`)));
  }
  return files;
}

/**
 * Files that must have a process of their own: browser tests and heavy files (long, they gain nothing),
 * and files with hooks or settings at the top level, which in a shared process would apply to the others.
 */
const OWN_PROCESS = /^e2e\/|\.heavy\.test\.tsx?$|^test\/platform\/(clock|ops|public-size|routes)\.test\.ts$|^test\/security\/posture\.test\.ts$/;

/**
 * Starting a test process costs about 3 s of CPU (tsx loading some 400 modules of the app), more than
 * many integration files take to run: the other files run a few to a process, each group a small
 * module that imports its files in order (their tests run one after another, as in their own process).
 * COSO_TEST_GROUP=1 gives every file its own process again (to rule out interference).
 */
function groupFiles(files: string[], dir: string): string[] {
  const size = Number(process.env.COSO_TEST_GROUP ?? 6) || 1;
  if (size <= 1) return files;
  const alone = files.filter((f) => OWN_PROCESS.test(f));
  const shared = files.filter((f) => !OWN_PROCESS.test(f));
  const groups: string[] = [];
  for (let i = 0; i < shared.length; i += size) {
    const part = shared.slice(i, i + size);
    const name = path.join(dir, `group-${groups.length + 1}-${path.basename(part[0]).replace(/\.test\.tsx?$/, '')}.test.mjs`);
    fs.writeFileSync(name, `// ${part.join(', ')}\n${part.map((f) => `await import(${JSON.stringify(path.join(root, f))});`).join('\n')}\n`);
    groups.push(name);
  }
  // The long files first, so that the two CPUs finish together rather than one waiting on the last heavy file.
  return [...alone.filter((f) => !f.startsWith('e2e/')), ...alone.filter((f) => f.startsWith('e2e/')), ...groups];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function findPgBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : undefined;
}

/** Runs a PostgreSQL tool, as the postgres user when we are root (initdb refuses root). */
function runPg(bin: string, args: string[]): void {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout || r.error?.message}`);
}

interface Cluster { url: string; stop(): void }

/** Starts a throwaway cluster: trust auth, loopback only, durability off (tests only). */
async function startCluster(binDir: string): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-pg-'));
  fs.chmodSync(dir, 0o755);
  if (isRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) throw new Error('running as root but there is no "postgres" user to run PostgreSQL as');
    fs.chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
  }
  const data = path.join(dir, 'data');
  let running = false;
  const stop = () => {
    if (running) {
      try { runPg(path.join(binDir, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']); } catch (e) { log(`warning: could not stop PostgreSQL: ${(e as Error).message}`); }
      running = false;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    runPg(path.join(binDir, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    const port = await freePort();
    const opts = [
      `-p ${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${dir}`,
      '-c fsync=off', '-c full_page_writes=off', '-c synchronous_commit=off', '-c max_connections=300',
    ].join(' ');
    running = true;
    runPg(path.join(binDir, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'postgres.log'), '-w', '-t', '60', '-o', opts, 'start']);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (e) {
    const logFile = path.join(dir, 'postgres.log');
    if (fs.existsSync(logFile)) process.stderr.write(fs.readFileSync(logFile, 'utf8'));
    stop();
    throw e;
  }
}

function warnLoud(lines: string[]): void {
  const bar = '!'.repeat(78);
  process.stderr.write(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n\n`);
}

/** Reads the TAP summary written by the second reporter (`# tests N`, `# pass N`, `# fail N`…). */
function readSummary(file: string): Record<string, number> {
  const out: Record<string, number> = {};
  if (!fs.existsSync(file)) return out;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^# (tests|suites|pass|fail|cancelled|skipped|todo) (\d+)\s*$/.exec(line);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

async function main(): Promise<number> {
  const { only, paths, now, skip, sqliteOnly } = parseArgs(process.argv.slice(2));
  let files = collectFiles(only, paths, skip);
  if (files.length === 0) {
    log('no test files found');
    return 1;
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.COSO_TEST_PG_URL;
  delete env.COSO_TEST_SQLITE_TEMPLATE;
  delete env.COSO_TEST_PG_TEMPLATE;
  // One instant for the whole run: the seed and every test process start their clocks from it.
  const clockStart = now ?? process.env.COSO_NOW ?? new Date().toISOString();
  env.COSO_NOW = new Date(parseInstant(clockStart)!).toISOString();
  delete env.COSO_CLOCK;
  log(`clock: COSO_NOW=${env.COSO_NOW} (${now || process.env.COSO_NOW ? 'fixed by --now / COSO_NOW' : 'the real time at the start of the run'}), Vietnam date ${localDateOf(parseInstant(clockStart)!)}`);
  const skipped: string[] = [];
  const problems: string[] = [];

  const needsDb = files.some((f) => !f.startsWith('src/domain/'));
  let cluster: Cluster | undefined;
  let tapDir: string | undefined;
  const cleanup = () => {
    cluster?.stop();
    cluster = undefined;
    if (tapDir) fs.rmSync(tapDir, { recursive: true, force: true });
    tapDir = undefined;
  };
  let child: ChildProcess | undefined;
  const onSignal = (sig: NodeJS.Signals) => {
    log(`${sig}: stopping`);
    child?.kill(sig);
    cleanup();
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    if (needsDb && sqliteOnly) {
      log('--dialect sqlite: no PostgreSQL cluster, the [postgres] suites are not part of this run (chosen, not missing)');
    } else if (needsDb) {
      const bin = findPgBin();
      if (!bin) {
        if (strict) problems.push('PostgreSQL is missing (/usr/lib/postgresql/*/bin/initdb); run `bash .ci/install-system-deps`.');
        else skipped.push('PostgreSQL not found: every [postgres] suite is SKIPPED (only SQLite ran). Install with `bash .ci/install-system-deps`.');
      } else {
        const t0 = Date.now();
        try {
          cluster = await startCluster(bin);
          env.COSO_TEST_PG_URL = cluster.url;
          log(`PostgreSQL (${path.basename(path.dirname(bin))}) at ${cluster.url} started in ${Date.now() - t0} ms`);
        } catch (e) {
          if (strict) problems.push(`PostgreSQL would not start: ${(e as Error).message}`);
          else skipped.push(`PostgreSQL would not start (${(e as Error).message.split('\n')[0]}): [postgres] suites SKIPPED.`);
        }
      }
    }
    const e2e = files.filter((f) => f.startsWith('e2e/'));
    if (e2e.length && !fs.existsSync(CHROMIUM)) {
      if (strict) problems.push(`Chromium is missing (${CHROMIUM}); run \`bash .ci/install-system-deps\`.`);
      else {
        skipped.push(`Chromium not found at ${CHROMIUM}: browser tests SKIPPED: ${e2e.join(', ')}`);
        files = files.filter((f) => !f.startsWith('e2e/'));
      }
    }
    const tools: [string, string][] = [
      ['espeak-ng', 'espeak-ng is missing: the radio bulletin audio is tested only as "unavailable"'],
      ['soffice', 'LibreOffice (soffice) is missing: generated DOCX files are not opened in LibreOffice'],
    ];
    for (const [cmd, what] of tools) {
      if (spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0) continue;
      const msg = `${what}; run \`bash .ci/install-system-deps\`.`;
      if (strict) problems.push(msg);
      else skipped.push(msg);
    }
    if (problems.length) {
      warnLoud(['Cannot run the full suite (CI / COSO_REQUIRE_ALL=1):', ...problems]);
      return 1;
    }
    if (skipped.length) warnLoud(['NOT EVERYTHING IS TESTED:', ...skipped]);
    if (files.length === 0) {
      log('no test files left to run');
      return 1;
    }

    tapDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-tap-'));
    if (needsDb) {
      // Seed the demo data once; every test app copies it (file copy, CREATE DATABASE … TEMPLATE).
      const t0 = Date.now();
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/helpers/template.ts', path.join(tapDir, 'template')], { cwd: root, env: { ...env, NODE_ENV: 'test' }, encoding: 'utf8' });
      if (r.status !== 0) {
        log(`could not build the seeded template databases:\n${r.stderr}${r.stdout}`);
        return 1;
      }
      const t = JSON.parse(r.stdout.trim().split('\n').pop()!) as { sqlite: string; pg?: string };
      env.COSO_TEST_SQLITE_TEMPLATE = t.sqlite;
      if (t.pg) env.COSO_TEST_PG_TEMPLATE = t.pg;
      log(`seeded template databases built in ${Date.now() - t0} ms`);
    }
    const tapFile = path.join(tapDir, 'report.tap');
    const timesFile = path.join(tapDir, 'times.txt');
    // One test file per CPU (measured: a third file on 2 cores made the run slower, not faster); COSO_TEST_CONCURRENCY overrides.
    const cpus = Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
    const concurrency = Number(process.env.COSO_TEST_CONCURRENCY) || cpus;
    const runFiles = groupFiles(files, tapDir);
    const args = [
      '--import', 'tsx', '--test', `--test-concurrency=${concurrency}`,
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
      `--test-reporter=${path.join(root, 'test/helpers/file-times.mjs')}`, `--test-reporter-destination=${timesFile}`,
      ...runFiles,
    ];
    log(`${files.length} test file(s) in ${runFiles.length} process(es), concurrency ${concurrency}${env.COSO_TEST_PG_URL ? ', dialects sqlite + postgres' : ', dialect sqlite only'}`);
    const code = await new Promise<number>((resolve) => {
      child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
      child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0)));
      child.on('error', (e) => { log(`could not start node --test: ${e.message}`); resolve(1); });
    });
    child = undefined;
    if (fs.existsSync(timesFile)) process.stdout.write(fs.readFileSync(timesFile, 'utf8'));
    const sum = readSummary(tapFile);
    const tests = sum.tests ?? 0;
    const failed = (sum.fail ?? 0) + (sum.cancelled ?? 0);
    log(`tests ${tests}, passed ${sum.pass ?? 0}, failed ${sum.fail ?? 0}, cancelled ${sum.cancelled ?? 0}, skipped ${sum.skipped ?? 0}, todo ${sum.todo ?? 0}`);
    if (skipped.length) warnLoud(['Reminder: NOT EVERYTHING WAS TESTED:', ...skipped]);
    if (tests === 0) {
      log('FAIL: zero tests ran');
      return 1;
    }
    if (failed > 0 || code !== 0) {
      log(`FAIL (node --test exit code ${code})`);
      return 1;
    }
    log('OK');
    return 0;
  } finally {
    cleanup();
  }
}

main()
  .catch((e) => {
    log(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  })
  .then((code) => {
    log(`total duration ${elapsed()}`);
    process.exitCode = code;
  });
