export function parseCsv(text: string): string[][];
export function csvRecords(text: string): Array<Record<string, string>>;
