import { Body, Controller, Get, Headers, HttpCode, Ip, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LoginService } from '#domain/auth/login.service.js';
import { PeopleService } from '#domain/people/people.service.js';
import { CurrentUser, Roles, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ChangePasswordDto } from '../auth/dto/change-password.dto.js';
import { SetDeputyDto } from '../auth/dto/set-deputy.dto.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { expectedVersion, IF_MATCH_HEADER } from '../common/if-match.js';
import { pageRequest } from '../common/page-query.dto.js';
import { CreatePersonDto, ListPeopleQueryDto, UpdatePersonDto } from './dto/person.dto.js';
import { PersonPageDto, PersonResponseDto, toPersonResponse } from './person.mapper.js';
import { ChangesAccess } from '../auth/changes-access.interceptor.js';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService, private readonly logins: LoginService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: PersonResponseDto })
  @ApiProblems(400, 409, 413, 415, 422)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreatePersonDto): Promise<PersonResponseDto> {
    return this.people.create(user, body).then(toPersonResponse);
  }

  @Get()
  @SignedIn()
  @ApiOkResponse({ type: PersonPageDto })
  @ApiProblems(400)
  async list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListPeopleQueryDto): Promise<PersonPageDto> {
    const page = await this.people.list(user, q, pageRequest(q, 'displayName'));
    return { items: page.items.map(toPersonResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @SignedIn()
  @ApiOkResponse({ type: PersonResponseDto })
  @ApiProblems(400, 404)
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<PersonResponseDto> {
    return this.people.get(user, id).then(toPersonResponse);
  }

  @Patch(':id')
  @Roles('admin')
  @ChangesAccess()
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: PersonResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: UpdatePersonDto, @Headers('if-match') ifMatch?: string): Promise<PersonResponseDto> {
    const { version, ...patch } = body;
    return this.people.update(user, id, patch, expectedVersion(ifMatch, version)).then(toPersonResponse);
  }

  @Put(':id/deputy')
  @Roles('admin')
  @ApiOkResponse({ type: PersonResponseDto })
  @ApiProblems(400, 404, 413, 415, 422)
  setDeputy(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: SetDeputyDto): Promise<PersonResponseDto> {
    return this.people.setDeputy(user, id, body.deputyId).then(toPersonResponse);
  }

  @Post(':id/deactivate')
  @Roles('admin')
  @ChangesAccess()
  @HttpCode(200)
  @ApiOkResponse({ type: PersonResponseDto })
  @ApiProblems(400, 404, 422)
  deactivate(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<PersonResponseDto> {
    return this.people.setActive(user, id, false).then(toPersonResponse);
  }

  @Post(':id/reactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PersonResponseDto })
  @ApiProblems(400, 404, 422)
  reactivate(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<PersonResponseDto> {
    return this.people.setActive(user, id, true).then(toPersonResponse);
  }

  /**
   * Four-eyes: a confirmed leadership person of the person's agency (not the person, not whoever
   * created them or gave them the new role) opens the agency's restricted developments to them.
   * While an agency has no confirmed leadership person, a coordinator confirms its first one.
   */
  @Post(':id/confirm-access')
  @Roles('leadership', 'coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: PersonResponseDto })
  @ApiProblems(400, 404, 409)
  confirmAccess(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<PersonResponseDto> {
    return this.people.confirmAccess(user, id).then(toPersonResponse);
  }

  /** Admin reset: no old password needed; all of the person's sessions end. */
  @Post(':id/password')
  @Roles('admin')
  @ChangesAccess()
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Password set; all of the person's sessions ended" })
  @ApiProblems(400, 404, 413, 415, 422, 423, 429)
  async resetPassword(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: ChangePasswordDto, @Ip() ip: string): Promise<void> {
    await this.logins.changePassword(user, id, body.newPassword, body.oldPassword, ip);
  }
}
