// Client-initiated renegotiation and Ticketbleed (CVE-2016-9244) share one finished handshake:
// node:tls (TLS ≤ 1.2) completes it, keeps the session ticket the server issued, and asks to
// renegotiate. Then a raw hello presents that ticket with a one-byte session id: a server that
// resumes and echoes 32 bytes of session id returns 31 bytes of its memory (only the length is read).
// A server that completes no handshake with node:tls gets a made-up ticket, which only a server that
// resumes anything would accept.
import { randomBytes } from 'node:crypto';
import type tls from 'node:tls';
import { withTimeout } from '../../../engine/budget.js';
import { errorCode } from '../../../engine/errors.js';
import type { TlsVulnerability } from '../../../evidence/tls-vulnerabilities.js';
import { suiteByName } from '../../../tls/cipher-suites.js';
import type { HelloVersion } from '../../../tls/client-hello-builder.js';
import { SCAN_TLS_OPTIONS } from '../handshake.js';
import { helloFlight, legacyHello, legacyVersion, result, type VulnTarget } from './probe-kit.js';

const NODE_VERSIONS: Readonly<Record<string, HelloVersion>> = { TLSv1: 'TLSv1.0', 'TLSv1.1': 'TLSv1.1', 'TLSv1.2': 'TLSv1.2' };
const MADE_UP_TICKET_LENGTH = 64;
const FULL_SESSION_ID = 32;

interface Session {
  version: HelloVersion;
  suite: number;
  ticket: Uint8Array | null;
}

export async function probeSessionReuse(t: VulnTarget): Promise<TlsVulnerability[]> {
  const legacy = legacyVersion(t);
  if (!legacy || legacy.version === 'SSLv3') return [];
  const reneg = await renegotiate(t);
  const session = reneg.session ?? { version: legacy.version, suite: legacy.suites[0]!, ticket: null };
  return [reneg.result, await ticketbleed(t, session, reneg.session !== null)];
}

async function renegotiate(t: VulnTarget): Promise<{ result: TlsVulnerability; session: Session | null }> {
  let socket: tls.TLSSocket;
  try {
    socket = await t.connector.tls({
      address: t.address,
      port: t.port,
      servername: t.sni,
      signal: t.signal,
      options: { ...SCAN_TLS_OPTIONS, ca: [], maxVersion: 'TLSv1.2' },
    });
  } catch (err) {
    return { result: result('client-renegotiation', null, `no complete TLS ≤ 1.2 handshake (${errorCode(err)})`, 1), session: null };
  }
  try {
    const cipher = socket.getCipher();
    const code = suiteByName(cipher.standardName ?? cipher.name).code;
    const version = NODE_VERSIONS[socket.getProtocol() ?? ''];
    const ticket = socket.getTLSTicket();
    const session = code !== null && version ? { version, suite: Number(code), ticket: ticket ? new Uint8Array(ticket) : null } : null;
    const outcome = await withTimeout(t.connector.timeoutMs, t.signal, 'renegotiation', () =>
      new Promise<string | null>((resolve) => {
        const started = socket.renegotiate({ rejectUnauthorized: false }, (err) => resolve(err ? err.message.split('\n')[0]!.slice(0, 120) : null));
        if (!started) resolve('node could not start a renegotiation');
      }),
    ).catch((err: unknown) => `no answer (${errorCode(err)})`);
    const res =
      outcome === null
        ? result('client-renegotiation', true, `the server accepted a renegotiation the client started (${socket.getProtocol()})`, 1)
        : result('client-renegotiation', outcome.startsWith('no answer') ? null : false, `renegotiation refused: ${outcome}`, 1);
    return { result: res, session };
  } finally {
    socket.destroy();
  }
}

async function ticketbleed(t: VulnTarget, s: Session, issued: boolean): Promise<TlsVulnerability> {
  if (issued && !s.ticket) return result('ticketbleed', false, 'the server issued no session ticket', 0);
  const sessionId = new Uint8Array(randomBytes(1));
  const ticket = s.ticket ?? new Uint8Array(randomBytes(MADE_UP_TICKET_LENGTH));
  const opened = await helloFlight(t, legacyHello(t, s.version, [s.suite], { sessionId, sessionTicket: ticket, extendedMasterSecret: true }));
  if (!opened.ok) return result('ticketbleed', null, `${s.version} hello with a session ticket: ${opened.why}`, 1);
  opened.conv.close();
  const echoed = opened.flight.hello.sessionId;
  if (!opened.flight.resumed) {
    return s.ticket
      ? result('ticketbleed', false, 'the ticket was not resumed (full handshake)', 1)
      : result('ticketbleed', null, 'no session ticket to present (no complete handshake)', 1);
  }
  if (echoed.length === FULL_SESSION_ID && echoed[0] === sessionId[0]) {
    return result('ticketbleed', true, `resumed with a ${FULL_SESSION_ID}-byte session id echoed for a 1-byte one`, 1);
  }
  return result('ticketbleed', false, `resumed, session id of ${echoed.length} byte(s) echoed for a 1-byte one`, 1);
}
