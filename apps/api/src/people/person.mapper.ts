import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCY_KINDS, type AgencyKind } from '#domain/agencies/agency-kind.js';
import type { Person } from '#domain/people/person.entity.js';
import { ROLES, type Role } from '#domain/people/role.js';
import { PageOf } from '../common/page.dto.js';

export class PersonAgencyDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() code: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind: AgencyKind;
}

export class PersonResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() agencyId: string;
  @ApiPropertyOptional({ type: PersonAgencyDto }) agency?: PersonAgencyDto;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) deputyId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: "Whether a leadership person of the agency confirmed this person's access to the agency's restricted developments (four-eyes). Until then the person sees only developments visible to all participants." })
  accessConfirmed: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'When the access was confirmed' }) accessConfirmedAt: string | null;
  @ApiProperty({ description: 'false while the password is one an administrator set; access is confirmed only after the person chose their own' }) passwordChosenBySelf: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Who confirmed it (null for accounts older than the rule and for the demo city)' }) accessConfirmedBy: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
}

export class PersonPageDto extends PageOf(PersonResponseDto) {}

export function toPersonResponse(p: Person): PersonResponseDto {
  return {
    id: p.id,
    email: p.email,
    displayName: p.displayName,
    roles: p.roles,
    agencyId: p.agencyId,
    agency: p.agency ? { id: p.agency.id, name: p.agency.name, code: p.agency.code, kind: p.agency.kind } : undefined,
    deputyId: p.deputyId,
    active: p.active,
    accessConfirmed: p.accessConfirmedAt !== null,
    accessConfirmedAt: p.accessConfirmedAt?.toISOString() ?? null,
    passwordChosenBySelf: p.passwordChosenBySelf,
    accessConfirmedBy: p.accessConfirmedBy,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
  };
}
