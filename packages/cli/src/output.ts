import Table from 'cli-table3';

export interface Output {
  json: boolean;
  write(text: string): void;
}

export type Column<T> = [heading: string, value: (row: T) => unknown];

/** Rows as a table for people, or the API's answer as JSON for scripts (`--json`). */
export function printRows<T>(output: Output, rows: T[], columns: Column<T>[], answer: unknown = rows): void {
  if (output.json) {
    printJson(output, answer);
    return;
  }
  if (rows.length === 0) {
    output.write('(none)\n');
    return;
  }
  const table = new Table({ head: columns.map(([heading]) => heading), style: { head: [], border: [] } });
  for (const row of rows) table.push(columns.map(([, value]) => text(value(row))));
  output.write(`${table.toString()}\n`);
}

/** One object: `field  value` lines for people, JSON for scripts. */
export function printRecord(output: Output, record: Record<string, unknown>, answer: unknown = record): void {
  if (output.json) {
    printJson(output, answer);
    return;
  }
  const width = Math.max(...Object.keys(record).map((key) => key.length));
  output.write(
    `${Object.entries(record)
      .map(([key, value]) => `${key.padEnd(width)}  ${text(value)}`)
      .join('\n')}\n`,
  );
}

export function printJson(output: Output, value: unknown): void {
  output.write(`${JSON.stringify(value, null, 2)}\n`);
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
