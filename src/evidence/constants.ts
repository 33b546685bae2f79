// Value lists of the report contract, kept apart from the TypeBox schemas so that scanning and
// judging never load the schema library (only validation and schema generation do).

export const AREAS = ['tls', 'certificate', 'http', 'hsts', 'dns', 'dnssec', 'dane', 'mail'] as const;
export const SEVERITIES = ['pass', 'info', 'warn', 'fail'] as const;
export const TLS_GRADES = ['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F', 'T', 'M'] as const;
