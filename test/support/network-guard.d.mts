export const violations: string[];
export function drainViolations(): string[];
