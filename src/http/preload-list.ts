// A snapshot of Chromium's HSTS preload list (net/http/transport_security_state_static.json), as the user
// provides it: encscan bundles none and never downloads one. The file is JSON with whole-line `//` comments.
import { DecodeError } from '../engine/errors.js';
import type { PreloadListEvidence } from '../evidence/http.js';

export interface PreloadEntry {
  /** "force-https" for HSTS entries; absent on pinning-only entries. */
  mode: string | null;
  includeSubdomains: boolean;
}

export interface PreloadList {
  entries: ReadonlyMap<string, PreloadEntry>;
}

/** A parsed list with the provenance stamped into the evidence. */
export interface PreloadSnapshot {
  file: string;
  /** ISO 8601: the file's modification time. */
  date: string;
  list: PreloadList;
}

/** Parses the file's text; DecodeError when it is not the Chromium format. */
export function parsePreloadList(text: string): PreloadList {
  // Chromium's file carries comments on lines of their own; JSON strings never start a line with //.
  const json = text
    .split('\n')
    .map((line) => (line.trimStart().startsWith('//') ? '' : line))
    .join('\n');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new DecodeError(`not JSON: ${(err as Error).message}`);
  }
  const list = (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) throw new DecodeError('no "entries" array');
  const entries = new Map<string, PreloadEntry>();
  for (const [i, e] of list.entries()) {
    const entry = e as { name?: unknown; mode?: unknown; include_subdomains?: unknown } | null;
    if (typeof entry?.name !== 'string' || entry.name === '') throw new DecodeError(`entry ${i} has no name`);
    entries.set(entry.name.toLowerCase().replace(/\.$/, ''), {
      mode: typeof entry.mode === 'string' ? entry.mode : null,
      includeSubdomains: entry.include_subdomains === true,
    });
  }
  return { entries };
}

/**
 * Whether the list forces HTTPS on `host`: an entry for the host itself, or for a parent domain with
 * include_subdomains (as Chromium looks names up, from the full name towards the root).
 */
export function preloadMembership(list: PreloadList, host: string): Omit<PreloadListEvidence, 'file' | 'date' | 'entries'> {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  for (let i = 0; i < labels.length; i++) {
    const name = labels.slice(i).join('.');
    const entry = list.entries.get(name);
    if (entry === undefined || (i > 0 && !entry.includeSubdomains)) continue;
    return { preloaded: entry.mode === 'force-https', entry: name, mode: entry.mode, includeSubdomains: entry.includeSubdomains };
  }
  return { preloaded: false, entry: null, mode: null, includeSubdomains: false };
}
