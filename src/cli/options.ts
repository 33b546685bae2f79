import { readFileSync } from 'node:fs';
import net from 'node:net';
import { UsageError, errorMessage } from '../engine/errors.js';
import type { ConnectTo } from '../engine/gather.js';
import { parsePort, toALabel } from '../engine/target.js';
import { FORMAT_NAMES, isFormat, type Format } from '../report/formats.js';

export interface ExtraReport {
  format: Format;
  path: string;
}

/** --report FORMAT=PATH, repeatable: more outputs from the same run. */
export function parseExtraReport(v: string, previous: ExtraReport[] = []): ExtraReport[] {
  const eq = v.indexOf('=');
  const format = v.slice(0, eq);
  if (eq < 1 || eq === v.length - 1) throw new UsageError(`--report: "${v}" is not FORMAT=PATH`);
  if (!isFormat(format)) throw new UsageError(`--report: unknown format "${format}" (one of ${FORMAT_NAMES.join(', ')})`);
  return [...previous, { format, path: v.slice(eq + 1) }];
}

export function seconds(flag: string): (v: string) => number {
  return (v) => {
    if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0 || Number(v) > 86_400) throw new UsageError(`${flag}: "${v}" is not a number of seconds`);
    return Math.round(Number(v) * 1000);
  };
}

export function count(flag: string, max: number): (v: string) => number {
  return (v) => {
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) throw new UsageError(`${flag}: "${v}" must be a whole number from 1 to ${max}`);
    return Number(v);
  };
}

export function readText(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${flag}: cannot read ${file}: ${errorMessage(err).split('\n')[0]}`, 'ENCSCAN_BAD_FILE');
  }
}

/** --sni NAME (repeatable): a host name, in A-label form. */
export function parseSni(v: string, previous: string[] = []): string[] {
  return [...previous, toALabel('--sni', v)];
}

/** curl's --connect-to HOST:PORT:ADDR:PORT; empty HOST or PORT means any. ADDR must be an IP address. */
export function parseConnectTo(v: string, previous: ConnectTo[] = []): ConnectTo[] {
  const m = /^([^:[\]]*):(\d*):(\[[^\]]+\]|[^:[\]]*):(\d*)$/.exec(v);
  if (!m) throw new UsageError(`--connect-to: "${v}" is not HOST:PORT:ADDR:PORT`);
  const address = m[3]!.replace(/^\[|\]$/g, '');
  if (net.isIP(address) === 0) throw new UsageError(`--connect-to: "${address}" must be an IP address (encscan never asks the system resolver)`);
  const flag = '--connect-to';
  return [
    ...previous,
    {
      host: m[1] === '' ? '' : toALabel(flag, m[1]!),
      port: m[2] === '' ? null : parsePort(flag, m[2]!),
      address,
      toPort: m[4] === '' ? null : parsePort(flag, m[4]!),
    },
  ];
}
