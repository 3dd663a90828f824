export * from './records';
export * from './parser';
export * from './writer';
export * from './notes';
export { SAMPLES_DIR } from './samples';
export { generateContent, type GenerateOptions } from './generate';
export { oneLine, taxAmount } from './mapping';
