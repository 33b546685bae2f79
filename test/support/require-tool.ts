import { spawnSync } from 'node:child_process';

/** Interop tests never skip silently: a missing tool fails with what to install. */
export function requireTool(command: string, debianPackage: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  if (found.status !== 0 || found.stdout.trim() === '') {
    throw new Error(`interop test needs "${command}": install it with apt-get install -y ${debianPackage}`);
  }
  return found.stdout.trim();
}
