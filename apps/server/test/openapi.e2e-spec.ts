import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import pg from 'pg';
import { mountedRoutes } from './support/mounted-routes.js';
import { TestApp } from './support/test-app.js';

/** The routes that serve the documentation itself (Swagger UI's page and files, the document). */
const DOCUMENTATION_ROUTE = /^\/(docs($|\/)|openapi\.json$)/;

type Operation = {
  security?: unknown[];
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  'x-herald-roles'?: string[];
};
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
};

describe('the OpenAPI document', () => {
  let herald: TestApp;
  let document: Document;

  beforeAll(async () => {
    herald = await TestApp.start();
    const response = await herald.request('GET', '/openapi.json');
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(() => herald?.stop());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
    );

  it('is a valid OpenAPI 3.1 document, served without a key', async () => {
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as Parameters<Validator['validate']>[0]);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('documents every route the server mounts', () => {
    const routes = mountedRoutes(herald.app).filter((route) => !DOCUMENTATION_ROUTE.test(route.path));
    expect(routes.length).toBeGreaterThan(15);
    const missing = routes.filter((route) => !document.paths[route.path]?.[route.method]);
    expect(missing).toEqual([]);
    const documented = operations().map(({ path, method }) => `${method} ${path}`);
    expect(documented.sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
  });

  it('gives every operation an answer schema, and every body a request schema', () => {
    const found = operations();
    expect(found.length).toBeGreaterThan(15);
    for (const { path, method, operation } of found) {
      const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
      expect({ path, method, successes: success.length }).toEqual({ path, method, successes: 1 });
      const [status, answer] = success[0]!;
      if (status === '204') expect(answer.content).toBeUndefined();
      else
        expect({ path, method, schema: Object.values(answer.content ?? {})[0]?.schema }).toEqual({
          path,
          method,
          schema: expect.anything(),
        });
      const requestSchema = operation.requestBody && Object.values(operation.requestBody.content)[0]?.schema;
      expect({ path, method, requestSchema: operation.requestBody ? requestSchema : 'none' }).toEqual({
        path,
        method,
        requestSchema: expect.anything(),
      });
    }
  });

  it('declares bearer auth on exactly the routes that take a key, with their roles and error answers', async () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const { path, method, operation } of operations()) {
      const open = (await herald.request(method.toUpperCase(), path.replace(/\{[^}]+\}/g, 'x'))).status;
      const keyed = open === 401;
      expect({ path, method, secured: Boolean(operation.security) }).toEqual({ path, method, secured: keyed });
      if (!keyed) continue;
      expect(operation.security).toEqual([{ bearer: [] }]);
      expect(operation['x-herald-roles']!.length).toBeGreaterThan(0);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403', '429']));
      expect(operation.responses['401']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ErrorAnswer' });
    }
  });

  it('describes the error shape, with field errors', () => {
    const schemas = (document as unknown as { components: { schemas: Record<string, any> } }).components.schemas;
    expect(schemas.ErrorAnswer.required).toEqual(['statusCode', 'error', 'message']);
    expect(schemas.ErrorAnswer.properties.errors).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/FieldErrorAnswer' },
    });
    expect(schemas.FieldErrorAnswer.required).toEqual(['field', 'message']);
  });

  it('lists every status a delivery row may hold, in the answers and in the status filter of GET /v1/deliveries', async () => {
    const client = new pg.Client({ connectionString: herald.environment.databaseUrl });
    await client.connect();
    const { rows } = await client.query(
      "SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'deliveries_status_check'",
    );
    await client.end();
    const allowed = [...String(rows[0]?.definition ?? '').matchAll(/'(\w+)'::text/g)].map((match) => match[1]).sort();
    expect(allowed).toEqual(expect.arrayContaining(['pending', 'delivering', 'succeeded', 'failed', 'skipped']));
    const schemas = (
      document as unknown as { components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> } }
    ).components.schemas;
    const filter = document.paths['/v1/deliveries']!.get!.parameters!.find((parameter) => parameter.name === 'status') as unknown as {
      schema: { enum: string[] };
    };
    expect([...filter.schema.enum].sort()).toEqual(allowed);
    expect([...schemas.DeliveryAnswer!.properties.status!.enum!].sort()).toEqual(allowed);
    expect([...schemas.DeliveryWithAttemptsAnswer!.properties.status!.enum!].sort()).toEqual(allowed);
  });

  it('is the document committed in @herald/api-client (regenerate with `pnpm --filter @herald/server run openapi`)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../packages/api-client/openapi.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(document);
  });

  it('is browsable at /docs without a key', async () => {
    const page = await fetch(`${herald.baseUrl}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('swagger-ui');
    const policy = page.headers.get('content-security-policy');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    const init = await fetch(`${herald.baseUrl}/docs/swagger-ui-init.js`);
    expect(init.status).toBe(200);
    expect(await init.text()).toContain('"openapi": "3.1.0"');
    const bundle = await fetch(`${herald.baseUrl}/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
  });
});
