import { spawn, spawnSync } from 'node:child_process';

let cached: boolean | undefined;
/** Whether espeak-ng (Debian package `espeak-ng`) is on this machine. */
export function hasEspeak(): boolean {
  cached ??= spawnSync('sh', ['-c', 'command -v espeak-ng'], { stdio: 'ignore' }).status === 0;
  return cached;
}

/** Synthesises Vietnamese speech (voice `vi`) as WAV with espeak-ng; null when it is missing or fails. */
export function synthesize(text: string): Promise<Buffer | null> {
  if (!hasEspeak()) return Promise.resolve(null);
  return new Promise((resolve) => {
    const p = spawn('espeak-ng', ['-v', 'vi', '-s', '140', '--stdout'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => p.kill('SIGKILL'), 20000);
    p.stdout.on('data', (b: Buffer) => chunks.push(b));
    p.on('error', () => { clearTimeout(timer); resolve(null); });
    p.on('close', (code) => { clearTimeout(timer); resolve(code === 0 && chunks.length ? Buffer.concat(chunks) : null); });
    p.stdin.end(text.slice(0, 4000));
  });
}

/** A date 'YYYY-MM-DD' as read aloud: "25 tháng 11 năm 2026" (espeak-ng would read "25/11/2026" as a fraction). */
export const spokenDate = (iso: string) => { const [y, m, d] = iso.split('-').map(Number); return `${d} tháng ${m} năm ${y}`; };
