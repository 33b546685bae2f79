/**
 * Error codes that mean "we could not find out" rather than "the server said no": a timeout or an
 * exhausted budget makes the target incomplete (exit 4) and must never turn into a policy verdict.
 */
const INCONCLUSIVE = new Set([
  'ENCSCAN_TIMEOUT',
  'ENCSCAN_DNS_TIMEOUT',
  'ENCSCAN_CIRCUIT_OPEN',
  'ENCSCAN_BUDGET_EXHAUSTED',
  'ENCSCAN_ABORTED',
  'ENCSCAN_INTERNAL',
]);

export function isInconclusive(code: string | undefined): boolean {
  return code !== undefined && INCONCLUSIVE.has(code);
}
