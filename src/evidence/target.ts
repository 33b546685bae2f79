import { Type, type Static } from '@sinclair/typebox';
import { Attempts } from './common.js';
import { DnsEvidence } from './dns.js';
import { DnssecEvidence } from './dnssec.js';
import { ServedChain, TlsEvidence } from './tls.js';
import { CertificateInfo, PkiEvidence } from './certificate.js';
import { EndpointHttp, HttpEvidence } from './http.js';
import { MxEvidence } from './mail.js';
import { DaneEvidence } from './dane.js';
import { CaaEvidence } from './caa.js';

/** An endpoint is (address, port, SNI name); the port is logical (443), never a lab port. */
export const EndpointEvidence = Type.Object(
  {
    address: Type.String(),
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    sni: Type.Union([Type.String(), Type.Null()]),
    attempts: Attempts,
    connections: Type.Optional(Type.Integer({ minimum: 0, description: 'sockets opened to this address:port' })),
    tls: Type.Optional(TlsEvidence),
    certificates: Type.Optional(Type.Array(CertificateInfo)),
    pki: Type.Optional(PkiEvidence),
    /** Every chain the endpoint serves, one per key type it was asked for; the default handshake's first. */
    chains: Type.Optional(Type.Array(ServedChain)),
    http: Type.Optional(EndpointHttp),
  },
  { additionalProperties: true },
);
export type EndpointEvidence = Static<typeof EndpointEvidence>;

/** Everything probes gathered for one target. Later areas add their own keys beside these. */
export const TargetEvidence = Type.Object(
  {
    attempts: Attempts,
    dns: Type.Optional(DnsEvidence),
    dnssec: Type.Optional(DnssecEvidence),
    endpoints: Type.Array(EndpointEvidence),
    http: Type.Optional(HttpEvidence),
    mx: Type.Optional(MxEvidence),
    dane: Type.Optional(DaneEvidence),
    caa: Type.Optional(CaaEvidence),
  },
  { additionalProperties: true },
);
export type TargetEvidence = Static<typeof TargetEvidence>;
