import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class UpdateAnalysisSettingsDto {
  @ApiProperty({
    minimum: 3,
    maximum: 1000,
    description: 'Groups with fewer responses show no breakdown and no free text',
  })
  @IsInt()
  @Min(3)
  @Max(1000)
  minCellSize: number;
}
