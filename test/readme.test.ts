import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, readmeWithFields } from './support/readme-fields.js';

describe('README', () => {
  it('documents every plan field as the schema defines it (run `npm run docs` after changing the schema)', () => {
    const text = readFileSync(README, 'utf8');
    expect(text).toBe(readmeWithFields(text));
  });
});
