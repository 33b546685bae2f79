import pc from 'picocolors';
import { plain, type Palette } from '../report/render-text.js';

/** Colour only on a TTY and without --no-color / NO_COLOR. */
export function palette(enabled: boolean): Palette {
  if (!enabled || process.env['NO_COLOR'] !== undefined) return plain;
  return { red: pc.red, yellow: pc.yellow, green: pc.green, dim: pc.dim, bold: pc.bold };
}
