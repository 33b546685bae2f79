import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError, errorMessage } from '../engine/errors.js';
import { parsePreloadList, type PreloadSnapshot } from '../http/preload-list.js';
import { readText } from './options.js';

/**
 * --preload-list FILE: Chromium's transport_security_state_static.json as the user saved it. The
 * snapshot's date is the file's modification time (keep it when copying: cp -p), stamped in the report.
 */
export function loadPreloadList(file: string): PreloadSnapshot {
  const text = readText('--preload-list', file);
  try {
    return { file: basename(file), date: statSync(file).mtime.toISOString(), list: parsePreloadList(text) };
  } catch (err) {
    throw new UsageError(`--preload-list ${file}: ${errorMessage(err).split('\n')[0]}`, 'ENCSCAN_BAD_FILE');
  }
}
