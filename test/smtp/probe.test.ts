import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import { createLabPki } from '../../src/lab/pki.js';
import { startSmtpServer, type RunningSmtpServer, type SmtpVariant } from '../../src/lab/smtp-server.js';
import { probeSmtp } from '../../src/probes/smtp/probe.js';
import { LIMITS } from '../../src/probes/smtp/smtp-reply.js';

const VARIANTS: SmtpVariant[] = ['starttls', 'no-starttls', 'starttls-454', 'slow-banner', 'hostile-banner', 'busy', 'injection', 'refused'];
const servers = new Map<SmtpVariant, RunningSmtpServer>();
let leafDer: Uint8Array;

beforeAll(async () => {
  const now = new Date();
  const pki = await createLabPki(now);
  const leaf = await pki.issueLeaf({ names: ['mx.lab.test'], notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 80 * 86_400_000) });
  leafDer = leaf.der;
  for (const variant of VARIANTS) servers.set(variant, await startSmtpServer({ variant, key: leaf.keyPem, cert: leaf.chainPem, bannerDelayMs: 300 }));
});

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

/** Each variant sits at its own logical address on port 25, as the world's port map would say. */
function probe(variant: SmtpVariant, timeoutMs = 3000) {
  const address = `127.0.1.${VARIANTS.indexOf(variant) + 1}`;
  const connector = new Connector({ portMap: new Map([[`${address}:25`, { address: '127.0.0.1', port: servers.get(variant)!.port }]]), maxConnections: 2, timeoutMs });
  return probeSmtp({ connector, address, mx: 'mx.lab.test', helo: 'encscan.invalid' });
}

describe('probeSmtp against the lab SMTP server', () => {
  it('completes STARTTLS and returns the chain', async () => {
    const { evidence, chain } = await probe('starttls');
    expect(evidence).toMatchObject({ address: '127.0.1.1', port: 25, starttls: true, error: null, banner: { code: 220 } });
    expect(evidence.capabilities).toEqual(['PIPELINING', 'SIZE 10240000', 'STARTTLS', '8BITMIME']);
    expect(evidence.tls?.version).toBe('TLSv1.3');
    expect(evidence.certificates.map((c) => c.san.dns)).toEqual([['mx.lab.test'], []]);
    expect(Buffer.from(chain[0]!).equals(leafDer)).toBe(true);
  });

  it('reports a missing STARTTLS', async () => {
    const { evidence } = await probe('no-starttls');
    expect([evidence.starttls, evidence.tls, evidence.error?.code]).toEqual([false, null, 'ENCSCAN_SMTP_NO_STARTTLS']);
    expect(evidence.capabilities).toEqual(['PIPELINING', 'SIZE 10240000', '8BITMIME']);
  });

  it('reports a 454 to STARTTLS', async () => {
    const { evidence } = await probe('starttls-454');
    expect([evidence.starttls, evidence.tls, evidence.error?.code]).toEqual([true, null, 'ENCSCAN_SMTP_STARTTLS_REFUSED']);
  });

  it('waits for a slow banner within the timeout, and gives up past it', async () => {
    expect((await probe('slow-banner')).evidence.error).toBeNull();
    expect((await probe('slow-banner', 100)).evidence.error?.code).toBe('ENCSCAN_TIMEOUT');
  });

  it('bounds a hostile banner and keeps it printable', async () => {
    const { evidence } = await probe('hostile-banner');
    expect(evidence.error?.code).toBe('ENCSCAN_SMTP_REPLY_TOO_LARGE');
    expect(evidence.banner?.lines).toHaveLength(LIMITS.maxLines);
    expect(evidence.banner?.lines[0]).toBe('mx.lab.test ?[31mred?[0m ?]0;title? ?');
  });

  it('reports a 4xx banner with its text', async () => {
    const { evidence } = await probe('busy');
    expect([evidence.error?.code, evidence.banner?.code, evidence.banner?.lines]).toEqual(['ENCSCAN_SMTP_REFUSED', 421, ['4.3.2 mx.lab.test busy, try later']]);
  });

  it('reports a multi-line 5xx banner with all its lines', async () => {
    const { evidence } = await probe('refused');
    expect([evidence.error?.code, evidence.banner, evidence.starttls]).toEqual(['ENCSCAN_SMTP_REFUSED', { code: 554, lines: ['mx.lab.test no SMTP service here', '5.3.2 see you never'] }, false]);
  });

  it('refuses plaintext injected after the STARTTLS 220', async () => {
    expect((await probe('injection')).evidence.error?.code).toBe('ENCSCAN_SMTP_BAD_REPLY');
  });
});
