// Generates src/dnssec/algorithms.json from the DNSSEC algorithm and DS digest registries
// (fixtures/corpora/iana/dnssec/*.csv, with the RFC 9904 recommendation columns), then applies the
// later updates those CSVs predate, each with its RFC; and src/dnssec/root-anchors.json from root.ds.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvRecords } from './parse-csv.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = 'fixtures/corpora/iana/dnssec';
const read = (file) => readFileSync(`${root}/${dir}/${file}`, 'utf8');

/** Registry updates published after the draft the CSV columns come from. */
const UPDATES = {
  algorithms: [
    // RFC 9905 §2: MUST NOT sign with RSASHA1 or RSASHA1-NSEC3-SHA1; validators MUST still implement
    // them, and operators MUST treat them as unsupported.
    ...[5, 7].map((number) => ({ number, cite: 'RFC 9905 §2', set: { useSigning: 'MUST NOT', useValidation: 'MUST NOT', implementSigning: 'MUST NOT', implementValidation: 'MUST' } })),
    // RFC 9906: GOST R 34.10-2001 MUST NOT be used or implemented.
    { number: 12, cite: 'RFC 9906', set: { useSigning: 'MUST NOT', useValidation: 'MUST NOT', implementSigning: 'MUST NOT', implementValidation: 'MUST NOT' } },
  ],
  digests: [
    // RFC 9906: GOST R 34.11-94 DS digests MUST NOT be used or implemented.
    { number: 3, cite: 'RFC 9906', set: { useDelegation: 'MUST NOT', useValidation: 'MUST NOT', implementDelegation: 'MUST NOT', implementValidation: 'MUST NOT' } },
  ],
};

function applyUpdates(rows, updates) {
  for (const u of updates) {
    const row = rows.find((r) => r.number === u.number);
    if (!row) throw new Error(`update for unknown number ${u.number}`);
    Object.assign(row, u.set);
    row.updatedBy = u.cite;
  }
  return rows;
}

export function dnssecAlgorithmTable() {
  const algorithms = csvRecords(read('dnssec-algorithms.csv')).map((r) => ({
    number: Number(r['Number']),
    mnemonic: r['Mnemonic'],
    description: r['Description'],
    reference: r['Reference'],
    useSigning: r['Use for DNSSEC Signing'],
    useValidation: r['Use for DNSSEC Validation'],
    implementSigning: r['Implement for DNSSEC Signing'],
    implementValidation: r['Implement for DNSSEC Validation'],
  }));
  const digests = csvRecords(read('ds-digest-types.csv')).map((r) => ({
    number: Number(r['Value']),
    description: r['Description'],
    reference: r['Reference'],
    useDelegation: r['Use for DNSSEC Delegation'],
    useValidation: r['Use for DNSSEC Validation'],
    implementDelegation: r['Implement for DNSSEC Delegation'],
    implementValidation: r['Implement for DNSSEC Validation'],
  }));
  return {
    source: `IANA DNS Security Algorithm Numbers and DS RR Type Digest Algorithms registries with the RFC 9904 columns, as compiled in ${dir}/ (see its SOURCE.md), then updated by RFC 9905 and RFC 9906 (field updatedBy)`,
    algorithms: applyUpdates(algorithms, UPDATES.algorithms),
    digests: applyUpdates(digests, UPDATES.digests),
  };
}

export function rootAnchorTable() {
  const records = read('root.ds').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith(';'));
  return { source: `IANA root zone trust anchors (KSK-2017 and KSK-2024) as DS records, from ${dir}/root.ds (see its SOURCE.md)`, records };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(`${root}/src/dnssec/algorithms.json`, `${JSON.stringify(dnssecAlgorithmTable(), null, 1)}\n`);
  writeFileSync(`${root}/src/dnssec/root-anchors.json`, `${JSON.stringify(rootAnchorTable(), null, 1)}\n`);
}
