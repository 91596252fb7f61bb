import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { PeopleModule } from '../people/people.module.js';
import { LoginFailure } from './login-failure.entity.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { LoginService } from './login.service.js';
import { RefreshToken } from './refresh-token.entity.js';
import { Session } from './session.entity.js';
import { SessionsService } from './sessions.service.js';

const SERVICES = [LoginThrottleService, LoginService, SessionsService];

/**
 * Sign-in, lockout, sessions and refresh-token rotation, shared by the API (passport strategies)
 * and the worker (pruning). Needs AppConfig and the TypeORM data source from the application.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Session, RefreshToken, LoginFailure]), PeopleModule, AuditModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class AuthDomainModule {}
