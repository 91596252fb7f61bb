import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { IsOptionalNotNull } from '../../common/optional-not-null.decorator.js';

export class PutAgencyWebhookDto {
  @ApiProperty({ example: 'https://chat.example.de/hooks/drogenrapport', maxLength: 2000, description: 'https (plain http only to localhost)' })
  @IsString() @MinLength(1) @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ description: 'Off: nothing is posted and pending deliveries are withdrawn. Default on creation: true' })
  @IsOptionalNotNull() @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Required when the agency already has a webhook: the version you read; a stale version is refused (409)' })
  @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

export class WebhookVersionDto {
  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused (409)' })
  @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}
