/** "Name: value" lines, one header a line, as users type them into a settings form. */
export interface HeaderLine {
  name: string;
  value: string;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const RESERVED = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'te', 'trailer']);

export class HeaderLinesError extends Error {}

export function parseHeaderLines(text: string | undefined): HeaderLine[] {
  if (!text) return [];
  return text
    .split('\n')
    .map((line, index) => [line.replace(/\r$/, ''), index + 1] as const)
    .filter(([line]) => line.trim() !== '')
    .map(([line, number]) => parseLine(line, number));
}

function parseLine(line: string, number: number): HeaderLine {
  const colon = line.indexOf(':');
  if (colon <= 0) throw new HeaderLinesError(`line ${number} is not "Name: value"`);
  const name = line.slice(0, colon).trim();
  const value = line.slice(colon + 1).trim();
  if (!TOKEN.test(name)) throw new HeaderLinesError(`line ${number}: "${name.slice(0, 40)}" is not a valid header name`);
  if (/[\r\n\0]/.test(value)) throw new HeaderLinesError(`line ${number}: the value of ${name} contains a control character`);
  if (RESERVED.has(name.toLowerCase())) throw new HeaderLinesError(`line ${number}: ${name} is set by Herald and cannot be overridden`);
  return { name, value };
}

export function headerLinesProblem(text: string): string | undefined {
  try {
    parseHeaderLines(text);
    return undefined;
  } catch (error) {
    if (error instanceof HeaderLinesError) return error.message;
    throw error;
  }
}

export function headerLinesToRecord(lines: HeaderLine[]): Record<string, string> {
  return Object.fromEntries(lines.map(({ name, value }) => [name, value]));
}
