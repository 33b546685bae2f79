import type { Report, TargetResult } from '../evidence/report.js';

/** 0 pass, 1 policy failed, 3 usage (raised before any scan), 4 could not decide. */
export const EXIT = { pass: 0, policyFailed: 1, usage: 3, incomplete: 4 } as const;

/** The gate was evaluated against the policy when the target was judged (src/report/policy.ts). */
export function targetExitCode(t: TargetResult): number {
  if (t.gate.passed === null) return EXIT.incomplete;
  return t.gate.passed ? EXIT.pass : EXIT.policyFailed;
}

const RANK: number[] = [EXIT.pass, EXIT.policyFailed, EXIT.incomplete, EXIT.usage];

/** Across targets the most serious wins: 3 > 4 > 1 > 0. */
export function reportExitCode(report: Report): number {
  return report.targets.map(targetExitCode).reduce<number>((worst, code) => (RANK.indexOf(code) > RANK.indexOf(worst) ? code : worst), EXIT.pass);
}
