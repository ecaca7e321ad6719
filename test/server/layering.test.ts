import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = join(import.meta.dirname, '../../server');

/** The relative imports of every source file in a folder of server/. */
function importsOf(folder: string): Array<{ file: string; from: string }> {
  const dir = join(SERVER, folder);
  return readdirSync(dir)
    .filter((name) => /\.tsx?$/.test(name))
    .flatMap((name) =>
      [...readFileSync(join(dir, name), 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => ({
        file: `${folder}/${name}`,
        from: m[1],
      })),
    );
}

describe('layering', () => {
  it('keeps the API out of the pages: what both use lives in server/render', () => {
    const upward = importsOf('api').filter(({ from }) => from.startsWith('../pages/'));
    expect(upward).toEqual([]);
  });

  it('keeps server/render below the API and the pages', () => {
    const upward = importsOf('render').filter(({ from }) => /^\.\.\/(api|pages)\//.test(from));
    expect(upward).toEqual([]);
  });
});
