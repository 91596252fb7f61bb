import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { KeyFigure } from '#domain/key-figures/key-figure.entity.js';
import { KeyFiguresService } from '#domain/key-figures/key-figures.service.js';
import { CurrentUser, Roles, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { CreateKeyFigureDto, UpdateKeyFigureDto } from './dto/key-figure.dto.js';
import { expectedVersion, IF_MATCH_HEADER, withCurrent } from '../common/if-match.js';
import { MeasureKeyFiguresDto, toMeasureKeyFigures } from './key-figure.mapper.js';
import { KeyFigureDefinitionDto, toKeyFigureDefinition } from './measure.mapper.js';

const KEY_FIGURE_DOC = `Counted from logged developments only (never typed in), and only those **you may see**
(visibility all / own agency / named agencies; no role bypasses it). Withdrawn developments never count.
The answer is a function of what you may see and nothing else: developments hidden from you leave no trace
in it (a circle over one answers exactly like an empty circle).

**Periods** (week or month) are anchored at the measure's start date (Berlin): the baseline is the mean of
the N periods right before the start (N = baselinePeriods, default 3); actual counts follow per period since
the start, the running period last (complete: false).

**Status**: the latest complete period is compared with a straight line from the baseline (at the start) to
the target (at the target date; the target itself after it). A decrease target is on_track at or below that
line, an increase target at or above it. no_data: no complete period yet, nothing logged in baseline and
since, or a percentage target on an empty baseline.

**Displacement watch** (key figures with a point and radius; seed 003): target area A = the circle, buffer B =
the ring from radius to bufferFactor x radius (default 2), control area C = the rest of the city (or
controlDistrictId without A and B). Each is counted before and after the start over equally long windows
(after = start .. now, at most a year; before = the same length before the start). Weighted displacement quotient
(Bowers & Johnson 2003):

    WDQ = (B_after/C_after - B_before/C_before) / (A_after/C_after - A_before/C_before)

null when undefined (C empty in a window: \`control_area_empty\`; A unchanged relative to C:
\`no_change_in_target_area\`). With A improved (denominator < 0): WDQ > 1 diffusion of benefits larger than
the effect; 0..1 diffusion of benefits; 0 no buffer change; -1..0 displacement smaller than the effect;
< -1 displacement exceeds the effect. \`displacementSuspected\` is true when the buffer got worse while the
target area improved (relative to C; on raw counts when C is empty).

**Limits**: small counts make the quotient jumpy (one find can flip its sign); it sees only the buffer ring, not
displacement further away, to other times, tactics or kinds of incident; it counts what agencies logged, so
more patrols can raise the very counts they look for; the windows are equally long but not seasonally
matched; developments you may not see are not counted.`;

@ApiTags('measures')
@ApiBearerAuth()
@Controller('measures/:id/key-figures')
export class KeyFiguresController {
  constructor(private readonly keyFigures: KeyFiguresService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: "A measure's key figures: baseline, target, actual per period, status and the displacement watch", description: KEY_FIGURE_DOC })
  @ApiOkResponse({ type: MeasureKeyFiguresDto })
  @ApiProblems(400, 404)
  async list(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<MeasureKeyFiguresDto> {
    const { measure, results } = await this.keyFigures.evaluateMeasure(user, id);
    return toMeasureKeyFigures(measure.id, results);
  }

  @Post()
  @Roles('coordinator')
  @ApiOperation({ summary: 'Define a key figure (coordinators)', description: 'At least one category; places and/or districts, or a point with a radius (then the displacement watch applies); the target date after the start.' })
  @ApiCreatedResponse({ type: KeyFigureDefinitionDto })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  add(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: CreateKeyFigureDto): Promise<KeyFigureDefinitionDto> {
    return this.keyFigures.add(user, id, body).then(toKeyFigureDefinition);
  }

  @Patch(':keyFigureId')
  @Roles('coordinator')
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOperation({ summary: 'Change a key figure (coordinators)' })
  @ApiOkResponse({ type: KeyFigureDefinitionDto })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  update(
    @CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Param('keyFigureId', UuidParamPipe) keyFigureId: string,
    @Body() body: UpdateKeyFigureDto, @Headers('if-match') ifMatch?: string,
  ): Promise<KeyFigureDefinitionDto> {
    const { version, ...patch } = body;
    return withCurrent(this.keyFigures.update(user, id, keyFigureId, patch, expectedVersion(ifMatch, version)), (c: KeyFigure) => toKeyFigureDefinition(c)).then(toKeyFigureDefinition);
  }

  @Delete(':keyFigureId')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a key figure (coordinators); the history keeps its definition' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 404, 409)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Param('keyFigureId', UuidParamPipe) keyFigureId: string): Promise<void> {
    await this.keyFigures.remove(user, id, keyFigureId);
  }
}
