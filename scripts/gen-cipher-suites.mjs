// Generates src/tls/cipher-suites.json from IANA's TLS Cipher Suites registry
// (fixtures/corpora/iana/tls/tls-parameters-4.csv). Run by `npm run gen`; the TLS engine extends the
// table with the non-IANA legacy suites.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './parse-csv.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const csvPath = 'fixtures/corpora/iana/tls/tls-parameters-4.csv';

export function cipherSuiteTable() {
  const [header, ...rows] = parseCsv(readFileSync(`${root}/${csvPath}`, 'utf8'));
  const col = (name) => header.indexOf(name);
  const suites = [];
  for (const r of rows) {
    const m = /^0x([0-9A-F]{2}),0x([0-9A-F]{2})$/i.exec(r[col('Value')] ?? '');
    const name = r[col('Description')] ?? '';
    if (!m || !name.startsWith('TLS_')) continue;
    suites.push({
      code: `0x${m[1].toUpperCase()}${m[2].toUpperCase()}`,
      name,
      recommended: r[col('Recommended')] ?? '',
      reference: (r[col('Reference')] ?? '').replace(/\s+/g, ' '),
    });
  }
  return { source: `IANA TLS Cipher Suites registry, mirrored in ${csvPath}`, suites };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(`${root}/src/tls/cipher-suites.json`, `${JSON.stringify(cipherSuiteTable(), null, 1)}\n`);
}
