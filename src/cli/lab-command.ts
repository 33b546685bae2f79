import { startLab } from '../lab/world.js';

export async function runLab(opts: { dir?: string }): Promise<void> {
  const lab = await startLab(opts.dir === undefined ? {} : { dir: opts.dir });
  const out = [`encscan lab is running; world file: ${lab.worldFile}`, '', 'hosts:'];
  for (const h of lab.descriptor.hosts ?? []) out.push(`  ${h.name.padEnd(30)} ${h.description}`);
  out.push('', `scan with: encscan scan good.example.test --world ${lab.worldFile}`, 'Ctrl-C stops the lab.');
  process.stdout.write(`${out.join('\n')}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await lab.stop();
}
