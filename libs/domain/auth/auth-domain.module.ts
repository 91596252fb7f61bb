import { Module } from '@nestjs/common';
import { LoginThrottleService } from './login-throttle.service.js';
import { LoginService } from './login.service.js';
import { SessionsService } from './sessions.service.js';

const SERVICES = [LoginThrottleService, LoginService, SessionsService];

/**
 * Sign-in, lockout, sessions and refresh-token rotation, shared by the API (passport strategies)
 * and the worker (pruning). Needs AppConfig, the TypeORM data source, PeopleService and
 * AuditService from the importing application.
 */
@Module({
  providers: SERVICES,
  exports: SERVICES,
})
export class AuthDomainModule {}
