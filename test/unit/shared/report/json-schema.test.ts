import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../../shared/types';
import { demoResult, hostileResult } from './fixture';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const schema = JSON.parse(readFileSync(path.join(root, 'docs', 'schema', 'report-v1.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** The result as the JSON file holds it (undefined dropped, as JSON.stringify does). */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('docs/schema/report-v1.schema.json', () => {
  it.each([
    ['demo', demoResult],
    ['hostile names', hostileResult],
  ])('accepts a real analysis result (%s)', (_label, make) => {
    const ok = validate(asJson(make()));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('accepts every registered test key', () => {
    for (const test of TEST_KEYS) {
      const result = asJson(demoResult());
      result.columns[0].test = test;
      expect(validate(result)).toBe(true);
    }
  });

  it('rejects a wrong version, a malformed hash and an unknown field', () => {
    const wrongVersion = { ...asJson(demoResult()), schemaVersion: 2 };
    expect(validate(wrongVersion)).toBe(false);
    const badHash = asJson(demoResult());
    badHash.reference.sha256 = 'xyz';
    expect(validate(badHash)).toBe(false);
    const extra = asJson(demoResult());
    extra.columns[0].surprise = 1;
    expect(validate(extra)).toBe(false);
  });
});
