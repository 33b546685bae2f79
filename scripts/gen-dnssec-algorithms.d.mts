export function dnssecAlgorithmTable(): unknown;
export function rootAnchorTable(): { source: string; records: string[] };
