import { spawnSync } from 'node:child_process';
import { requireTool } from './require-tool.js';

/**
 * sslscan is a comparison, not an oracle the tests depend on: CI installs it and must have it;
 * elsewhere a missing sslscan is reported in the log and the comparison is not recorded.
 */
export function optionalSslscan(): string | null {
  if (process.env['CI'] === 'true') return requireTool('sslscan', 'sslscan');
  const found = spawnSync('sh', ['-c', 'command -v sslscan'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() !== '' ? found.stdout.trim() : null;
}
