import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forEachDialect } from '../helpers/app.ts';
import { childDatabase, startServer } from '../helpers/server.ts';

/**
 * There is no container runtime on these machines, so this test performs the Dockerfile's build
 * stage by hand: the files its COPY lines name, copied into a clean folder, then its `npm ci
 * --omit=dev` (better-sqlite3 compiled from source), then the image's CMD started there with
 * DATABASE_URL to the run's throwaway PostgreSQL (and on SQLite): /healthz answers, SIGTERM exits 0.
 * It compiles a native addon (about a minute), so only the Node 22 CI job runs it (.ci/node22 sets
 * COSO_CONTAINER_CHECK=1): that is the image's runtime.
 */
const root = path.resolve(import.meta.dirname, '../..');
/** Only the Node 22 job (.ci/node22, COSO_CONTAINER_CHECK=1) builds the image's folder: the main suite registers no test here, rather than a skipped one. */
const enabled = process.env.COSO_CONTAINER_CHECK === '1';

/** The build stage's COPY sources and its npm command, read from the Dockerfile itself. */
function buildStage() {
  const text = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const stage = text.slice(text.indexOf('AS build'), text.indexOf('AS runtime'));
  const copies = [...stage.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1].trim().split(/\s+/));
  const npm = /npm-cli\.js (ci [^&]+)/.exec(stage)?.[1].trim().split(/\s+/);
  const cmd = JSON.parse(/^CMD (\[.+\])$/m.exec(text)![1]) as string[];
  return { copies, npm, cmd };
}

let built: string | undefined;
function buildOnce(): string {
  if (built) return built;
  const { copies, npm } = buildStage();
  assert.ok(copies.includes('package-lock.json') && copies.includes('src'), copies.join(' '));
  assert.deepEqual(npm?.slice(0, 2), ['ci', '--omit=dev']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-image-'));
  for (const c of copies) fs.cpSync(path.join(root, c), path.join(dir, c), { recursive: true });
  const npmCli = fs.realpathSync(spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim());
  const r = spawnSync(process.execPath, [npmCli, ...npm!], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_build_from_source: 'true', npm_config_nodedir: path.resolve(path.dirname(fs.realpathSync(process.execPath)), '..'), PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` }, timeout: 900_000,
  });
  assert.equal(r.status, 0, r.stderr.slice(-2000));
  assert.ok(!fs.existsSync(path.join(dir, 'node_modules/typescript')), 'dev dependencies left out');
  assert.ok(fs.existsSync(path.join(dir, 'node_modules/tsx')), 'tsx (runs the TypeScript server) is a production dependency');
  return (built = dir);
}

if (enabled) forEachDialect('container image steps', (dialect) => {
  test('build stage in a clean folder, then the CMD serves /healthz and stops on SIGTERM', { timeout: 1_000_000 }, async () => {
    const dir = buildOnce();
    assert.deepEqual(buildStage().cmd, ['node', '--import', 'tsx', 'src/server.ts']);
    const db = await childDatabase(dialect);
    const child = await startServer(dir, { DATABASE_URL: db.url });
    try {
      const res = await fetch(`http://127.0.0.1:${child.port}/healthz`);
      assert.deepEqual(await res.json(), { status: 'ok', database: dialect });
      child.proc.kill('SIGTERM');
      assert.equal(await child.exited, 0, child.out());
    } finally {
      if (child.proc.exitCode === null) child.proc.kill('SIGKILL');
      fs.rmSync(child.dataDir, { recursive: true, force: true });
      await db.drop();
    }
  });
});
