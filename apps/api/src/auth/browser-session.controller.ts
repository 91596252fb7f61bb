import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '#config/app-config.js';
import { DomainError } from '#domain/common/domain-error.js';
import { REFRESH_REUSE_GRACE_SECONDS, SessionsService, type TokenPair } from '#domain/auth/sessions.service.js';
import { Person } from '#domain/people/person.entity.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { CurrentUser, Public, SignedIn } from './access.decorators.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { BrowserSessionDto } from './dto/browser-session.dto.js';
import { LoginDto } from './dto/login.dto.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { CSRF_HEADER, SameOriginGuard } from './same-origin.guard.js';
import { ChangesAccess } from './changes-access.interceptor.js';

/** The cookie is sent only to these routes, never to the rest of the API. */
export const SESSION_PATH = '/api/v1/auth/session';
export const REFRESH_COOKIE = 'drogenrapport_refresh';
const CSRF_DOC = { name: CSRF_HEADER, required: true, description: 'Must be 1 (CSRF protection of the cookie routes)', schema: { type: 'string', enum: ['1'] } };
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Sign-in for the web interface. Same sessions as the JSON token API (auth.controller.ts), but
 * the refresh token never reaches JavaScript: it is an httpOnly, SameSite=Strict cookie limited
 * to SESSION_PATH (Secure except on localhost, where browsers allow no https), and the access
 * token is kept in memory by the page; a reload gets a new one through refresh.
 */
@ApiTags('auth')
@Controller('auth/session')
export class BrowserSessionController {
  constructor(private readonly sessions: SessionsService, private readonly config: AppConfig) {}

  @Post()
  @Public()
  @UseGuards(SameOriginGuard, LocalAuthGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in from the web interface: the refresh token is set as an httpOnly cookie' })
  @ApiHeader(CSRF_DOC)
  @ApiOkResponse({ type: BrowserSessionDto })
  @ApiProblems(400, 401, 403, 413, 415, 423, 429, 503)
  async login(@Req() req: FastifyRequest & { user: Person }, @Body() _body: LoginDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<BrowserSessionDto> {
    return this.answer(req, reply, await this.sessions.startSession(req.user));
  }

  @Post('refresh')
  @Public()
  @UseGuards(SameOriginGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new access token from the refresh cookie (which is rotated); used on every page load',
    description: `Every tab of a browser shares the cookie: a cookie used less than ${REFRESH_REUSE_GRACE_SECONDS} s ago answers with the same successor the first request got; used again later, it ends the session (401 REFRESH_TOKEN_REUSED).`,
  })
  @ApiHeader(CSRF_DOC)
  @ApiOkResponse({ type: BrowserSessionDto })
  @ApiProblems(400, 401, 403, 413, 415, 503)
  async refresh(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<BrowserSessionDto> {
    const presented = req.cookies[REFRESH_COOKIE];
    if (!presented) throw new DomainError(401, 'NOT_SIGNED_IN', 'You are not signed in in this browser.');
    try {
      // The tabs of one browser cannot agree on who refreshes: a race with one cookie is not a theft.
      return this.answer(req, reply, await this.sessions.refresh(presented, { reuseGraceSeconds: REFRESH_REUSE_GRACE_SECONDS }));
    } catch (err) {
      // A refused token is no use to keep: the browser forgets it.
      if (err instanceof DomainError && err.status === 401) this.clearCookie(req, reply);
      throw err;
    }
  }

  @Post('logout')
  @SignedIn()
  @ChangesAccess()
  @UseGuards(SameOriginGuard)
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiHeader(CSRF_DOC)
  @ApiOperation({ summary: 'Sign out in this browser: ends the session and deletes the cookie' })
  @ApiNoContentResponse({ description: 'The session ended and the cookie is deleted' })
  @ApiProblems(400, 403, 413, 415)
  async logout(@CurrentUser() user: AuthenticatedUser, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.logout(user.sessionId);
    this.clearCookie(req, reply);
  }

  private answer(req: FastifyRequest, reply: FastifyReply, pair: TokenPair): BrowserSessionDto {
    void reply.setCookie(REFRESH_COOKIE, pair.refreshToken, { ...this.cookieOptions(req), maxAge: this.config.REFRESH_TOKEN_TTL_DAYS * 86_400 });
    return { accessToken: pair.accessToken, tokenType: pair.tokenType, expiresIn: pair.expiresIn };
  }

  private clearCookie(req: FastifyRequest, reply: FastifyReply): void {
    void reply.clearCookie(REFRESH_COOKIE, this.cookieOptions(req));
  }

  private cookieOptions(req: FastifyRequest) {
    return { path: SESSION_PATH, httpOnly: true, sameSite: 'strict' as const, secure: !LOCAL_HOSTS.has(req.hostname) };
  }
}
