import type { ValidationOptions } from 'class-validator';
import { ValidateBy } from './config-decorators.js';
import { headerLinesProblem } from './header-lines.js';
import { templateSyntaxProblem } from './template.js';

/** Decorators for the fields every channel's config shares. Messages name the problem. */

/**
 * A decorator from a function that says what is wrong with a string value (or undefined when
 * nothing is): the message is "<field> <problem>". Channels build their own checks with it.
 */
export function ValidateString(
  name: string,
  problem: (value: string) => string | undefined,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value) => typeof value === 'string' && problem(value) === undefined,
        defaultMessage: (args) => `${args?.property} ${typeof args?.value === 'string' ? problem(args.value) : 'must be a string'}`,
      },
    },
    options,
  );
}

export function IsHttpUrl(options?: ValidationOptions): PropertyDecorator {
  return ValidateString('isHttpUrl', httpUrlProblem, options);
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
  return ValidateString('isTemplate', templateSyntaxProblem, options);
}

export function IsHeaderLines(options?: ValidationOptions): PropertyDecorator {
  return ValidateString('isHeaderLines', headerLinesProblem, options);
}

export function IsJsonText(options?: ValidationOptions): PropertyDecorator {
  return ValidateString('isJsonText', jsonProblem, options);
}

function jsonProblem(value: string): string | undefined {
  try {
    JSON.parse(value);
    return undefined;
  } catch (error) {
    return `is not valid JSON: ${(error as Error).message}`;
  }
}
