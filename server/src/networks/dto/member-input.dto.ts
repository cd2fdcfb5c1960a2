import { ApiProperty } from '@nestjs/swagger';
import { MEMBER_LANGUAGES, SUGGESTED_MEMBER_ROLES } from '@concord/shared';

/** For the OpenAPI document; the list itself is checked by checkMemberList (same rules as CSV lines). */
export class MemberInputDto {
  @ApiProperty({ example: 'Aziz Karimov' })
  name: string;

  @ApiProperty({ example: 'aziz@example.org' })
  email: string;

  @ApiProperty({ example: 'Uzbekistan' })
  country: string;

  @ApiProperty({
    example: 'National Focal Point',
    description: `free text; suggested: ${SUGGESTED_MEMBER_ROLES.join(', ')}`,
  })
  role: string;

  @ApiProperty({ enum: MEMBER_LANGUAGES })
  language: string;
}
