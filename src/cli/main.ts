import type { Command } from 'commander';
import { EncscanError, UsageError, errorMessage } from '../engine/errors.js';
import { EXIT } from '../engine/exit-code.js';
import { TOOL_VERSION } from '../package-root.js';

const EXAMPLES = `
Examples:
  encscan scan example.org
  encscan scan example.org www.example.org:8443 --format json --output scan.json
  encscan scan https://example.org/login --checks tls,certificate
  encscan scan example.org --resolver 127.0.0.1:5353 --ca-file internal-roots.pem
  encscan report scan.json --policy ci-policy.json   # re-score a saved scan offline
  encscan report scan.json --profile mozilla          # Mozilla TLS guidelines: modern / intermediate / old
  encscan diff yesterday.json today.json             # exit 1 on a regression
  encscan lab                          # start the embedded lab world on loopback
  encscan scan good.example.test --world /tmp/encscan-lab/world.json

Exit codes: 0 pass · 1 policy failed · 3 usage error · 4 a target could not be fully scanned`;

/**
 * Each command's module, imported when its action runs. main() starts the import of the command named
 * on the command line before commander loads, so Node reads and compiles both graphs at once.
 */
const COMMANDS = {
  scan: () => import('./scan-command.js'),
  report: () => import('./report-command.js'),
  diff: () => import('./report-command.js'),
  lab: () => import('./lab-command.js'),
  demo: () => import('./demo-command.js'),
};
type CommandName = keyof typeof COMMANDS;
const loading = new Map<CommandName, Promise<unknown>>();

/** The command's module, imported once whether main() or the action asks first. */
function commandModule<C extends CommandName>(name: C): ReturnType<(typeof COMMANDS)[C]> {
  if (!loading.has(name)) loading.set(name, COMMANDS[name]());
  return loading.get(name) as ReturnType<(typeof COMMANDS)[C]>;
}

