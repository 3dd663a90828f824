import { MaxLength, type ValidationArguments } from 'class-validator';

/**
 * At most `limit` characters (use the numbers in TEXT_LIMITS, which the SPA's forms share). A
 * longer text is refused with a field message that says the limit, and the limit itself in the
 * field error's `maxLength`, so the SPA can say it in the reader's language.
 */
export function MaxText(limit: number): PropertyDecorator {
  return MaxLength(limit, {
    message: (args: ValidationArguments) =>
      `${args.property} takes at most ${limit} characters (this one has ${String(args.value).length})`,
    context: { maxLength: limit },
  });
}
