import { encodeSvcb } from '../dns/svcb.js';
import type { LabRecord } from './zone.js';

const rr = (name: string, rdata: Uint8Array): LabRecord => ({ name, type: 'HTTPS', data: null, rdata });

/**
 * HTTPS records in example.test. (RFC 9460): a clean ServiceMode record for https-rr.example.test, and for
 * https-rr-broken.example.test one record whose keys are out of order (port before alpn), which clients
 * must drop, plus one that promises h2 and hints at an address the host does not have.
 */
export const LAB_HTTPS_RR_RECORDS: readonly LabRecord[] = [
  rr('https-rr.example.test', encodeSvcb({ priority: 1, target: '.', params: { alpn: ['http/1.1'], ipv4hint: ['127.0.1.60'] } })),
  rr('https-rr-broken.example.test', Uint8Array.from([0, 1, 0, 0, 3, 0, 2, 0x01, 0xbb, 0, 1, 0, 3, 2, 0x68, 0x32])),
  rr('https-rr-broken.example.test', encodeSvcb({ priority: 2, target: '.', params: { alpn: ['h2'], ipv4hint: ['127.0.1.69'] } })),
];
