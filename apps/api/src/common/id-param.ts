import { applyDecorators, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { DomainError } from './domain-error';

/**
 * A path parameter that is an id (`@Param('id', idPipe('Contract'))`): anything but a UUID is
 * "not found" (404), the same answer as an id that exists but is not the caller's.
 */
export function idPipe(what: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound(what) });
}

/** Says in the spec that these path parameters are ids (UUIDs), so clients and fuzzers know. */
export function ApiIdParams(...names: string[]): MethodDecorator {
  return applyDecorators(
    ...names.map((name) =>
      ApiParam({ name, type: String, format: 'uuid', description: 'Not a UUID: 404' }),
    ),
  );
}
