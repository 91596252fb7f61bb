import { Body, Controller, Get, HttpCode, Ip, Post, Put, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LoginService } from '#domain/auth/login.service.js';
import { SessionsService } from '#domain/auth/sessions.service.js';
import { Person } from '#domain/people/person.entity.js';
import { PeopleService } from '#domain/people/people.service.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { PersonResponseDto, toPersonResponse } from '../people/person.mapper.js';
import { CurrentUser, Public, SignedIn } from './access.decorators.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { LoginDto } from './dto/login.dto.js';
import { RefreshDto } from './dto/refresh.dto.js';
import { SetDeputyDto } from './dto/set-deputy.dto.js';
import { TokenPairDto } from './dto/token-pair.dto.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { ChangesAccess } from './changes-access.interceptor.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly sessions: SessionsService, private readonly logins: LoginService, private readonly people: PeopleService) {}

  @Post('auth/login')
  @Public()
  @UseGuards(LocalAuthGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 413, 415, 423, 429, 503)
  login(@Req() req: { user: Person }, @Body() _body: LoginDto): Promise<TokenPairDto> {
    return this.sessions.startSession(req.user);
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 413, 415, 503)
  refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('auth/logout')
  @SignedIn()
  @ChangesAccess()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session ended: its refresh tokens no longer work' })
  async logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.sessions.logout(user.sessionId);
  }

  @Get('me')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOkResponse({ type: PersonResponseDto })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<PersonResponseDto> {
    return toPersonResponse(await this.people.get(user, user.id));
  }

  @Post('me/password')
  @SignedIn()
  @ChangesAccess()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password changed; your other sessions ended' })
  @ApiProblems(400, 413, 415, 422, 423, 429)
  async changeOwnPassword(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordDto, @Ip() ip: string): Promise<void> {
    await this.logins.changePassword(user, user.id, body.newPassword, body.oldPassword, ip);
  }

  @Put('me/deputy')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOkResponse({ type: PersonResponseDto })
  @ApiProblems(400, 413, 415, 422)
  async setOwnDeputy(@CurrentUser() user: AuthenticatedUser, @Body() body: SetDeputyDto): Promise<PersonResponseDto> {
    return toPersonResponse(await this.people.setDeputy(user, user.id, body.deputyId));
  }
}
