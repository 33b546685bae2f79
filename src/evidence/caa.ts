import { Type, type Static } from '@sinclair/typebox';

/** One CAA property (RFC 8659 §4.1). */
export const CaaRecordEvidence = Type.Object(
  {
    flags: Type.Integer({ minimum: 0, maximum: 255 }),
    tag: Type.String(),
    value: Type.String(),
  },
  { additionalProperties: false },
);

/** The relevant CAA RRset for the target, found by climbing the tree (RFC 8659 §3). */
export const CaaEvidence = Type.Object(
  {
    name: Type.Union([Type.String(), Type.Null()], { description: 'where the relevant RRset was found; null when no name up to the TLD has one' }),
    records: Type.Array(CaaRecordEvidence),
    climbed: Type.Array(Type.String(), { description: 'names asked, in order' }),
    rcode: Type.String({ description: 'rcode of the last lookup' }),
    error: Type.Optional(Type.String({ description: 'error code when a lookup failed and the climb stopped' })),
  },
  { additionalProperties: false },
);
export type CaaEvidence = Static<typeof CaaEvidence>;
