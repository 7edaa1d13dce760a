import { ValidateBy, type ValidationOptions } from 'class-validator';
import { headerLinesProblem } from './header-lines.js';
import { templateSyntaxProblem } from './template.js';

/** Decorators for the fields every channel's config shares. Messages name the problem. */

export function IsHttpUrl(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHttpUrl',
      validator: {
        validate: (value) => typeof value === 'string' && httpUrlProblem(value) === undefined,
        defaultMessage: (args) =>
          `${args?.property} ${typeof args?.value === 'string' ? httpUrlProblem(args.value) : 'must be a string'}`,
      },
    },
    options,
  );
}

export function httpUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must use http or https, not ${url.protocol.slice(0, -1)}`;
  if (/[\s<>"{}|\\^`]/.test(value)) return 'must not contain spaces or unsafe characters';
  return undefined;
}

export function IsTemplate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTemplate',
      validator: {
        validate: (value) => typeof value === 'string' && templateSyntaxProblem(value) === undefined,
        defaultMessage: (args) =>
          `${args?.property} ${typeof args?.value === 'string' ? templateSyntaxProblem(args.value) : 'must be a string'}`,
      },
    },
    options,
  );
}

export function IsHeaderLines(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHeaderLines',
      validator: {
        validate: (value) => typeof value === 'string' && headerLinesProblem(value) === undefined,
        defaultMessage: (args) =>
          `${args?.property} ${typeof args?.value === 'string' ? headerLinesProblem(args.value) : 'must be a string'}`,
      },
    },
    options,
  );
}

export function IsJsonText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isJsonText',
      validator: {
        validate: (value) => typeof value === 'string' && jsonProblem(value) === undefined,
        defaultMessage: (args) =>
          `${args?.property} ${typeof args?.value === 'string' ? jsonProblem(args.value) : 'must be a string'}`,
      },
    },
    options,
  );
}

function jsonProblem(value: string): string | undefined {
  try {
    JSON.parse(value);
    return undefined;
  } catch (error) {
    return `is not valid JSON: ${(error as Error).message}`;
  }
}
