import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PeopleService } from '#domain/people/people.service.js';
import { CurrentUser, Roles, SignedIn } from '../auth/access.decorators.js';
import { AuthService } from '../auth/auth.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ChangePasswordDto } from '../auth/dto/change-password.dto.js';
import { SetDeputyDto } from '../auth/dto/set-deputy.dto.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { expectedVersion, IF_MATCH_HEADER } from '../common/if-match.js';
import { pageRequest } from '../common/page-query.dto.js';
import { CreatePersonDto, ListPeopleQueryDto, UpdatePersonDto } from './dto/person.dto.js';
import { PersonResponseDto, toPersonResponse } from './person.mapper.js';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService, private readonly auth: AuthService) {}

  @Post()
  @Roles('admin')
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreatePersonDto): Promise<PersonResponseDto> {
    return this.people.create(user, body).then(toPersonResponse);
  }

  @Get()
  @SignedIn()
  async list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListPeopleQueryDto) {
    const page = await this.people.list(user, q, pageRequest(q, 'displayName'));
    return { items: page.items.map(toPersonResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @SignedIn()
  @ApiOkResponse({ type: PersonResponseDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<PersonResponseDto> {
    return this.people.get(user, id).then(toPersonResponse);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiHeader(IF_MATCH_HEADER)
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: UpdatePersonDto, @Headers('if-match') ifMatch?: string): Promise<PersonResponseDto> {
    const { version, ...patch } = body;
    return this.people.update(user, id, patch, expectedVersion(ifMatch, version)).then(toPersonResponse);
  }

  @Put(':id/deputy')
  @Roles('admin')
  setDeputy(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: SetDeputyDto): Promise<PersonResponseDto> {
    return this.people.setDeputy(user, id, body.deputyId).then(toPersonResponse);
  }

  @Post(':id/deactivate')
  @Roles('admin')
  @HttpCode(200)
  deactivate(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<PersonResponseDto> {
    return this.people.setActive(user, id, false).then(toPersonResponse);
  }

  @Post(':id/reactivate')
  @Roles('admin')
  @HttpCode(200)
  reactivate(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<PersonResponseDto> {
    return this.people.setActive(user, id, true).then(toPersonResponse);
  }

  /** Admin reset: no old password needed; all of the person's sessions end. */
  @Post(':id/password')
  @Roles('admin')
  @HttpCode(204)
  async resetPassword(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user, id, body.newPassword, body.oldPassword);
  }
}
