import { join } from 'node:path';

/** The golden files (`ok/`, `not-ok/`), next to `src/` and `dist/` alike. */
export const SAMPLES_DIR = join(__dirname, '..', 'samples');
