import { STATUS_CODES } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { UNTYPED } from './api-property-one-of.decorator.js';
import { ErrorAnswer } from './error.answer.js';

type Operation = { description?: string; responses?: Record<string, { description?: string }>; 'x-herald-roles'?: string[] };

const ROLE_NAMES: Record<string, string> = { root: 'the root key', admin: 'an admin key', publisher: 'a publisher key' };

/**
 * The OpenAPI 3.1 document of every route the application mounts, built from the controllers'
 * and DTOs' decorators (no compiler plugin: each property is described where it is declared).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Herald')
    .setDescription(
      'Self-hosted notification hub: events in, signed platform messages out, delivered at least once. ' +
        'JSON with snake_case fields; every route but health, metrics and these documents takes `Authorization: Bearer <API key>`. ' +
        'Errors share one shape: `{statusCode, error, message, errors?}`.',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'Herald API key',
      description: 'A project API key (admin or publisher), or the root key',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorAnswer],
    operationIdFactory: (controllerKey, methodKey) => `${lowerFirst(controllerKey.replace(/Controller$/, ''))}_${methodKey}`,
  });
  for (const operation of Object.values(document.paths).flatMap((pathItem) => Object.values(pathItem) as Operation[])) {
    describeRoles(operation);
    nameAnswers(operation);
  }
  dropMarkedTypes(document.components);
  return document;
}

/** Says in the operation's description which keys may call it (the guard reads the same metadata). */
function describeRoles(operation: Operation): void {
  const roles = operation['x-herald-roles'];
  if (!roles) return;
  const who = `Requires ${roles.map((role) => ROLE_NAMES[role] ?? role).join(' or ')}.`;
  operation.description = operation.description ? `${operation.description}\n\n${who}` : who;
}

/** An answer declared without a description is described by its status's name (`Created`). */
function nameAnswers(operation: Operation): void {
  for (const [status, answer] of Object.entries(operation.responses ?? {})) {
    if (!answer.description) answer.description = STATUS_CODES[status] ?? 'Answer';
  }
}

/** Properties made with ApiPropertyOneOf lose the `type` Nest gave them (a nullable one is already `anyOf [oneOf, null]`). */
function dropMarkedTypes(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) dropMarkedTypes(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (schema[UNTYPED]) {
    delete schema.type;
    delete schema[UNTYPED];
  }
  for (const [key, value] of Object.entries(schema)) if (key !== 'example' && key !== 'examples') dropMarkedTypes(value);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
