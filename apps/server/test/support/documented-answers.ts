import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ApiResponse } from './test-app.js';

type Schema = Record<string, unknown>;

/** Object schemas that list their properties (the answer classes) admit no others, so an undocumented field is found. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (!node || typeof node !== 'object') return node;
  const schema = node as Schema;
  const closed = schema.properties && schema.additionalProperties === undefined ? { ...schema, additionalProperties: false } : schema;
  return Object.fromEntries(Object.entries(closed).map(([key, value]) => [key, key === 'example' ? value : closeObjects(value)]));
}
type Operation = { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> };
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/**
 * Checks real answers against the OpenAPI document: the operation is found from the method and
 * the concrete path, the schema from the status, and the body validated with a JSON Schema 2020-12
 * validator (the dialect of OpenAPI 3.1), where a field the schema does not list is a problem too.
 * Returns the problems found, empty when the answer is as documented.
 */
export class DocumentedAnswers {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly templates: Array<{ template: string; pattern: RegExp }>;

  constructor(private readonly document: OpenApiDocument) {
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.ajv);
    this.templates = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  problems(method: string, path: string, answer: ApiResponse): string[] {
    const bare = path.split('?')[0]!;
    const matches = this.templates.filter(({ pattern }) => pattern.test(bare));
    // A literal segment beats a parameter (`/v1/events/batch` over `/v1/events/{id}`).
    const found = matches.sort((a, b) => (a.template.match(/\{/g) ?? []).length - (b.template.match(/\{/g) ?? []).length)[0];
    const operation = found && this.document.paths[found.template]![method.toLowerCase()];
    if (!operation) return [`${method} ${bare} is not in the document`];
    const documented = operation.responses[String(answer.status)];
    if (!documented) return [`${method} ${found.template} answered ${answer.status}, which is not documented`];
    const schema = documented.content?.['application/json']?.schema;
    if (!schema)
      return answer.body === undefined || answer.body === ''
        ? []
        : [`${method} ${found.template} ${answer.status} has a body, none documented`];
    const validate = this.ajv.compile(closeObjects({ ...schema, components: this.document.components }) as Schema);
    if (validate(answer.body)) return [];
    return (validate.errors ?? []).map((error) => {
      const where = `${method} ${found.template} ${answer.status}: ${error.instancePath || '(body)'}`;
      if (error.keyword === 'additionalProperties') {
        return `${where} has the undocumented field ${error.params.additionalProperty} (give its answer class an @ApiProperty for it)`;
      }
      return `${where} ${error.message}`;
    });
  }
}
