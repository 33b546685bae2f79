import { UsageError } from '../engine/errors.js';

/** Validates untrusted JSON (a policy, a saved report) against one of our schemas; one-line error. */
export async function validateJson<T>(schema: object, data: unknown, what: string): Promise<T> {
  const ajvModule = await import('ajv/dist/2020.js');
  // Under Node's ESM loader the CommonJS class is a named export; bundled by esbuild it sits on `default`.
  const Ajv2020 = ajvModule.Ajv2020 ?? (ajvModule.default as unknown as typeof ajvModule).Ajv2020;
  const addFormats = (await import('ajv-formats')).default as unknown as (ajv: InstanceType<typeof Ajv2020>) => void;
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(JSON.stringify(schema)) as object);
  if (!validate(data)) {
    const e = validate.errors?.[0];
    throw new UsageError(`${what}: ${e?.instancePath || '/'} ${e?.message ?? 'is invalid'}`, 'ENCSCAN_BAD_FILE');
  }
  return data as T;
}

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new UsageError(`${what}: not valid JSON (${(err as Error).message.split('\n')[0]})`, 'ENCSCAN_BAD_FILE');
  }
}
