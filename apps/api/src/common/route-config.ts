import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';

/**
 * A method decorator that adds `patch` to the route's Fastify config, keeping what other
 * decorators put there. Decisions about a request (CSRF, uploads) read the config of the route it
 * was matched to (`request.routeOptions.config`), never its URL.
 */
export function mergeRouteConfig(patch: Record<string, unknown>): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as Record<
      string,
      unknown
    >;
    Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, ...patch }, handler);
    return descriptor;
  };
}
