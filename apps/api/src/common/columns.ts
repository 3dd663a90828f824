import { Column, ColumnOptions } from 'typeorm';

/** Money as numeric(14,2); PostgreSQL returns it as a decimal string and so do we. */
export const MoneyColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'numeric', precision: 14, scale: 2, ...options });

/** Timestamps always with time zone. */
export const TimestampColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'timestamptz', ...options });
