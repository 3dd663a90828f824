export * from './records';
export * from './parser';
export * from './writer';
export { SAMPLES_DIR } from './samples';
export { generateContent, type GenerateOptions } from './generate';
