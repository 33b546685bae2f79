import { LAB_WEB_HOSTS } from './hosts.js';
import { delegation, soaRecord, type LabZone } from './zone.js';

/** Logical addresses of the lab's name servers (port 53 in DNS; the port map says where they listen). */
export const LAB_NS = {
  root: '127.0.53.1',
  test: '127.0.53.2',
  example: '127.0.53.3',
  broken: '127.0.53.4',
} as const;

/**
 * The lab hierarchy: a private root `.`, `test.`, `example.test.` with the web hosts, and
 * `broken.test.`, whose server answers SERVFAIL. Each zone gets its own server, as in the real tree.
 */
export function labZones(): Array<{ address: string; zone: LabZone }> {
  const root: LabZone = {
    origin: '.',
    records: [
      soaRecord('.'),
      { name: '.', type: 'NS', data: 'a.root.lab' },
      ...delegation('test', [{ name: 'ns.nic.test', address: LAB_NS.test }]),
    ],
  };
  const test: LabZone = {
    origin: 'test',
    records: [
      soaRecord('test'),
      { name: 'test', type: 'NS', data: 'ns.nic.test' },
      { name: 'ns.nic.test', type: 'A', data: LAB_NS.test },
      ...delegation('example.test', [{ name: 'ns.example.test', address: LAB_NS.example }]),
      ...delegation('broken.test', [{ name: 'ns.broken.test', address: LAB_NS.broken }]),
    ],
  };
  const example: LabZone = {
    origin: 'example.test',
    records: [
      soaRecord('example.test'),
      { name: 'example.test', type: 'NS', data: 'ns.example.test' },
      { name: 'ns.example.test', type: 'A', data: LAB_NS.example },
      ...LAB_WEB_HOSTS.map((h) => ({ name: h.name, type: 'A', data: h.address })),
      { name: 'www.example.test', type: 'CNAME', data: 'good.example.test' },
    ],
  };
  const broken: LabZone = { origin: 'broken.test', behaviour: 'servfail', records: [soaRecord('broken.test')] };
  return [
    { address: LAB_NS.root, zone: root },
    { address: LAB_NS.test, zone: test },
    { address: LAB_NS.example, zone: example },
    { address: LAB_NS.broken, zone: broken },
  ];
}
