// Fuzz targets for the parsers of untrusted input outside the TLS codec (whose targets are in
// test/tls/fuzz-harness.ts): heartbeat, ROBOT premaster, DH group lookup, SCTs, caIssuers bodies,
// OCSP responses, CRLs, X.509 certificates, DNS messages, SVCB, CAA, TLSA, SMTP replies and the HTTP policy files.
// Each names the only error its parser may throw; text parsers get the bytes as Latin-1 text.
// Used by parsers.test.ts and scripts/fuzz-parsers.mjs.
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import dnsPacket from 'dns-packet';
import { DecodeError } from '../../src/engine/errors.js';
import { decodeSvcb } from '../../src/dns/svcb.js';
import { decodeMessage } from '../../src/dnssec/wire.js';
import { parseTlsaRdata } from '../../src/dane/tlsa-record.js';
import { parseHsts } from '../../src/http/hsts.js';
import { parseMtaStsPolicy, parseMtaStsTxt } from '../../src/http/mta-sts.js';
import { preloadHeaderIssues } from '../../src/http/preload-header.js';
import { parsePreloadList } from '../../src/http/preload-list.js';
import { parseSecurityTxt } from '../../src/http/security-txt.js';
import { parseTlsRptTxt } from '../../src/http/tls-rpt.js';
import { createLabPki } from '../../src/lab/pki.js';
import { labOcspResponder } from '../../src/lab/lab-ocsp.js';
import { decodeCaIssuers } from '../../src/pki/ca-issuers.js';
import { parseCaaRdata } from '../../src/pki/caa.js';
import { certificateLinks } from '../../src/pki/cert-links.js';
import { parseCertificate } from '../../src/pki/cert-fields.js';
import { judgeCrl } from '../../src/pki/crl.js';
import { judgeOcspResponse } from '../../src/pki/ocsp-response.js';
import { parseSctExtension, parseSctList } from '../../src/pki/sct-list.js';
import { ReplyReader } from '../../src/probes/smtp/smtp-reply.js';
import { SmtpError } from '../../src/probes/smtp/smtp-error.js';
import { parseSct } from '../../src/probes/tls/sct.js';
import { dhGroupPrime, knownDhGroup } from '../../src/tls/dh-groups.js';
import { encodeHeartbeatRequest, encodeHeartbeatResponse, parseHeartbeatLengths } from '../../src/tls/heartbeat.js';
import { classifyPremaster } from '../../src/tls/rsa-pkcs1.js';
import { input, prng, SLOW_CASE_MS, type FuzzResult, type FuzzTarget } from '../tls/fuzz-harness.js';

/** A parser that answers asynchronously (it awaits crypto or a socket). */
export interface AsyncFuzzTarget extends Omit<FuzzTarget, 'run'> {
  run(input: Uint8Array): Promise<unknown>;
}

const anyDecodeError = (err: unknown): string | null => (err instanceof DecodeError ? err.code : null);
const neverThrows = (): null => null;
const text = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

/** A SignedCertificateTimestamp (RFC 6962 §3.2) with an empty extension and a short signature. */
function sct(logByte: number): Uint8Array {
  return Uint8Array.from([0, ...new Uint8Array(32).fill(logByte), 0, 0, 1, 0x8f, 0, 0, 0, 0, 0, 0, 4, 3, 0, 2, 0xaa, 0xbb]);
}
function sctList(entries: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(entries.map((e) => Buffer.concat([Buffer.from([e.length >> 8, e.length & 0xff]), e])));
  return new Uint8Array(Buffer.concat([Buffer.from([body.length >> 8, body.length & 0xff]), body]));
}

/** A response with compressed names and several record types, as a resolver sends. */
function dnsResponse(): Uint8Array {
  return new Uint8Array(
    dnsPacket.encode({
      type: 'response',
      id: 7,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.AUTHENTIC_DATA,
      questions: [{ type: 'A', name: 'www.a.test' }],
      answers: [
        { type: 'CNAME', name: 'www.a.test', ttl: 60, data: 'a.test' },
        { type: 'A', name: 'a.test', ttl: 60, data: '127.0.0.1' },
        { type: 'TXT', name: 'a.test', ttl: 60, data: 'v=STSv1; id=1' },
      ],
      authorities: [{ type: 'NS', name: 'a.test', ttl: 60, data: 'ns.a.test' }],
    }),
  );
}

