import { Text, type TextProps } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';

/** Text people or 1C wrote: long words wrap inside its box (global.css, `.user-text`). */
export function UserText({ children, ...props }: TextProps & { children: ReactNode }) {
  return (
    <Text {...props} className="user-text">
      {children}
    </Text>
  );
}

/**
 * An e-mail (or a similar address) that may break only before `@` and dots, never in the middle
 * of a word: `ivanova.mp@example.ru` → `ivanova` `.mp` `@example` `.ru`.
 */
export function BreakableAddress({ value }: { value: string }) {
  const parts = value.split(/(?=[@.])/);
  return (
    <span className="break-at-marks">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          <span>{part}</span>
        </Fragment>
      ))}
    </span>
  );
}
