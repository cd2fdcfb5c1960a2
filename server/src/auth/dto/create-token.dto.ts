import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateTokenDto {
  @ApiProperty({ example: 'nightly export script' })
  @IsString()
  @Length(1, 100)
  name: string;
}
