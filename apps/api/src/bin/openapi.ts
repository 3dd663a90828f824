import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildSpec } from '../openapi/spec';

export const SPEC_PATH = resolve(__dirname, '../../../../openapi/openapi.json');

buildSpec()
  .then(async (spec) => {
    await writeFile(SPEC_PATH, spec);
    process.stdout.write(`Wrote ${SPEC_PATH}\n`);
    process.exit(0);
  })
  .catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(1);
  });
