export function checkFiles(): string[];
export function renderRegistry(): string;
