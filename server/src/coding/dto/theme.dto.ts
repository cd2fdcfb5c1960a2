import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** Answer keys: a question name, or `<name>-Comment` for "other" text. */
export const QUESTION_FIELD = { minLength: 1, maxLength: 200 };

function trimmed({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

export class CreateThemeDto {
  @ApiProperty({ example: 'roles_why', description: 'a free-text question, or `<question>-Comment` for "other" text' })
  @IsString()
  @Length(1, 200, { message: 'question must be 1 to 200 characters long' })
  question: string;

  @ApiProperty({ example: 'Unclear mandate' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 120, { message: 'name must be 1 to 120 characters long' })
  name: string;

  @ApiPropertyOptional({ example: 'The answer says the Charter leaves the role undefined.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'description must be at most 2000 characters' })
  description?: string;

  @ApiPropertyOptional({ description: 'a theme of the same question this theme is part of' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;
}

export class UpdateThemeDto {
  @ApiPropertyOptional({ example: 'Unclear mandate' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 120, { message: 'name must be 1 to 120 characters long' })
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(2000, { message: 'description must be at most 2000 characters' })
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'null makes it a top-level theme' })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'parentId must be a UUID or null' })
  parentId?: string | null;

  @ApiPropertyOptional({ description: 'order on the coding page (number keys follow it)' })
  @IsOptional()
  @IsInt({ message: 'position must be an integer' })
  @Min(1, { message: 'position must be from 1 to 10000' })
  @Max(10_000, { message: 'position must be from 1 to 10000' })
  position?: number;
}

export class MergeThemeDto {
  @ApiProperty({ description: 'the theme that keeps the codings' })
  @IsUUID('all', { message: 'intoId must be a UUID' })
  intoId: string;
}

export class ThemesQueryDto {
  @ApiPropertyOptional({ description: 'only the themes of this question' })
  @IsOptional()
  @IsString({ message: 'question must be given once' })
  @Length(1, 200, { message: 'question must be 1 to 200 characters long' })
  question?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'also list merged themes' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'includeMerged must be true or false' })
  includeMerged?: 'true' | 'false';
}
