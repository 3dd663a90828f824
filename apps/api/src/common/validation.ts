import { ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';
import { toFieldErrors } from './validate-body';

/** Validates DTOs; unknown fields are refused; failures become `validation_failed` problems. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    // One message per field: the first rule it breaks ("a whole number", not also "1 or more").
    stopAtFirstError: true,
    transform: true,
    exceptionFactory: (errors) => DomainError.validation(toFieldErrors(errors)),
  });
}
