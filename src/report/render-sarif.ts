import { createHash } from 'node:crypto';
import type { Finding, Report, TargetResult } from '../evidence/report.js';
import { stringifyJson } from './escape.js';
import { printable } from './sanitize.js';
import { findingLocation, helpUrl, stampEntries } from './render-summary.js';

/** SARIF 2.1.0 (OASIS), one run: warn → warning, fail → error, info → note; passes are not results. */

const LEVEL = { fail: 'error', warn: 'warning', info: 'note' } as const;
type Reported = Finding & { severity: keyof typeof LEVEL };

const isReported = (f: Finding): f is Reported => f.severity in LEVEL;
const text = (s: string) => ({ text: printable(s, Number.POSITIVE_INFINITY) });

export function renderSarif(report: Report): string {
  const rules: object[] = [];
  const ruleIndex = new Map<string, number>();
  const results = report.targets.flatMap((t) =>
    t.findings.filter(isReported).map((f) => {
      if (!ruleIndex.has(f.id)) ruleIndex.set(f.id, rules.push(rule(f)) - 1);
      return result(t, f, ruleIndex.get(f.id)!);
    }),
  );
  const notifications = report.targets.flatMap((t) =>
    t.errors.map((e) => ({ level: 'error', message: text(`${t.host}:${t.port}: ${e.stage}: ${e.message}`), descriptor: { id: e.code } })),
  );
  const sarif = {
    $schema: 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, rules } },
        invocations: [
          {
            executionSuccessful: report.targets.every((t) => t.status === 'complete'),
            startTimeUtc: report.startedAt,
            endTimeUtc: report.finishedAt,
            toolExecutionNotifications: notifications,
          },
        ],
        results,
        properties: Object.fromEntries(stampEntries(report).map(([k, v]) => [k, printable(v, Number.POSITIVE_INFINITY)])),
      },
    ],
  };
  return `${stringifyJson(sarif, 2)}\n`;
}

function rule(f: Reported): object {
  const url = helpUrl(f);
  return {
    id: f.id,
    shortDescription: text(f.title),
    fullDescription: text(`${f.title} (${f.check}: ${f.outcome})`),
    ...(f.remediation === undefined ? {} : { help: text(f.remediation) }),
    ...(url === undefined ? {} : { helpUri: url }),
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: { tags: [f.area], citations: f.citation },
  };
}

function result(t: TargetResult, f: Reported, index: number): object {
  const target = `${t.host}:${t.port}`;
  const endpoint = findingLocation(f) ?? target;
  return {
    ruleId: f.id,
    ruleIndex: index,
    level: LEVEL[f.severity],
    message: text(f.detail),
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: targetUri(t) } },
        logicalLocations: [{ name: printable(endpoint, Number.POSITIVE_INFINITY), fullyQualifiedName: printable(`${target}/${endpoint}`, Number.POSITIVE_INFINITY), kind: 'resource' }],
      },
    ],
    // The name joins the hash only when present, so fingerprints of findings without one stay as they were.
    partialFingerprints: { 'encscanFinding/v1': createHash('sha256').update(`${target}\n${f.id}\n${f.endpoint ?? ''}${f.sni === undefined ? '' : `\n${f.sni}`}`).digest('hex') },
    ...(t.gate.waived.includes(f.id) ? { suppressions: [{ kind: 'external', justification: 'waived by policy' }] } : {}),
    properties: {
      host: printable(t.host, Number.POSITIVE_INFINITY),
      port: t.port,
      area: f.area,
      severity: f.severity,
      ...(f.sni === undefined ? {} : { sni: printable(f.sni, Number.POSITIVE_INFINITY) }),
      ...(f.fix === undefined ? {} : { fixSnippet: f.fix.snippet }),
    },
  };
}

/** https://host:port/ with an IPv6 literal bracketed and anything else outside a DNS name percent-encoded (lone surrogates become U+FFFD). */
function targetUri(t: TargetResult): string {
  const host = /^[0-9a-f:.]+$/i.test(t.host) && t.host.includes(':') ? `[${t.host}]` : encodeURIComponent(t.host.toLowerCase().replace(/[\uD800-\uDFFF]/gu, '\uFFFD'));
  return `https://${host}:${t.port}/`;
}
