import { defineCheck } from '../../src/evidence/check.js';

export default defineCheck({
  id: 'hsts.preload-list',
  area: 'hsts',
  title: 'On the HSTS preload list (user-given snapshot)',
  cite: ['https://hstspreload.org/', 'RFC 6797 §12.3'],
  needs: ['http'],
  outcomes: {
    listed: { text: 'browsers force HTTPS before the first visit: preload list entry {entry} ({file} of {date})' },
    'not-listed': { text: 'not on the preload list ({file} of {date}: {entries} entries)' },
  },
  applies: (ev) => ev.http?.preload !== undefined,
  run: ({ http }, ctx) => {
    const p = http!.preload!;
    const stamp = { file: p.file, date: p.date.slice(0, 10) };
    return [p.preloaded ? ctx.emit('listed', { ...stamp, entry: p.entry ?? '' }) : ctx.emit('not-listed', { ...stamp, entries: p.entries })];
  },
});
