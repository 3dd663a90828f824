/** The PostgreSQL URL the app connects to (for clients outside TypeORM, such as the job queue). */
export const DATABASE_URL = Symbol('DATABASE_URL');
