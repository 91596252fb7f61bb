import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '#domain/common/domain-error.js';

/** The header the web interface sends on the cookie routes; its value is fixed. */
export const CSRF_HEADER = 'x-drogenrapport-csrf';

/**
 * CSRF protection for the routes that act on the refresh cookie (the browser sends the cookie by
 * itself; SameSite=Strict already keeps it off cross-site requests, this is the second lock):
 * - a custom header: another site cannot send one without a CORS preflight, which this API never
 *   allows, and an HTML form cannot send one at all;
 * - Origin, when the browser sends it (it does on every POST), must be this origin, and
 *   Sec-Fetch-Site, when sent, must say same-origin.
 * See docs/architecture.md, "The web interface: sign-in, cookie, CSRF, CSP".
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const denied = (why: string) => new DomainError(403, 'CSRF_REJECTED', `This request was refused to protect your session: ${why}. Use the web interface of this address.`, CSRF_HEADER);
    if (req.headers[CSRF_HEADER] !== '1') throw denied(`the header ${CSRF_HEADER}: 1 is missing`);
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `${req.protocol}://${req.host}`) throw denied('it comes from another site');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') throw denied('it comes from another site');
    return true;
  }
}
