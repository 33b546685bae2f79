// Writes schema/report.schema.json from the TypeBox definitions in src/evidence/ (run by `npm run gen`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReportSchema } from '../src/evidence/schema.js';
import { PACKAGE_ROOT } from '../src/package-root.js';

writeFileSync(join(PACKAGE_ROOT, 'schema', 'report.schema.json'), renderReportSchema());
