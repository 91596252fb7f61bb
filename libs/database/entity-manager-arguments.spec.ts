import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

/**
 * A default `m = this.db.manager` lets a caller inside a transaction forget to pass its manager:
 * the call then runs on a second connection, outside the transaction (on the embedded database's
 * single session it waits for the first connection forever). Managers are passed explicitly.
 */
describe('EntityManager arguments', () => {
  it('have no default that reaches for the data source', () => {
    const offending = ['apps', 'libs'].flatMap(sources).flatMap((file) =>
      readFileSync(file, 'utf8').split('\n')
        .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
        .filter(({ line }) => /:\s*EntityManager\s*=|=\s*this\.\w+\.manager\s*[,)]/.test(line)));
    expect(offending).toEqual([]);
  });
});
