// Alert records (RFC 5246 §7.2, RFC 8446 §6): a level and a description, named from
// alert-descriptions.json.
import { write } from './byte-writer.js';
import { tlsReader } from './reader.js';
import { alertDescriptionName, alertLevelName } from './registry.js';

export interface Alert {
  level: number;
  levelName: string | null;
  description: number;
  descriptionName: string | null;
}

/** One alert: the fragment of an alert record, exactly two bytes. */
export function parseAlert(fragment: Uint8Array): Alert {
  const r = tlsReader(fragment, 'Alert');
  const level = r.u8('level');
  const description = r.u8('description');
  r.done();
  return { level, levelName: alertLevelName(level), description, descriptionName: alertDescriptionName(description) };
}

export function encodeAlert(alert: Pick<Alert, 'level' | 'description'>): Uint8Array {
  return write((w) => w.u8(alert.level).u8(alert.description));
}
