import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  useForm,
  type FieldValues,
  type Path,
  type SubmitHandler,
  type UseFormProps,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../lib/api';

/** react-hook-form with a zod schema: the one way the SPA builds forms. */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> = {},
) {
  return useForm<z.input<S>, unknown, z.output<S>>({ ...options, resolver: zodResolver(schema) });
}

/**
 * The message to show under a field: zod messages are i18n keys (`validation.phone`), with
 * interpolation values after a `?` (`validation.tooLong?max=1000`); the API's field messages are
 * shown as they come, except those the SPA can say in the reader's language (a limit).
 */
export function useFieldError<TIn extends FieldValues, TOut extends FieldValues>(
  form: UseFormReturn<TIn, unknown, TOut>,
) {
  const { t } = useTranslation();
  return (name: Path<TIn>): string | undefined => {
    const message = form.getFieldState(name, form.formState).error?.message;
    if (!message) return undefined;
    const [key = message, query] = message.split('?');
    const values = query ? Object.fromEntries(new URLSearchParams(query)) : {};
    return t(key, { defaultValue: message, ...values });
  };
}

/** The message of a text over its limit (`TEXT_LIMITS`), as useFieldError translates it. */
export function tooLong(max: number): string {
  return `validation.tooLong?max=${max}`;
}

/** A field message of the API, in the reader's language where the SPA knows what it says. */
export function apiFieldMessage(t: TFunction, f: { message: string; maxLength?: number }): string {
  return f.maxLength !== undefined ? t('validation.tooLong', { max: f.maxLength }) : f.message;
}

/** Puts the API's field messages next to the fields they belong to. */
export function applyFieldErrors<T extends FieldValues>(
  form: UseFormReturn<T, unknown, FieldValues>,
  error: unknown,
): boolean {
  if (!(error instanceof ApiError) || !error.problem.fields?.length) return false;
  for (const f of error.problem.fields) {
    const message = f.maxLength !== undefined ? tooLong(f.maxLength) : f.message;
    form.setError(f.path as Path<T>, { type: 'server', message });
  }
  return true;
}

/** A <form> bound to a react-hook-form instance. */
export function Form<TIn extends FieldValues, TOut extends FieldValues>({
  form,
  onSubmit,
  children,
  ...rest
}: {
  form: UseFormReturn<TIn, unknown, TOut>;
  onSubmit: SubmitHandler<TOut>;
  children: ReactNode;
  'aria-label'?: string;
}) {
  return (
    <form noValidate onSubmit={(e) => void form.handleSubmit(onSubmit)(e)} {...rest}>
      {children}
    </form>
  );
}
