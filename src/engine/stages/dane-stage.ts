import type { ErrorEntry } from '../../evidence/common.js';
import type { DaneEvidence, DaneHttps } from '../../evidence/dane.js';
import type { DnssecRrset } from '../../evidence/dnssec.js';
import { type TargetEvidence } from '../../evidence/target.js';
import { errorCode, errorMessage } from '../errors.js';
import type { GatherContext } from '../gather.js';
import type { Target } from '../target.js';
import { elapsed, failed } from './attempts.js';
import { mailDane } from './mail-dane-stage.js';
import { validatingDns } from './resolve-stage.js';
import { expiryOf, hostDnssec, lookupTlsa, tlsaRecords, undecided, type DaneDns } from './tlsa-base.js';

/**
 * DANE for the target (not for IP literals): the TLSA RRset at _<port>._tcp.<host> (or at the name
 * its secure CNAMEs lead to) with its DNSSEC status, matched against the chain the tls stage received
 * (awaited, so no second handshake), and for mail every MX of the domain (mail-dane-stage.ts).
 */
export async function daneStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[], tls: Promise<void>, relied: DnssecRrset[]): Promise<void> {
  if (target.ip !== 0) {
    ev.attempts['dane'] = { status: 'skipped', code: 'not-resolved' };
    return;
  }
  const started = performance.now();
  const { typeNumber } = await import('../../dnssec/rr-types.js');
  try {
    const validating = await validatingDns(ctx, relied);
    const dns: DaneDns = { ...validating, lookup: (name, type) => validating.lookup(name, typeNumber(type)) };
    const [https, mail] = await Promise.all([tls.then(() => httpsDane(target, ctx, ev, dns, errors)), mailDane(target.host, ctx, dns, errors)]);
    const dane: DaneEvidence = { mail: mail.mail };
    if (https) dane.https = https;
    if (mail.nullMx) dane.nullMx = true;
    ev.dane = dane;
    ev.attempts['dane'] = { status: 'ok', ms: elapsed(started) };
  } catch (err) {
    ev.attempts['dane'] = failed(err, started);
    errors.push({ stage: 'dane', code: errorCode(err), message: errorMessage(err) });
  }
}

/** The worst endpoint's match; omitted when no endpoint sent a chain or the TLSA answer is undecided. */
async function httpsDane(target: Target, ctx: GatherContext, ev: TargetEvidence, dns: DaneDns, errors: ErrorEntry[]): Promise<DaneHttps | undefined> {
  const endpoints = ev.endpoints.filter((ep) => (ep.certificates?.length ?? 0) > 0);
  if (endpoints.length === 0) return undefined;
  const cnameTarget = ev.dns?.cnames.at(-1)?.target;
  const alias = cnameTarget === undefined ? undefined : (await hostDnssec(dns, target.host, cnameTarget)).expanded;
  const { name, answer, names } = await lookupTlsa(target.port, target.host, alias, dns.lookup);
  if (undecided(`${name} TLSA`, answer.status, answer.message ?? answer.reason, errors)) return undefined;
  const { matchTlsa } = await import('../../dane/match-tlsa.js');
  const { rolloverReadiness } = await import('../../dane/rollover.js');
  const { daneVerdict, worstIndex } = await import('../../dane/verdict.js');
  const records = await tlsaRecords(answer);
  const chains = endpoints.map((ep) => ep.certificates!.map((c) => new Uint8Array(Buffer.from(c.der, 'base64'))));
  const results = await Promise.all(chains.map((chain) => matchTlsa({ records, chain, roots: ctx.roots, names, now: ctx.now, mode: 'https' })));
  const verdicts = results.map((r) => daneVerdict(answer.status, records.length, r.verdict));
  const worst = worstIndex(verdicts);
  const result = results[worst]!;
  const verdict = verdicts[worst]!;
  const rollover = rolloverReadiness(result.records);
  return {
    name: `${name}.`,
    dnssec: answer.status,
    records: result.records,
    verdict,
    depth: result.depth,
    failure: result.failure,
    rolloverReady: verdict === 'valid' && rollover.ready,
    rollover,
    ...(alias ? { expanded: alias } : {}),
    ...(await expiryOf(endpoints[worst]!.certificates!, verdict === 'valid' ? result.depth : null)),
  };
}
