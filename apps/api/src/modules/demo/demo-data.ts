import { join } from 'node:path';
import { SAMPLES_DIR } from '@kabinet/exchange-1c';

/** The demo company's staff password (every demo staff account). */
export const DEMO_STAFF_PASSWORD = 'kabinet-demo';
export const DEMO_ADMIN = { login: 'admin', fullName: 'Администратор Кабинета' } as const;

/**
 * The demo company ("Гранит-Мастер": memorials, plus a renovation crew) as 1C would send it: a
 * CommerceML file imported through the same importer and ledger as every 1C file.
 */
export const DEMO_FILE = join(SAMPLES_DIR, 'ok', 'demo-granit-master.xml');
