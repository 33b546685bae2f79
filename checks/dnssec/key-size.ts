import { FIXED_KEY_BITS, isRsaAlgorithm } from '../../src/dnssec/key-size.js';
import { algorithmPolicy } from '../../src/dnssec/algorithms.js';
import { defineCheck } from '../../src/evidence/check.js';

/** RSA moduli: below 1024 bits no longer resists factoring; 2048 is the recommended floor (Zonemaster DNSSEC14); RFC 3110 §2 caps at 4096. */
const RSA_MIN = 1024;
const RSA_RECOMMENDED = 2048;
const RSA_MAX = 4096;

export default defineCheck({
  id: 'dnssec.key-size',
  area: 'dnssec',
  title: 'DNSKEY sizes',
  cite: ['RFC 3110 §2', 'RFC 6605 §4', 'RFC 8080 §3', 'RFC 6781 §3.4.2'],
  needs: ['dnssec'],
  outcomes: {
    ok: { text: 'every DNSKEY on the chain has a sound size for its algorithm' },
    'rsa-below-recommended': {
      text: '{zone} publishes a {bits}-bit {mnemonic} key (tag {keyTag}), below the recommended {recommended} bits',
      fix: 'Roll key {keyTag} of {zone} to a {recommended}-bit RSA key, or better to ECDSA P-256 (algorithm 13), with a pre-published key rollover (RFC 6781 §4.1).',
    },
    'rsa-too-small': {
      text: '{zone} publishes a {bits}-bit {mnemonic} key (tag {keyTag}); RSA keys under {min} bits can be factored',
      fix: 'Replace key {keyTag} of {zone} now with a {recommended}-bit RSA or an ECDSA P-256 (algorithm 13) key; signatures it makes can be forged.',
    },
    'rsa-too-large': {
      text: '{zone} publishes a {bits}-bit {mnemonic} key (tag {keyTag}), above the {max} bits RFC 3110 allows',
      fix: 'Replace key {keyTag} of {zone} with a {recommended}-bit RSA or an ECDSA P-256 (algorithm 13) key; validators may refuse larger RSA keys.',
    },
    'bad-length': {
      text: '{zone} publishes a {mnemonic} key (tag {keyTag}) of {bits} bits, but that algorithm\'s keys are {expected} bits',
      fix: 'Regenerate key {keyTag} of {zone} with your signer and publish it as the signer exports it; a malformed key validates nothing.',
    },
  },
  applies: (ev) => ev.dnssec !== undefined && ev.dnssec.chain.some((z) => z.dnskeys.length > 0),
  run: ({ dnssec }, ctx) => {
    const out = dnssec!.chain.flatMap((z) =>
      z.dnskeys.flatMap((k) => {
        const p = { zone: z.zone, keyTag: k.keyTag, bits: k.bits, mnemonic: algorithmPolicy(k.algorithm).mnemonic, recommended: RSA_RECOMMENDED };
        const expected = FIXED_KEY_BITS[k.algorithm];
        if (expected !== undefined) return k.bits === expected ? [] : [ctx.emit('bad-length', { ...p, expected })];
        if (!isRsaAlgorithm(k.algorithm)) return [];
        if (k.bits < RSA_MIN) return [ctx.emit('rsa-too-small', { ...p, min: RSA_MIN })];
        if (k.bits > RSA_MAX) return [ctx.emit('rsa-too-large', { ...p, max: RSA_MAX })];
        return k.bits < RSA_RECOMMENDED ? [ctx.emit('rsa-below-recommended', p)] : [];
      }),
    );
    return out.length > 0 ? out : [ctx.emit('ok', {})];
  },
});