function isCommandName(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

export async function buildProgram(): Promise<Command> {
  // All at once: awaited one by one, each import would wait for the previous one's files.
  const [{ Command, Option }, { count, parseConnectTo, parseExtraReport, parseSni, seconds }, { parsePort }, { FORMAT_NAMES }, { PROFILES, DEFAULT_PROFILE }, { GRADING_MODES }, { FIX_PROFILES }] =
    await Promise.all([
      import('commander'),
      import('./options.js'),
      import('../engine/target.js'),
      import('../report/formats.js'),
      import('../report/profile-rules.js'),
      import('../report/tls-grade.js'),
      import('../report/fix-snippets.js'),
    ]);
  const profileOption = () =>
    new Option('--profile <profile>', 'scoring profile for overall and category scores (the TLS grade is always tls-grade)').choices(PROFILES).default(DEFAULT_PROFILE);
  const gradingModeOption = () =>
    new Option('--grading-mode <mode>', 'TLS grade caps for no-FS/RC4/3DES/no-AEAD: on what the server offers, or only when a reference client would negotiate it').choices(GRADING_MODES).default(GRADING_MODES[0]);
  const fixProfileOption = () =>
    new Option('--fix-profile <config>', 'Mozilla configuration that fix snippets follow').choices(FIX_PROFILES).default(FIX_PROFILES[0]);
  const program = new Command('encscan')
    .description('Website encryption-posture scanner: TLS, certificates, HTTPS/HSTS, DNS (DNSSEC and DANE to come)')
    .version(TOOL_VERSION, '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXAMPLES);
  program
    .command('scan')
    .description('scan one or more targets (host, host:port, https:// URL, IP literal)')
    .argument('<target...>')
    .addOption(new Option('--format <format>', 'output format').choices(FORMAT_NAMES).default('text'))
    .option('--output <path>', 'write the report to a file instead of standard output')
    .option('--report <format=path>', 'also write this format to this file (repeatable)', parseExtraReport, [])
    .option('--resolver <addr[:port]>', 'use this recursive resolver (stub mode) instead of iterating from the root')
    .option('--root-hints <file>', 'root hints for iterative resolution (named.root format)')
    .option('--dns-tcp', 'send every DNS query over TCP (for networks that drop DNS over UDP)')
    .option('--trust-anchor <file>', 'DNSSEC trust anchor: DS or DNSKEY presentation format, or root-anchors.xml')
    .option('--strict-algorithms', 'DNSSEC: treat algorithms RFC 9905 forbids for validation (RSASHA1, 5 and 7) as unsupported, i.e. insecure')
    .option('--ca-file <file>', 'extra trusted root certificates (PEM)')
    .option('--no-aia', 'do not fetch missing intermediates from the certificate\'s AIA caIssuers URL')
    .option('--no-revocation', 'do not ask OCSP responders or download CRLs (a stapled response is still judged)')
    .option('--connect-to <host:port:addr:port>', 'connect to addr:port instead of host:port (repeatable, as curl)', parseConnectTo, [])
    .option('--sni <name>', 'server name to send instead of the target\'s (repeatable): one TLS endpoint per address and name', parseSni, [])
    .option('--smtp-port <port>', 'connect to MX hosts on this port (the TLSA name stays _25._tcp)', (v: string) => parsePort('--smtp-port', v), 25)
    .option('--dane-expiry-days <days>', 'warn when a certificate a TLSA match vouches for expires within this many days', count('--dane-expiry-days', 3650), 30)
    .option('--timeout <seconds>', 'per network operation', seconds('--timeout'), 10_000)
    .option('--budget <seconds>', 'per target; outstanding work is cancelled when it runs out', seconds('--budget'), 120_000)
    .option('--max-connections <n>', 'open at once per address:port', count('--max-connections', 64), 3)
    .option('--concurrency <n>', 'targets scanned at once', count('--concurrency', 256), 4)
    .option('--checks <list>', 'comma-separated check ids or areas; a leading - excludes (e.g. tls,hsts,-tls.protocol-version)')
    .option('--world <file>', 'scan a private world (lab) described by this file')
    .option('--preload-list <file>', "HSTS preload list snapshot (Chromium's transport_security_state_static.json); dated by the file's modification time")
    .option('--policy <file>', 'CI gate (JSON): failOn, minGrade, categories, forbid, levels, waivers; replaces the default')
    .addOption(new Option('--fail-under <grade>', 'fail when the TLS grade is below this (shortcut for a policy with minGrade)').choices(['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F']))
    .addOption(profileOption())
    .addOption(gradingModeOption())
    .addOption(fixProfileOption())
    .option('--no-color', 'never colour the text output')
    .action(async (targets: string[], opts: Record<string, unknown>) => {
      const { runScan } = await commandModule('scan');
      process.exitCode = await runScan(targets, opts);
    });
  program
    .command('report')
    .description('re-score a saved JSON scan offline (no network), with today\'s checks and levels')
    .argument('<scan.json>')
    .addOption(new Option('--format <format>', 'output format').choices(FORMAT_NAMES).default('text'))
    .option('--output <path>', 'write the report to a file instead of standard output')
    .option('--report <format=path>', 'also write this format to this file (repeatable)', parseExtraReport, [])
    .option('--now <iso-date>', 'clock for the checks (default: the saved scan\'s start time)')
    .option('--checks <list>', 'comma-separated check ids or areas; a leading - excludes')
    .option('--dane-expiry-days <days>', 'as for scan (default: the levels file\'s 30)', count('--dane-expiry-days', 3650))
    .option('--policy <file>', 'CI gate (JSON), as for scan')
    .addOption(new Option('--fail-under <grade>', 'as for scan').choices(['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F']))
    .addOption(profileOption())
    .addOption(gradingModeOption())
    .addOption(fixProfileOption())
    .option('--no-color', 'never colour the text output')
    .action(async (file: string, opts: Record<string, unknown>) => {
      const { runReport } = await commandModule('report');
      process.exitCode = await runReport(file, opts as unknown as Parameters<typeof runReport>[1]);
    });
  program
    .command('diff')
    .description('compare two saved JSON scans; exit 1 when anything got worse')
    .argument('<old.json>')
    .argument('<new.json>')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (before: string, after: string, opts: { format: 'text' | 'json' }) => {
      const { runDiff } = await commandModule('diff');
      process.exitCode = await runDiff(before, after, opts);
    });
  program
    .command('lab')
    .description('start the embedded lab world on loopback and print its world file; Ctrl-C stops it')
    .option('--dir <path>', 'where to write world.json and the lab CA')
    .action(async (opts: { dir?: string }) => {
      const { runLab } = await commandModule('lab');
      await runLab(opts);
    });
  program
    .command('demo')
    .description('start the lab, scan every lab host, and say whether each got the verdict it was built for')
    .option('--no-color', 'never colour the text output')
    .action(async (opts: { color: boolean }) => {
      const { runDemo } = await commandModule('demo');
      process.exitCode = await runDemo(opts);
    });
  return program;
}

/** Entry point: every usage problem is one line on stderr and exit 3; never a stack trace unless --debug. */
export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  const named = argv.slice(2).find((a) => !a.startsWith('-'));
  // Help never runs the action. A failed early import is reported when the action awaits it again,
  // never as an unhandled rejection.
  const help = argv.includes('--help') || argv.includes('-h');
  if (isCommandName(named) && !help) commandModule(named).catch(() => {});
  const program = await buildProgram();
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = exitFor(err, debug);
  }
}

function exitFor(err: unknown, debug: boolean): number {
  if (isCommanderError(err)) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    if (err.code === 'commander.executeSubCommandAsync') return EXIT.incomplete;
    return EXIT.usage; // commander already printed its one-line message
  }
  if (debug) process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  if (err instanceof UsageError || (err instanceof EncscanError && err.code === 'ENCSCAN_BAD_FILE')) {
    process.stderr.write(`encscan: ${err.message}\n`);
    return EXIT.usage;
  }
  process.stderr.write(`encscan: internal error: ${errorMessage(err).split('\n')[0]}${debug ? '' : ' (--debug shows more)'}\n`);
  return EXIT.incomplete;
}

/** By code, not class name: the bundler may rename CommanderError (CommanderError2). */
function isCommanderError(err: unknown): err is { code: string } {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('commander.');
}
