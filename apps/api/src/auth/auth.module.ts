import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuthDomainModule } from '#domain/auth/auth-domain.module.js';
import { PeopleModule } from '#domain/people/people.module.js';
import { AccessGuard } from './access.guard.js';
import { AccessTokenCache } from './access-token.cache.js';
import { AuthController } from './auth.controller.js';
import { BrowserSessionController } from './browser-session.controller.js';
import { LocalStrategy } from './local.strategy.js';
import { SessionAccessCache } from './session-access.cache.js';

/** HTTP side of authentication only: the rules are in libs/domain/auth (AuthDomainModule). */
@Module({
  imports: [PassportModule, AuthDomainModule, PeopleModule],
  controllers: [AuthController, BrowserSessionController],
  providers: [SessionAccessCache, AccessTokenCache, LocalStrategy, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthDomainModule, SessionAccessCache],
})
export class AuthModule {}
