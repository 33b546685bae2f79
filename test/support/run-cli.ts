import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/package-root.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real bin/encscan (compiled dist/) under the network guard, which exits 99 on any stray socket. */
export function runCli(args: string[], timeoutMs = 60_000, extraEnv: Record<string, string> = {}): Promise<CliRun> {
  const guard = join(PACKAGE_ROOT, 'test', 'support', 'network-guard.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'encscan'), ...args], {
      env: { ...process.env, NODE_OPTIONS: `--import=${guard}`, ENCSCAN_NETWORK_GUARD: 'exit', NO_COLOR: '1', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
