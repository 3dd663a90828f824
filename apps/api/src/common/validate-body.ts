import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { FieldError } from '@kabinet/shared';
import { DomainError } from './domain-error';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]): FieldError => {
      // MaxText puts the limit in the constraint's context: the answer carries it.
      const maxLength = (e.contexts?.[constraint] as { maxLength?: number } | undefined)?.maxLength;
      return maxLength === undefined ? { path, message } : { path, message, maxLength };
    });
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

export function toFieldErrors(errors: ValidationError[]): FieldError[] {
  return flatten(errors);
}

/**
 * Validates a body against a DTO class where the ValidationPipe cannot run (passport strategies
 * run in guards, before pipes). Same rules, same `validation_failed` answer.
 */
export async function validateBody<T extends object>(
  cls: ClassConstructor<T>,
  body: unknown,
): Promise<T> {
  const instance = plainToInstance(cls, body ?? {});
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
  });
  if (errors.length) throw DomainError.validation(flatten(errors));
  return instance;
}