/** Feeds `input` to a reply reader as one server would, then reads replies until the reader gives up. */
async function readReplies(b: Uint8Array): Promise<number> {
  const socket = Object.assign(new EventEmitter(), { pause: () => undefined });
  const reader = new ReplyReader(socket as never);
  socket.emit('data', Buffer.from(b));
  socket.emit('end');
  const signal = AbortSignal.timeout(SLOW_CASE_MS);
  for (let n = 0; ; n++) {
    try {
      await reader.read(signal);
    } catch (err) {
      if (err instanceof SmtpError && err.code === 'ENCSCAN_SMTP_CLOSED' && n > 0) return n;
      throw err;
    }
  }
}

/** The synchronous targets and the asynchronous ones, with seeds from the lab PKI. */
export async function parserFuzzTargets(): Promise<{ sync: FuzzTarget[]; async: AsyncFuzzTarget[] }> {
  const now = new Date('2026-06-01T00:00:00Z');
  const lab = await createLabPki(now);
  const issued = await lab.issueLeaf({
    names: ['a.test'],
    notBefore: now,
    notAfter: new Date(now.getTime() + 86_400_000),
    aia: { caIssuers: 'http://aia.a.test/ca.cer', ocsp: 'http://ocsp.a.test/' },
    mustStaple: true,
  });
  const leaf = parseCertificate(issued.der);
  const issuer = parseCertificate(lab.intermediateDer);
  const responder = labOcspResponder(lab, now);
  const good = responder.staple(issued.der);
  responder.revoke(issued.der);
  const revoked = responder.staple(issued.der);
  const crl = await responder.crl();
  const scts = sctList([sct(1), sct(2)]);
  const prime = (name: string) => hex(dhGroupPrime(name)!.toString(16));
  const premaster = Uint8Array.from([0, 2, ...new Uint8Array(205).fill(0x5a), 0, 3, 3, ...new Uint8Array(46).fill(7)]);
  const hsts = ['max-age=31536000; includeSubDomains; preload', 'max-age="0"', 'max-age=1, max-age=2;;preload', ''];
  const securityTxt = 'Contact: mailto:security@a.test\nExpires: 2027-01-01T00:00:00Z\nPreferred-Languages: en, de\nCanonical: https://a.test/.well-known/security.txt\n';
  const signedTxt = `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n${securityTxt}-----BEGIN PGP SIGNATURE-----\nAAAA\n-----END PGP SIGNATURE-----\n`;
  const preloadList = '{\n  // comment\n  "entries": [\n    { "name": "a.test", "policy": "bulk-1-year", "mode": "force-https", "include_subdomains": true }\n  ]\n}\n';

  const sync: FuzzTarget[] = [
    { name: 'Heartbeat', seeds: [encodeHeartbeatRequest(Uint8Array.of(1, 2, 3), 0x4000), encodeHeartbeatResponse(new Uint8Array(20))], run: (b) => (parseHeartbeatLengths(b), null) },
    { name: 'ROBOT premaster', seeds: [premaster], run: (b) => (classifyPremaster(b, 0x0303), null), parserError: neverThrows },
    { name: 'DH group lookup', seeds: [prime('RFC 2409 group 2'), prime('RFC 3526 group 14')], run: (b) => (knownDhGroup(b), null), parserError: neverThrows },
    { name: 'SCT list', seeds: [scts, sctList([])], run: (b) => (parseSctList(b), null), parserError: anyDecodeError },
    { name: 'SCT extension', seeds: [Uint8Array.from([0x04, scts.length, ...scts])], run: (b) => (parseSctExtension(b), null), parserError: anyDecodeError },
    { name: 'SCT (TLS extension)', seeds: [sct(3)], run: (b) => (parseSct(b), null), parserError: neverThrows },
    { name: 'caIssuers body', seeds: [lab.intermediateDer, bytes(lab.intermediatePem)], run: (b) => (decodeCaIssuers(b), null), parserError: anyDecodeError },
    { name: 'CRL', seeds: [crl], run: (b) => (judgeCrl(b, leaf, issuer, now, 'http://crl.a.test/a.crl'), null), parserError: neverThrows },
    { name: 'X.509 certificate', seeds: [issued.der, lab.intermediateDer], run: (b) => (parseCertificate(b), null), parserError: anyDecodeError },
    { name: 'DNS message', seeds: [dnsResponse()], run: (b) => (decodeMessage(b), null), parserError: anyDecodeError },
    { name: 'certificate links', seeds: [issued.der], run: (b) => (certificateLinks(b), null), parserError: neverThrows },
    { name: 'SVCB/HTTPS RDATA', seeds: [hex('0001 00 0001 0006 02683202683308 0003 0002 01bb'), hex('0000 03636466076578616d706c6500'), hex('0001 00 0004 0004 c0000201 0007 000b 2f646e733f7b3f646e737d')], run: (b) => (decodeSvcb(b), null), parserError: anyDecodeError },
    { name: 'CAA RDATA', seeds: [Uint8Array.from([0, 5, ...bytes('issueca.a.test; account=1')]), Uint8Array.from([0x80, 3, ...bytes('tbsx')])], run: (b) => (parseCaaRdata(b), null), parserError: anyDecodeError },
    { name: 'TLSA RDATA', seeds: [Uint8Array.from([3, 1, 1, ...new Uint8Array(32)])], run: (b) => (parseTlsaRdata(b), null), parserError: neverThrows },
    { name: 'HSTS header', seeds: hsts.map(bytes), run: (b) => (parseHsts(text(b).split('\n')), preloadHeaderIssues(text(b)), null), parserError: neverThrows },
    { name: 'security.txt', seeds: [bytes(securityTxt), bytes(signedTxt)], run: (b) => (parseSecurityTxt('https://a.test/.well-known/security.txt', 'text/plain; charset=utf-8', b), null), parserError: neverThrows },
    { name: 'MTA-STS TXT', seeds: [bytes('v=STSv1; id=20260601T000000'), bytes('v=STSv1;id=a\nv=STSv1')], run: (b) => (parseMtaStsTxt(text(b).split('\n')), null), parserError: neverThrows },
    { name: 'MTA-STS policy', seeds: [bytes('version: STSv1\r\nmode: enforce\r\nmx: mail.a.test\r\nmx: *.a.test\r\nmax_age: 604800\r\n')], run: (b) => (parseMtaStsPolicy(text(b)), null), parserError: neverThrows },
    { name: 'TLS-RPT TXT', seeds: [bytes('v=TLSRPTv1; rua=mailto:tlsrpt@a.test,https://a.test/r')], run: (b) => (parseTlsRptTxt(text(b).split('\n')), null), parserError: neverThrows },
    { name: 'HSTS preload list', seeds: [bytes(preloadList)], run: (b) => (parsePreloadList(text(b)), null), parserError: anyDecodeError },
  ];
  const async: AsyncFuzzTarget[] = [
    { name: 'OCSP response', seeds: [good, revoked], run: (b) => judgeOcspResponse(b, leaf, issuer, now), parserError: neverThrows },
    {
      name: 'SMTP replies',
      seeds: [bytes('220 mx.a.test ESMTP\r\n'), bytes('250-mx.a.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n220 go ahead\r\n')],
      run: readReplies,
      parserError: (err) => (err instanceof SmtpError ? err.code : null),
    },
  ];
  return { sync, async };
}

/** fuzz() of fuzz-harness.ts for a parser that answers asynchronously; there is no re-encoding to compare. */
export async function fuzzAsync(target: AsyncFuzzTarget, cases: number, seed: number): Promise<FuzzResult> {
  const rand = prng(seed);
  const result: FuzzResult = { target: target.name, cases, accepted: 0, rejected: 0, codes: {}, maxMs: 0, failures: [] };
  for (let i = 0; i < cases && result.failures.length < 10; i++) {
    const b = input(target, rand);
    const t0 = performance.now();
    try {
      await target.run(b);
      result.accepted++;
    } catch (err) {
      const code = target.parserError?.(err) ?? null;
      if (code === null) result.failures.push(`case ${i}: ${String(err)} for ${Buffer.from(b).toString('hex')}`);
      else {
        result.rejected++;
        result.codes[code] = (result.codes[code] ?? 0) + 1;
      }
    }
    const ms = performance.now() - t0;
    if (ms > SLOW_CASE_MS) result.failures.push(`case ${i}: took ${ms.toFixed(0)} ms`);
    result.maxMs = Math.max(result.maxMs, ms);
  }
  return result;
}
