import { Type, type Static } from '@sinclair/typebox';
import { SEVERITIES, TLS_GRADES } from '../evidence/constants.js';

/** A CI gate. Any policy replaces the default one ("no finding at level fail"). */
export const Policy = Type.Object(
  {
    failOn: Type.Optional(Type.Union(SEVERITIES.map((s) => Type.Literal(s)), { description: 'lowest severity that fails the gate (default fail)' })),
    minGrade: Type.Optional(Type.Union(TLS_GRADES.map((g) => Type.Literal(g)))),
    categories: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 100 }), { description: 'minimum score per category id' })),
    forbid: Type.Optional(Type.Array(Type.String(), { description: 'finding ids (or id prefixes ending in *) that must never appear' })),
    levels: Type.Optional(Type.Record(Type.String(), Type.Union(SEVERITIES.map((s) => Type.Literal(s))), { description: 'severity overrides by finding id' })),
    waivers: Type.Optional(
      Type.Array(
        Type.Object(
          {
            finding: Type.String(),
            target: Type.Optional(Type.String({ description: 'host the waiver is limited to' })),
            expires: Type.String({ format: 'date' }),
            reason: Type.String({ minLength: 1 }),
          },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);
export type Policy = Static<typeof Policy>;

