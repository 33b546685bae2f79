import { Type, type Static } from '@sinclair/typebox';

/** What happened to one probe: evidence sits beside it, never inside it. */
export const Attempt = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('error'), Type.Literal('skipped')]),
    code: Type.Optional(Type.String({ description: 'ENCSCAN_* error code or skip reason' })),
    detail: Type.Optional(Type.String()),
    ms: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type Attempt = Static<typeof Attempt>;

export const Attempts = Type.Record(Type.String(), Attempt);
export type Attempts = Static<typeof Attempts>;

export const ErrorEntry = Type.Object(
  {
    stage: Type.String(),
    code: Type.String({ pattern: '^ENCSCAN_[A-Z0-9_]+$' }),
    message: Type.String(),
  },
  { additionalProperties: false },
);
export type ErrorEntry = Static<typeof ErrorEntry>;
