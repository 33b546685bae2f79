import type { ErrorEntry } from '../../evidence/common.js';
import type { TargetEvidence } from '../../evidence/target.js';
import type { CaaAnswer, CaaRecord } from '../../pki/caa.js';
import { errorCode, errorMessage } from '../errors.js';
import type { GatherContext } from '../gather.js';
import type { Target } from '../target.js';
import { elapsed, failed } from './attempts.js';
import { dnsClient } from './resolve-stage.js';

/**
 * CAA for the target (not for IP literals): the relevant RRset by tree climbing (RFC 8659 §3). A lookup
 * that fails stops the climb; the evidence keeps what was asked and the attempt records the failure.
 */
export async function caaStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<void> {
  if (target.ip !== 0) {
    ev.attempts['caa'] = { status: 'skipped', code: 'not-resolved' };
    return;
  }
  const started = performance.now();
  try {
    const { findRelevantCaa } = await import('../../pki/caa.js');
    const client = await dnsClient(ctx);
    const lookup = async (name: string): Promise<CaaAnswer> => {
      const result = await client.lookup(name, 'CAA');
      // The resolver follows CNAMEs: the CAA records at the end of the chain count for the name asked.
      const records = result.answers.flatMap((a): CaaRecord[] => {
        if (a.type !== 'CAA') return [];
        const data = a.data as { flags?: number; tag: string; value: string };
        return [{ flags: data.flags ?? 0, tag: data.tag, value: data.value }];
      });
      return { rcode: result.rcode, records, ...(result.error === undefined ? {} : { error: result.error }) };
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
