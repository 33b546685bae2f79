interface RegistryRow { code: number; name: string; recommended: string; reference: string }
export function tlsGroupTable(): { source: string; groups: RegistryRow[] };
export function signatureSchemeTable(): { source: string; schemes: RegistryRow[] };
