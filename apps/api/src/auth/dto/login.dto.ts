import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'koordination@demo.drogenrapport.invalid' })
  @IsString() @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString() @MinLength(1) @MaxLength(200)
  password: string;
}
