import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SubstancesService } from '#domain/developments/substances.service.js';
import { CurrentUser, Roles, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { CreateSubstanceDto, ListSubstancesQueryDto } from './dto/substance.dto.js';
import { SubstanceCodePipe } from './substance-code.pipe.js';
import { SubstanceListDto, SubstanceResponseDto, toSubstanceResponse } from './substance.mapper.js';

@ApiTags('substances')
@ApiBearerAuth()
@Controller('substances')
export class SubstancesController {
  constructor(private readonly substances: SubstancesService) {}

  /** The whole list (tens of entries): no pagination. */
  @Get()
  @SignedIn()
  @ApiOkResponse({ type: SubstanceListDto })
  @ApiProblems(400)
  async list(@Query() q: ListSubstancesQueryDto): Promise<SubstanceListDto> {
    return { items: (await this.substances.list(q)).map(toSubstanceResponse) };
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: SubstanceResponseDto })
  @ApiProblems(400, 409, 413, 415)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateSubstanceDto): Promise<SubstanceResponseDto> {
    return this.substances.create(user, body).then(toSubstanceResponse);
  }

  @Post(':code/deactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: SubstanceResponseDto })
  @ApiProblems(400, 404)
  deactivate(@CurrentUser() user: AuthenticatedUser, @Param('code', SubstanceCodePipe) code: string): Promise<SubstanceResponseDto> {
    return this.substances.setActive(user, code, false).then(toSubstanceResponse);
  }

  @Post(':code/reactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: SubstanceResponseDto })
  @ApiProblems(400, 404)
  reactivate(@CurrentUser() user: AuthenticatedUser, @Param('code', SubstanceCodePipe) code: string): Promise<SubstanceResponseDto> {
    return this.substances.setActive(user, code, true).then(toSubstanceResponse);
  }
}
