// Vite collects the migration classes (TypeORM's glob loader cannot read .ts files).
const modules = import.meta.glob<Record<string, unknown>>('../src/database/migrations/*.ts', {
  eager: true,
});

export const MIGRATIONS = Object.values(modules).flatMap((m) =>
  Object.values(m).filter((v): v is new () => object => typeof v === 'function'),
);
