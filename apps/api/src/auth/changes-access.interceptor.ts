import { CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { mergeMap, type Observable } from 'rxjs';
import { SessionAccessCache } from './session-access.cache.js';

/**
 * After a route that ends or narrows someone's access (logout, deactivation, roles, password)
 * succeeded: waits until this process's session cache has heard the change, so that the caller's
 * next request here is already checked anew (SessionAccessCache.caughtUp).
 */
@Injectable()
export class ChangesAccessInterceptor implements NestInterceptor {
  constructor(private readonly access: SessionAccessCache) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(mergeMap(async (value: unknown) => {
      await this.access.caughtUp();
      return value;
    }));
  }
}

/** Marks a route that ends or narrows access (see ChangesAccessInterceptor). */
export const ChangesAccess = () => UseInterceptors(ChangesAccessInterceptor);
