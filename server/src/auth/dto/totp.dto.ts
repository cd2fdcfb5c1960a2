import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole } from '@concord/shared';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class TotpCodeDto {
  @ApiProperty({ example: '123456', description: 'The current code of the authenticator app' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  code: string;
}

export class TotpDisableDto {
  @ApiPropertyOptional({ description: 'Your password' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({ description: 'Or a current code (or a recovery code)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;
}

export class TotpPolicyBodyDto {
  @ApiProperty({ enum: STAFF_ROLES, isArray: true, description: 'Roles that must use two-factor sign-in' })
  @IsArray()
  @ArrayMaxSize(STAFF_ROLES.length * 2)
  @IsIn(STAFF_ROLES, { each: true, message: `requiredRoles must hold only ${STAFF_ROLES.join(', ')}` })
  requiredRoles: StaffRole[];
}
