import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedFiles } from '../../scripts/generate/index.js';

const root = join(import.meta.dirname, '..', '..');

describe('generated files', () => {
  for (const [path, produce] of Object.entries(generatedFiles)) {
    it(`${path} matches its sources (run \`npm run generate\` after changing them)`, async () => {
      const expected = await produce(root);
      const actual = await readFile(join(root, path), 'utf8');
      expect(actual === expected, `${path} is stale`).toBe(true);
    }, 60_000);
  }
});
