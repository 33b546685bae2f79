import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('CLI usage errors exit 3 with one line on stderr', () => {
  it.each([
    [['scan', 'bad..name'], 'ENCSCAN'],
    [['scan', 'example.org:99999'], 'port'],
    [['scan', '--no-such-flag', 'x'], 'unknown option'],
    [['scan'], 'missing required argument'],
    [['scan', 'example.org', '--timeout', 'soon'], '--timeout'],
    [['scan', 'example.org', '--format', 'yaml'], 'format'],
    [['scan', 'example.org', '--checks', 'tls,nope'], 'nope'],
    [['scan', 'example.org', '--connect-to', 'example.org:443:localhost:8443'], 'IP address'],
    [['scan', 'example.org', '--world', '/nonexistent/world.json'], 'world'],
    [['frobnicate'], 'unknown command'],
    [['scan', 'example.org', '--report', 'pdf=x.pdf'], 'unknown format'],
    [['scan', 'example.org', '--report', 'sarif'], 'FORMAT=PATH'],
  ])('%j', async (args, hint) => {
    const r = await runCli(args);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('(run with --help'));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.toLowerCase()).toContain(hint.toLowerCase().replace('encscan', ''));
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('shows a stack trace only with --debug', async () => {
    const r = await runCli(['scan', '--debug', 'bad..name']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it('prints its version and help, exit 0', async () => {
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    // The launcher answers a lone --version itself; with other options commander does, the same way.
    const slow = await runCli(['--debug', '--version']);
    expect([slow.code, slow.stdout]).toEqual([0, v.stdout]);
    const h = await runCli(['scan', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--connect-to');
  });
});
