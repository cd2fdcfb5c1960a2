import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength, MinLength } from 'class-validator';

export const NEW_PASSWORD_MESSAGE = 'newPassword must be 12 to 1024 characters long';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(12, 1024, { message: NEW_PASSWORD_MESSAGE })
  newPassword: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'analyst@example.org' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The secret from the link in the e-mail' })
  @IsString()
  @Length(1, 200, { message: 'token must be 1 to 200 characters long' })
  token: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(12, 1024, { message: NEW_PASSWORD_MESSAGE })
  newPassword: string;
}
