export function cipherSuiteTable(): { source: string; suites: Array<{ code: string; name: string; recommended: string; reference: string }> };
