import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { AnalysisController } from './analysis.controller';
import { AnalysisFactsService } from './analysis-facts.service';
import { ExportColumnProviders } from './export-extensions';
import { ExportService } from './export.service';
import { FreeTextService } from './free-text.service';
import { QuestionPlansService } from './question-plans.service';
import { TallyService } from './tally.service';
import { TallyEngineService } from './tally-engine.service';

@Module({
  imports: [AuditModule],
  controllers: [AnalysisController],
  providers: [
    QuestionPlansService,
    AnalysisFactsService,
    TallyService,
    TallyEngineService,
    FreeTextService,
    ExportService,
    ExportColumnProviders,
  ],
  exports: [AnalysisFactsService, TallyService, ExportColumnProviders],
})
export class AnalysisModule {}
