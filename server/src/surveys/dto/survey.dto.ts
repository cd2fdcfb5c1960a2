import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class CreateSurveyDto {
  @ApiProperty({ example: 'charter-review' })
  @IsString()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'slug must be lower-case letters, digits and single hyphens' })
  @MaxLength(100, { message: 'slug must be at most 100 characters' })
  slug: string;

  @ApiProperty({ example: 'Review of the CoE Charter: roles and responsibilities' })
  @IsString()
  @Length(1, 300, { message: 'title must be 1 to 300 characters long' })
  title: string;
}

export class SaveSurveyVersionDto {
  @ApiProperty({ description: 'A SurveyJS JSON definition', type: 'object', additionalProperties: true })
  @IsObject({ message: 'definition must be a JSON object' })
  definition: Record<string, unknown>;

  @ApiPropertyOptional({ example: 'Added a question on cooperation between networks' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'changelog must be at most 2000 characters' })
  changelog?: string;
}
