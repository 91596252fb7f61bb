import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';

export class SetDeputyDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'An active person of the same agency, or null to clear' })
  @ValidateIf((_, v) => v !== null) @IsUUID()
  deputyId: string | null;
}
