import { scan } from '../engine/scan.js';
import { parseTarget } from '../engine/target.js';
import { loadWorld } from '../engine/world.js';
import { compareVerdicts } from '../lab/expectations.js';
import { startLab } from '../lab/world.js';
import { renderText } from '../report/render-text.js';
import { palette } from './palette.js';
import { loadTrustAnchors, resolverMode } from './scan-command.js';
import { readFileSync } from 'node:fs';

/** Scans every lab host and exits 0 only when each got the verdict it was built for. */
export async function runDemo(opts: { color: boolean }): Promise<number> {
  const lab = await startLab();
  try {
    const world = loadWorld(lab.worldFile);
    const hosts = lab.descriptor.hosts ?? [];
    const report = await scan(
      hosts.map((h) => parseTarget(h.name)),
      {
        timeoutMs: 5_000,
        budgetMs: 60_000,
        maxConnections: 3,
        concurrency: 8,
        resolver: resolverMode({}, world),
        caPem: world.caFile === null ? [] : [readFileSync(world.caFile, 'utf8')],
        ...(world.trustAnchorFile === null ? {} : { dnssec: { anchors: await loadTrustAnchors(world.trustAnchorFile) } }),
        connectTo: [],
        portMap: world.portMap,
        world: world.name,
      },
    );
    const c = palette(opts.color && process.stdout.isTTY === true);
    process.stdout.write(renderText(report, c));
    const verdicts = compareVerdicts(report, hosts);
    const wrong = verdicts.filter((v) => !v.ok);
    for (const v of wrong) {
      process.stdout.write(c.red(`\nunexpected verdict for ${v.host} (${v.status}): expected [${v.expected.join(', ')}], got [${v.got.join(', ')}]`));
    }
    const summary = `demo: ${verdicts.length - wrong.length}/${verdicts.length} lab hosts got the verdict they were built for`;
    process.stdout.write(`\n${wrong.length === 0 ? c.green(summary) : c.red(summary)}\n`);
    return wrong.length === 0 ? 0 : 1;
  } finally {
    await lab.stop();
  }
}
