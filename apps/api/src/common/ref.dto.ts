import { ApiProperty } from '@nestjs/swagger';

/** A record named in another one's answer (place, district, ...). */
export class NamedRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class AgencyRefDto extends NamedRefDto {
  @ApiProperty() code: string;
}

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}
