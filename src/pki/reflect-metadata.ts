// @peculiar/x509 resolves its algorithm providers through tsyringe, which refuses to load unless the
// Reflect metadata API exists. Nothing on our path reads decorator metadata, so a WeakMap store is
// enough and spares a runtime dependency. Import this module before @peculiar/x509 (./x509.ts does).

type MetadataReflect = typeof Reflect & {
  getMetadata?: (key: unknown, target: object) => unknown;
  getOwnMetadata?: (key: unknown, target: object) => unknown;
  defineMetadata?: (key: unknown, value: unknown, target: object) => void;
};

const reflect = Reflect as MetadataReflect;

if (typeof reflect.getMetadata !== 'function') {
  const store = new WeakMap<object, Map<unknown, unknown>>();
  const ownMap = (target: object): Map<unknown, unknown> | undefined => store.get(target);
  reflect.defineMetadata = (key, value, target) => {
    const map = ownMap(target) ?? new Map<unknown, unknown>();
    map.set(key, value);
    store.set(target, map);
  };
  reflect.getOwnMetadata = (key, target) => ownMap(target)?.get(key);
  reflect.getMetadata = (key, target) => {
    for (let o: object | null = target; o !== null; o = Object.getPrototypeOf(o) as object | null) {
      const map = ownMap(o);
      if (map?.has(key)) return map.get(key);
    }
    return undefined;
  };
}
