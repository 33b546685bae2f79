import { encodeSvcb } from '../dns/svcb.js';
import type { LabRecord } from './zone.js';

const rr = (name: string, rdata: Uint8Array): LabRecord => ({ name, type: 'HTTPS', data: null, rdata });
const alias = (name: string, target: string): LabRecord => rr(name, encodeSvcb({ priority: 0, target: `${target}.`, params: {} }));

/** An alias target whose HTTPS RRset is served without RRSIG in the signed zone: a bogus hop. */
const BOGUS_TARGET = 'unsigned.https-rr-bogus.example.test';
export const LAB_HTTPS_RR_UNSIGNED: readonly string[] = [BOGUS_TARGET];

/** Where https-rr-alias.example.test aliases its HTTPS service: a name on the same server (its address is the host's). */
const ALIAS_TARGET = 'svc.https-rr-alias.example.test';

/**
 * HTTPS records in example.test. (RFC 9460): a clean ServiceMode record for https-rr.example.test, and for
 * https-rr-broken.example.test one record whose keys are out of order (port before alpn), which clients
 * must drop, plus one that promises h2 and hints at an address the host does not have.
 * https-rr-alias.example.test is AliasMode to a name with a clean ServiceMode record (RFC 9460 §2.4.2);
 * https-rr-loop.example.test aliases to a name that aliases back to it, and https-rr-bogus.example.test to a
 * name whose records lack their signatures.
 */
export const LAB_HTTPS_RR_RECORDS: readonly LabRecord[] = [
  rr('https-rr.example.test', encodeSvcb({ priority: 1, target: '.', params: { alpn: ['http/1.1'], ipv4hint: ['127.0.1.60'] } })),
  rr('https-rr-broken.example.test', Uint8Array.from([0, 1, 0, 0, 3, 0, 2, 0x01, 0xbb, 0, 1, 0, 3, 2, 0x68, 0x32])),
  rr('https-rr-broken.example.test', encodeSvcb({ priority: 2, target: '.', params: { alpn: ['h2'], ipv4hint: ['127.0.1.69'] } })),
  alias('https-rr-alias.example.test', ALIAS_TARGET),
  rr(ALIAS_TARGET, encodeSvcb({ priority: 1, target: '.', params: { alpn: ['http/1.1'], ipv4hint: ['127.0.1.66'] } })),
  { name: ALIAS_TARGET, type: 'A', data: '127.0.1.66' },
  alias('https-rr-loop.example.test', 'loop.https-rr-loop.example.test'),
  alias('loop.https-rr-loop.example.test', 'https-rr-loop.example.test'),
  alias('https-rr-bogus.example.test', BOGUS_TARGET),
  rr(BOGUS_TARGET, encodeSvcb({ priority: 1, target: '.', params: { alpn: ['http/1.1'] } })),
];
