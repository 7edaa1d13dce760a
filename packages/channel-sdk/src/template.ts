/**
 * `${path.to.value}` templates. Paths are identifiers joined by dots or `[index]`; nothing else is
 * evaluated, so a template can never run code. Missing values render empty; syntax errors are
 * reported by `parseTemplate`, which callers use when a template is saved.
 */
const PLACEHOLDER_OPEN = '${';
const SEGMENT = /^[A-Za-z_$\u00a0-\uffff][\w$\u00a0-\uffff-]*$/u;
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

type TemplatePart = string | { path: string[] };

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}

export interface CompiledTemplate {
  readonly source: string;
  render(context: object, escapeValue?: (value: string) => string): string;
  /**
   * Renders a JSON template: a placeholder inside a JSON string literal gets its value escaped
   * for that string (an object as its JSON text); a placeholder outside one gets the value as JSON
   * (a string quoted, an object or array whole, a missing value `null`). Event data can never
   * change the template's shape. `escapeText` is applied to text values first (such as a
   * platform's markup escape).
   */
  renderJson(context: object, escapeText?: (value: string) => string): string;
}

export function parseTemplate(source: string): CompiledTemplate {
  const parts = splitTemplate(source);
  return {
    source,
    render: (context, escapeValue = identity) =>
      parts.map((part) => (typeof part === 'string' ? part : escapeValue(stringify(lookup(context, part.path))))).join(''),
    renderJson: (context, escapeText = identity) => renderJsonParts(parts, context, escapeText),
  };
}

/** Renders a JSON template (see `CompiledTemplate.renderJson`); a syntax error renders the text as it is. */
export function renderJsonTemplate(source: string, context: object, escapeText?: (value: string) => string): string {
  try {
    return parseTemplate(source).renderJson(context, escapeText);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return source;
    throw error;
  }
}

/** Does this template mean to be JSON: it starts with `{` or `[`. */
export function looksLikeJsonTemplate(source: string): boolean {
  const start = source.trimStart()[0];
  return start === '{' || start === '[';
}

function renderJsonParts(parts: TemplatePart[], context: object, escapeText: (value: string) => string): string {
  let insideString = false;
  let output = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      output += part;
      insideString = endsInsideString(part, insideString);
      continue;
    }
    const value = lookup(context, part.path);
    if (insideString) output += jsonStringEscape(escapeText(stringify(value)));
    else output += typeof value === 'string' ? JSON.stringify(escapeText(value)) : jsonValue(value);
  }
  return output;
}

/** Whether a JSON string literal is open after `text`, given whether one was open before it. */
function endsInsideString(text: string, insideString: boolean): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (insideString && character === '\\') index += 1;
    else if (character === '"') insideString = !insideString;
  }
  return insideString;
}

function jsonValue(value: unknown): string {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return 'null';
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? 'null';
}

/** Renders, treating a syntax error as literal text: sending never throws on a stored template. */
export function renderTemplate(source: string, context: object, escapeValue?: (value: string) => string): string {
  try {
    return parseTemplate(source).render(context, escapeValue);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return source;
    throw error;
  }
}

/** The syntax problem of a template, or undefined when it is well formed. */
export function templateSyntaxProblem(source: string): string | undefined {
  try {
    parseTemplate(source);
    return undefined;
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return error.message;
    throw error;
  }
}

/** Escapes a rendered value for use inside a JSON string literal. */
export function jsonStringEscape(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

function splitTemplate(source: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  while (cursor < source.length) {
    const open = source.indexOf(PLACEHOLDER_OPEN, cursor);
    if (open === -1) break;
    if (open > 0 && source[open - 1] === '\\') {
      parts.push(source.slice(cursor, open - 1) + PLACEHOLDER_OPEN);
      cursor = open + PLACEHOLDER_OPEN.length;
      continue;
    }
    const close = source.indexOf('}', open);
    if (close === -1) throw new TemplateSyntaxError(`unclosed "\${" at position ${open}`, open);
    parts.push(source.slice(cursor, open));
    parts.push({ path: parsePath(source.slice(open + 2, close).trim(), open) });
    cursor = close + 1;
  }
  parts.push(source.slice(cursor));
  return parts.filter((part) => part !== '');
}

function parsePath(expression: string, position: number): string[] {
  if (expression === '') throw new TemplateSyntaxError(`empty placeholder at position ${position}`, position);
  const segments = expression.replace(/\[(\d+)\]/g, '.$1').split('.');
  for (const segment of segments) {
    const valid = /^\d+$/.test(segment) || SEGMENT.test(segment);
    if (!valid || FORBIDDEN_SEGMENTS.has(segment)) {
      throw new TemplateSyntaxError(
        `"\${${expression}}" at position ${position} is not a path like \${data.field} or \${data.items[0].name}`,
        position,
      );
    }
  }
  return segments;
}

function lookup(context: object, path: string[]): unknown {
  let value: unknown = context;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function identity(value: string): string {
  return value;
}
