/**
 * Exact money arithmetic lives in `@kabinet/shared` (money.ts), with the one money formatter of the
 * API and the SPA. Re-exported here only so modules being reworked on other branches of issue 11
 * keep compiling while they merge; new code imports from `@kabinet/shared`.
 */
export { fromMinor, minMinor, sumMinor, toMinor } from '@kabinet/shared';
