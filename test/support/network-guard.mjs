// Network guard for tests: encscan's tests may only talk to loopback, and nothing may ever ask the
// machine's resolver. Loaded by vitest (setup file) and by CLI child processes (NODE_OPTIONS=--import).
// A violation throws at the call site and is also recorded, so a swallowed error still fails the test.
import dns from 'node:dns';
import net from 'node:net';
import dgram from 'node:dgram';
import { syncBuiltinESMExports } from 'node:module';

export const violations = [];
const inChild = process.env.ENCSCAN_NETWORK_GUARD === 'exit';
// For commands that must open no socket at all (offline replay): even loopback is refused.
const denyAll = process.env.ENCSCAN_NETWORK_DENY_ALL === '1';

function loopback(host) {
  if (denyAll) return false;
  if (typeof host !== 'string') return false;
  const h = host.replace(/^\[|\]$/g, '');
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || /^::ffff:127\./i.test(h);
  return false;
}

function violation(what) {
  const message = `network guard: ${what}`;
  violations.push(message);
  if (inChild) {
    process.stderr.write(`NETWORK GUARD VIOLATION: ${what}\n`);
    process.exit(99);
  }
  throw new Error(message);
}

// dns.lookup of an IP literal answers without asking anyone (node:net's listen() and connect() call it).
const lookup = dns.lookup;
dns.lookup = function guardedLookup(host, ...rest) {
  if (typeof host === 'string' && net.isIP(host) !== 0) return lookup.call(this, host, ...rest);
  return violation(`dns.lookup(${String(host)}) would ask the machine's resolver`);
};
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = async function guardedPromisesLookup(host, ...rest) {
  if (typeof host === 'string' && net.isIP(host) !== 0) return promisesLookup.call(this, host, ...rest);
  return violation(`dns.promises.lookup(${String(host)}) would ask the machine's resolver`);
};

for (const name of ['lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse']) {
  dns[name] = (...args) => violation(`dns.${name}(${String(args[0])}) would ask the machine's resolver`);
  dns.promises[name] = async (...args) => violation(`dns.promises.${name}(${String(args[0])}) would ask the machine's resolver`);
}
syncBuiltinESMExports();

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  let host;
  let path;
  if (first !== null && typeof first === 'object') {
    host = first.host;
    path = first.path;
  } else if (typeof first === 'string' && !/^\d+$/.test(first)) {
    path = first;
  } else {
    host = typeof args[1] === 'string' ? args[1] : undefined;
  }
  if (path === undefined && !loopback(host)) violation(`TCP connect to ${String(host ?? 'localhost (default)')}`);
  return connect.apply(this, args);
};

const send = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function guardedSend(...args) {
  const host = args.find((a, i) => i > 0 && typeof a === 'string');
  if (host !== undefined && !loopback(host)) violation(`UDP send to ${host}`);
  return send.apply(this, args);
};

const udpConnect = dgram.Socket.prototype.connect;
dgram.Socket.prototype.connect = function guardedUdpConnect(port, address, cb) {
  if (!loopback(typeof address === 'string' ? address : undefined)) violation(`UDP connect to ${String(address)}`);
  return udpConnect.call(this, port, address, cb);
};

/** For the guard's own test, which triggers violations on purpose. */
export function drainViolations() {
  return violations.splice(0);
}
