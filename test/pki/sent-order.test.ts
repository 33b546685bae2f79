import { beforeAll, describe, expect, it } from 'vitest';
import { createLabPki, type LabPki } from '../../src/lab/pki.js';
import { parseCertificate } from '../../src/pki/cert-fields.js';
import { describeSentChain } from '../../src/pki/sent-order.js';

const now = new Date('2026-06-01T00:00:00Z');
let lab: LabPki;
let leaf: Uint8Array;
let stranger: Uint8Array;
const fp = (der: Uint8Array) => parseCertificate(der).sha256;

beforeAll(async () => {
  lab = await createLabPki(now);
  leaf = (await lab.issueLeaf({ names: ['a.test'], notBefore: now, notAfter: new Date(now.getTime() + 86_400_000) })).der;
  stranger = (await createLabPki(now)).intermediateDer;
});

describe('describeSentChain (RFC 5246 §7.4.2)', () => {
  it('leaf, intermediate: in order, nothing extra', () => {
    const path = [fp(leaf), fp(lab.intermediateDer), fp(lab.rootDer)];
    expect(describeSentChain([leaf, lab.intermediateDer], path)).toEqual({ fingerprints: path.slice(0, 2), inOrder: true, rootSent: false, unused: [] });
  });

  it('leaf, root, intermediate: out of order, root sent', () => {
    const path = [fp(leaf), fp(lab.intermediateDer), fp(lab.rootDer)];
    expect(describeSentChain([leaf, lab.rootDer, lab.intermediateDer], path)).toMatchObject({ inOrder: false, rootSent: true, unused: [] });
  });

  it('an intermediate no path uses', () => {
    const path = [fp(leaf), fp(lab.intermediateDer), fp(lab.rootDer)];
    expect(describeSentChain([leaf, lab.intermediateDer, stranger], path)).toMatchObject({ inOrder: false, rootSent: false, unused: [fp(stranger)] });
  });

  it('skips what does not decode', () => {
    expect(describeSentChain([leaf, new Uint8Array([1, 2, 3])], [fp(leaf)]).fingerprints).toEqual([fp(leaf)]);
  });
});
