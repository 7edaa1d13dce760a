import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export type JsonSchema = Record<string, unknown>;

const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => void;

/** Strict about keywords (a typo such as `requred` is refused, not ignored), lenient about types across `anyOf`. */
const OPTIONS = {
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allErrors: false,
  allowUnionTypes: true,
} as const;

/** Draft-07 by default; 2020-12 when the schema says so in `$schema` (as OpenAPI 3.1 schemas do). */
function validatorFor(schema: JsonSchema): Ajv | Ajv2020 {
  return typeof schema.$schema === 'string' && schema.$schema.includes('2020-12') ? draft2020 : draft07;
}

function build<T extends Ajv | Ajv2020>(ajv: T): T {
  addFormats(ajv);
  return ajv;
}

const draft07 = build(new Ajv({ ...OPTIONS }));
const draft2020 = build(new Ajv2020({ ...OPTIONS }));

/** Why a JSON Schema cannot be used (not a schema, unknown keyword, bad reference), or undefined when it compiles. */
export function schemaProblem(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return 'must be a JSON Schema object';
  try {
    compileSchema(schema as JsonSchema);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Compiles a schema into a validator. Throws when the schema is not valid JSON Schema. */
export function compileSchema(schema: JsonSchema): ValidateFunction {
  const ajv = validatorFor(schema);
  if (!ajv.validateSchema(schema)) throw new Error(ajv.errorsText(ajv.errors, { dataVar: 'schema' }));
  // Compiled without registering an $id, so two projects may use the same $id without colliding.
  const { $id: _id, ...anonymous } = schema;
  return ajv.compile(anonymous);
}

/** The first failure as `data.path.to.field: reason`, in the field-path syntax templates use. */
export function describeFailure(errors: ErrorObject[] | null | undefined, root = 'data'): { field: string; message: string } {
  const error = errors?.[0];
  if (!error) return { field: root, message: 'does not match the schema' };
  let field = root + pointerToPath(error.instancePath);
  if (error.keyword === 'required') field += `.${(error.params as { missingProperty: string }).missingProperty}`;
  if (error.keyword === 'additionalProperties') field += `.${(error.params as { additionalProperty: string }).additionalProperty}`;
  const message =
    error.keyword === 'required'
      ? 'is required'
      : error.keyword === 'additionalProperties'
        ? 'is not allowed'
        : (error.message ?? 'is invalid');
  return { field, message };
}

/** `/a/0/b` → `.a[0].b` */
function pointerToPath(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`))
    .join('');
}
