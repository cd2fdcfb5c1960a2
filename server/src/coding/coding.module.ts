import { Module, type OnModuleInit } from '@nestjs/common';
import { AnalysisModule, ExportColumnProviders } from '../analysis';
import { AuditModule } from '../audit';
import { CampaignsModule } from '../campaigns';
import { NetworksModule } from '../networks';
import { ResponsesModule } from '../responses';
import { SurveysModule } from '../surveys';
import { AgreementService } from './agreement.service';
import { CodingRepository } from './coding.repository';
import { CodingSourcesService } from './coding-sources.service';
import { CodingsController } from './codings.controller';
import { CodingsService } from './codings.service';
import { ThemesController } from './themes.controller';
import { EvidenceQuotesService } from './evidence-quotes.service';
import { ThemeExportService } from './theme-export.service';
import { ThemeTalliesService } from './theme-tallies.service';
import { ThemesService } from './themes.service';

@Module({
  imports: [AnalysisModule, AuditModule, CampaignsModule, NetworksModule, ResponsesModule, SurveysModule],
  controllers: [ThemesController, CodingsController],
  providers: [
    CodingRepository,
    CodingSourcesService,
    ThemesService,
    CodingsService,
    AgreementService,
    ThemeTalliesService,
    ThemeExportService,
    EvidenceQuotesService,
  ],
  exports: [CodingsService, ThemesService, ThemeTalliesService, EvidenceQuotesService],
})
export class CodingModule implements OnModuleInit {
  constructor(
    private readonly exportColumns: ExportColumnProviders,
    private readonly themeExport: ThemeExportService,
  ) {}

  /** The response exports carry a column per theme: analysis cannot import coding, so coding registers. */
  onModuleInit(): void {
    this.exportColumns.register(this.themeExport);
  }
}
