// Generates src/tls/groups.json and src/tls/signature-schemes.json from IANA's TLS Supported Groups
// and TLS SignatureScheme registries (fixtures/corpora/iana/tls/). Only single values with a name are
// kept: ranges, "Unassigned" and "Reserved" rows (GREASE values among them) are left out.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvRecords } from './parse-csv.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = 'fixtures/corpora/iana/tls';

function registry(file, title, key) {
  const entries = [];
  for (const r of csvRecords(readFileSync(`${root}/${dir}/${file}`, 'utf8'))) {
    const value = r.Value.trim();
    const name = r.Description.trim();
    if (!/^(0x[0-9A-Fa-f]+|[0-9]+)$/.test(value) || name === '' || /^(Reserved|Unassigned)/.test(name)) continue;
    entries.push({
      code: Number(value),
      name,
      recommended: r.Recommended ?? '',
      reference: (r.Reference ?? '').replace(/\s+/g, ' '),
    });
  }
  return { source: `IANA ${title} registry, mirrored in ${dir}/${file}`, [key]: entries };
}

export function tlsGroupTable() {
  return registry('tls-parameters-8.csv', 'TLS Supported Groups', 'groups');
}

export function signatureSchemeTable() {
  return registry('tls-signaturescheme.csv', 'TLS SignatureScheme', 'schemes');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(`${root}/src/tls/groups.json`, `${JSON.stringify(tlsGroupTable(), null, 1)}\n`);
  writeFileSync(`${root}/src/tls/signature-schemes.json`, `${JSON.stringify(signatureSchemeTable(), null, 1)}\n`);
}
