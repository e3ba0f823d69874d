import { readFileSync } from 'node:fs';
/**
 * A test reporter (plain ESM, loaded by `node --test` as a reporter) that lists the slowest test files
 * with their wall time (each file runs in its own process; `test:complete` of the file-level test,
 * named after the file, carries its duration): the list to read first when the suite gets slower.
 */
/** A group of files sharing a process (test/run.ts) names them on its first line. */
function groupOf(file) {
  try {
    const first = readFileSync(file, 'utf8').split('\n')[0];
    return first.startsWith('// ') ? `[${first.slice(3)}]` : file;
  } catch {
    return file;
  }
}

export default async function* fileTimes(source) {
  const byFile = new Map();
  for await (const event of source) {
    const d = event.data;
    if (event.type === 'test:complete' && d.nesting === 0 && d.name === d.file && d.details) byFile.set(d.file, d.details.duration_ms ?? 0);
  }
  const root = process.cwd() + '/';
  const rows = [...byFile].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((s, [, ms]) => s + ms, 0);
  yield `[test/run] wall time per test file (${rows.length} files, ${(total / 1000).toFixed(0)} s added up), slowest first:\n`;
  for (const [file, ms] of rows.slice(0, Number(process.env.COSO_TEST_SLOWEST) || 30)) {
    yield `[test/run]   ${(ms / 1000).toFixed(1).padStart(7)} s  ${file.startsWith(root) ? file.slice(root.length) : groupOf(file)}\n`;
  }
}
