export * from './auth';
export * from './contracts';
export * from './email';
export * from './errors';
export * from './notifications';
export * from './permissions';
export * from './phone';
export * from './roles';
