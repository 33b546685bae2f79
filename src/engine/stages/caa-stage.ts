import type { ErrorEntry } from '../../evidence/common.js';
import type { DnssecRrset } from '../../evidence/dnssec.js';
import type { TargetEvidence } from '../../evidence/target.js';
import type { CaaAnswer, CaaRecord } from '../../pki/caa.js';
import type { ZoneDataCache } from '../../probes/dns/dnssec-probe.js';
import { errorCode, errorMessage } from '../errors.js';
import type { GatherContext } from '../gather.js';
import type { Target } from '../target.js';
import { elapsed, failed } from './attempts.js';
import { validatingDns } from './resolve-stage.js';

/**
 * CAA for the target (not for IP literals): the relevant RRset by tree climbing (RFC 8659 §3). A lookup
 * that fails stops the climb; the evidence keeps what was asked and the attempt records the failure.
 * Each lookup is DNSSEC-validated (following CNAMEs); the RRsets it rests on go to `relied`.
 */
export async function caaStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[], relied: DnssecRrset[]): Promise<void> {
  if (target.ip !== 0) {
    ev.attempts['caa'] = { status: 'skipped', code: 'not-resolved' };
    return;
  }
  const started = performance.now();
  try {
    const { findRelevantCaa, parseCaaRdata } = await import('../../pki/caa.js');
    const { typeNumber } = await import('../../dnssec/rr-types.js');
    const dns = await validatingDns(ctx, relied);
    const CAA = typeNumber('CAA');
    // The climb stays in the same zones: their DS and DNSKEY RRsets are fetched once for all its lookups.
    const zoneData: ZoneDataCache = new Map();
    const lookup = async (name: string): Promise<CaaAnswer> => {
      const answer = await dns.lookup(name, CAA, zoneData);
      const records = answer.rdatas.flatMap((rdata): CaaRecord[] => {
        const record = parseCaaRdata(rdata);
        return record ? [record] : [];
      });
      return { rcode: answer.rcode ?? 'SERVFAIL', records, ...(answer.error === undefined ? {} : { error: answer.error }) };
    };
    const caa = await findRelevantCaa(target.host, lookup);
    ev.caa = caa;
    if (caa.error !== undefined || (caa.rcode !== 'NOERROR' && caa.rcode !== 'NXDOMAIN')) {
      const code = caa.error ?? 'ENCSCAN_DNS_SERVFAIL';
      const asked = caa.climbed[caa.climbed.length - 1] ?? target.host;
      ev.attempts['caa'] = { status: 'error', code, detail: `CAA lookup for ${asked}: ${caa.rcode}`, ms: elapsed(started) };
      errors.push({ stage: 'caa', code, message: `CAA lookup for ${asked} failed (${caa.rcode})` });
    } else {
      ev.attempts['caa'] = { status: 'ok', ms: elapsed(started) };
    }
  } catch (err) {
    ev.attempts['caa'] = failed(err, started);
    errors.push({ stage: 'caa', code: errorCode(err), message: errorMessage(err) });
  }
}
