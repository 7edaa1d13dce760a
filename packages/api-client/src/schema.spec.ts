import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const packageRoot = join(import.meta.dirname, '..');

describe('the generated types', () => {
  it('are what openapi-typescript makes of the committed openapi.json (run `pnpm run generate` after changing it)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'herald-api-client-'));
    try {
      const output = join(directory, 'schema.ts');
      const cli = join(packageRoot, 'node_modules/openapi-typescript/bin/cli.js');
      execFileSync(process.execPath, [cli, join(packageRoot, 'openapi.json'), '--output', output], { stdio: 'pipe' });
      expect(readFileSync(join(packageRoot, 'src/schema.ts'), 'utf8')).toBe(readFileSync(output, 'utf8'));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('cover every path of the document', () => {
    const document = JSON.parse(readFileSync(join(packageRoot, 'openapi.json'), 'utf8')) as { paths: Record<string, unknown> };
    const schema = readFileSync(join(packageRoot, 'src/schema.ts'), 'utf8');
    const paths = Object.keys(document.paths);
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) expect(schema).toContain(`"${path}": {`);
  });
});
