import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  analyzeTranslations,
  canonicalJson,
  checkDefinition,
  compileValidator,
  type CompiledSurvey,
  type CreatedSurveyVersionDto,
  diffVersions,
  importTranslations,
  type StaleSource,
  type SurveyDefinition,
  type SurveyDetailDto,
  type SurveyDto,
  type SurveyVersionDto,
  type SurveyVersionSummaryDto,
  translationRows,
  type DetailedVersionDiff,
  withSnapshots,
} from '@concord/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { onlyRow } from '../common/rows';
import { sanitizeDefinition } from './definition-sanitizer';
import {
  readXliff,
  readXlsx,
  type TranslationFormat,
  writeXliff,
  writeXlsx,
  XLIFF_TYPE,
  XLSX_TYPE,
} from './translation-files';
import { Survey } from './entities/survey.entity';
import { SurveyVersion } from './entities/survey-version.entity';

const WRITERS = ['secretariat'] as const;
const READERS = ['secretariat', 'committee'] as const;

export interface SurveyInput {
  slug: string;
  title: string;
}

export interface VersionInput {
  definition: Record<string, unknown>;
  changelog?: string;
}

/** A BCP 47-like locale code as SurveyJS uses them: `fr`, `ar`, `pt-br`. */
const LOCALE_CODE = /^[a-z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/;

export interface TranslationFile {
  content: Buffer;
  contentType: string;
  fileName: string;
}

export interface TranslationImportResult {
  updated: number;
  unknownKeys: string[];
  staleSources: StaleSource[];
}

export function definitionHash(definition: SurveyDefinition): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

function summary(version: SurveyVersion): SurveyVersionSummaryDto {
  return {
    version: version.version,
    status: version.status,
    definitionHash: version.definitionHash,
    changelog: version.changelog,
    createdAt: version.createdAt.toISOString(),
    publishedAt: version.publishedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class SurveysService {
  /** Published versions never change, so their compiled validators are kept for the life of the process. */
  private readonly validators = new Map<string, CompiledSurvey>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor | null, input: SurveyInput): Promise<SurveyDto> {
    if (actor !== null) requireRole(actor, WRITERS);
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(Survey)
        .values({ slug: input.slug, title: input.title, createdBy: actor?.id ?? null })
        .orIgnore()
        .returning('*')
        .execute();
      if ((inserted.raw as unknown[]).length === 0) {
        throw new DomainError('survey_slug_taken', `A survey with the slug "${input.slug}" already exists`);
      }
      const survey = await manager.findOneByOrFail(Survey, { slug: input.slug });
      await this.audit.record(manager, {
        actor,
        action: 'survey.created',
        subject: `survey:${survey.id}`,
        payload: { slug: survey.slug, title: survey.title },
      });
      return {
        id: survey.id,
        slug: survey.slug,
        title: survey.title,
        createdAt: survey.createdAt.toISOString(),
        latestVersion: null,
        publishedVersions: [],
      };
    });
  }

  async list(actor: Actor): Promise<SurveyDto[]> {
    requireRole(actor, READERS);
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        slug: string;
        title: string;
        createdAt: Date;
        latestVersion: number | null;
        publishedVersions: number[];
      }>
    >(
      `SELECT s.id, s.slug, s.title, s.created_at AS "createdAt",
              MAX(v.version) AS "latestVersion",
              COALESCE(ARRAY_AGG(v.version ORDER BY v.version) FILTER (WHERE v.status = 'published'), '{}') AS "publishedVersions"
         FROM surveys s LEFT JOIN survey_versions v ON v.survey_id = s.id
        GROUP BY s.id ORDER BY s.title, s.slug`,
    );
    return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  }

  async get(actor: Actor, surveyId: string): Promise<SurveyDetailDto> {
    requireRole(actor, READERS);
    const survey = await this.findSurvey(this.dataSource.manager, surveyId);
    const versions = await this.dataSource
      .getRepository(SurveyVersion)
      .find({ where: { surveyId }, order: { version: 'ASC' } });
    return {
      id: survey.id,
      slug: survey.slug,
      title: survey.title,
      createdAt: survey.createdAt.toISOString(),
      latestVersion: versions.at(-1)?.version ?? null,
      publishedVersions: versions.filter((version) => version.status === 'published').map((version) => version.version),
      versions: versions.map(summary),
    };
  }

  async createVersion(actor: Actor | null, surveyId: string, input: VersionInput): Promise<CreatedSurveyVersionDto> {
    if (actor !== null) requireRole(actor, WRITERS);
    const definition = this.checked(input.definition);
    return this.dataSource.transaction(async (manager) => {
      // Locking the survey row numbers concurrent new versions one after the other.
      await this.findSurvey(manager, surveyId, true);
      const { next } = onlyRow(
        await manager.query<Array<{ next: number }>>(
          'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM survey_versions WHERE survey_id = $1',
          [surveyId],
        ),
        'the next survey version number',
      );
      const hash = definitionHash(definition);
      const saved = await manager.save(
        manager.create(SurveyVersion, {
          surveyId,
          version: next,
          status: 'draft',
          definition,
          definitionHash: hash,
          changelog: input.changelog ?? '',
          publishedAt: null,
          createdBy: actor?.id ?? null,
        }),
      );
      await this.audit.record(manager, {
        actor,
        action: 'survey_version.created',
        subject: `survey:${surveyId}`,
        payload: { version: next, definitionHash: hash },
      });
      return { version: saved.version, status: saved.status, definitionHash: saved.definitionHash };
    });
  }

  async updateVersion(
    actor: Actor,
    surveyId: string,
    version: number,
    input: VersionInput,
  ): Promise<SurveyVersionSummaryDto> {
    requireRole(actor, WRITERS);
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.findVersion(manager, surveyId, version, true);
      if (entity.status !== 'draft')
        throw new DomainError('version_frozen', `Version ${version} is ${entity.status} and can no longer be changed`);
      const definition = this.checked(input.definition);
      entity.definition = definition;
      entity.definitionHash = definitionHash(definition);
      if (input.changelog !== undefined) entity.changelog = input.changelog;
      const saved = await manager.save(entity);
      await this.audit.record(manager, {
        actor,
        action: 'survey_version.updated',
        subject: `survey:${surveyId}`,
        payload: { version, definitionHash: saved.definitionHash },
      });
      return summary(saved);
    });
  }

  async publish(actor: Actor | null, surveyId: string, version: number): Promise<SurveyVersionSummaryDto> {
    if (actor !== null) requireRole(actor, WRITERS);
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.findVersion(manager, surveyId, version, true);
      if (entity.status !== 'draft')
        throw new DomainError('version_frozen', `Version ${version} is already ${entity.status}`);
      entity.status = 'published';
      entity.publishedAt = new Date();
      const saved = await manager.save(entity);
      await this.audit.record(manager, {
        actor,
        action: 'survey_version.published',
        subject: `survey:${surveyId}`,
        payload: { version, definitionHash: saved.definitionHash },
      });
      return summary(saved);
    });
  }

  async getVersion(actor: Actor, surveyId: string, version: number): Promise<SurveyVersionDto> {
    requireRole(actor, READERS);
    const entity = await this.findVersion(this.dataSource.manager, surveyId, version);
    const previous = await this.dataSource
      .getRepository(SurveyVersion)
      .findOne({ where: { surveyId, version: version - 1 } });
    return {
      ...summary(entity),
      surveyId,
      definition: entity.definition,
      translations: analyzeTranslations(entity.definition, previous?.definition),
    };
  }

  async diff(actor: Actor, surveyId: string, from: number, to: number): Promise<DetailedVersionDiff> {
    requireRole(actor, READERS);
    const before = await this.findVersion(this.dataSource.manager, surveyId, from);
    const after = await this.findVersion(this.dataSource.manager, surveyId, to);
    return withSnapshots(diffVersions(before.definition, after.definition), before.definition, after.definition);
  }

  /** One locale's strings as a file for outside translators (XLSX or XLIFF 2.0). */
  async exportTranslations(
    actor: Actor,
    surveyId: string,
    version: number,
    locale: string,
    format: TranslationFormat,
  ): Promise<TranslationFile> {
    requireRole(actor, READERS);
    const survey = await this.findSurvey(this.dataSource.manager, surveyId);
    const entity = await this.findVersion(this.dataSource.manager, surveyId, version);
    const sourceLocale = this.requireTargetLocale(entity.definition, locale);
    const previous = await this.dataSource
      .getRepository(SurveyVersion)
      .findOne({ where: { surveyId, version: version - 1 } });
    const rows = translationRows(entity.definition, locale, previous?.definition);
    const context = { sourceLocale, targetLocale: locale, original: `${survey.slug} version ${version}` };
    const fileName = `${survey.slug}-v${version}-${locale}.${format}`;
    return format === 'xlsx'
      ? { content: await writeXlsx(rows, context), contentType: XLSX_TYPE, fileName }
      : { content: Buffer.from(writeXliff(rows, context), 'utf8'), contentType: XLIFF_TYPE, fileName };
  }

  /**
   * Reads a translated file into a draft: new translations are taken; keys the version does not have
   * and strings whose source changed since the export are reported and left alone.
   */
  async importTranslationFile(
    actor: Actor,
    surveyId: string,
    version: number,
    locale: string,
    format: TranslationFormat,
    file: unknown,
  ): Promise<TranslationImportResult> {
    requireRole(actor, WRITERS);
    if (!Buffer.isBuffer(file) || file.length === 0) {
      throw new DomainError(
        'unsupported_media_type',
        format === 'xlsx'
          ? `Send the workbook as the request body with Content-Type ${XLSX_TYPE}`
          : `Send the XLIFF file as the request body with Content-Type ${XLIFF_TYPE}`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.findVersion(manager, surveyId, version, true);
      if (entity.status !== 'draft')
        throw new DomainError('version_frozen', `Version ${version} is ${entity.status} and can no longer be changed`);
      this.requireTargetLocale(entity.definition, locale);
      const entries = format === 'xlsx' ? await readXlsx(file) : readXliff(file, locale);
      const result = importTranslations(entity.definition, locale, entries);
      if (result.updated > 0) {
        const definition = this.checked(result.definition);
        entity.definition = definition;
        entity.definitionHash = definitionHash(definition);
        await manager.save(entity);
        await this.audit.record(manager, {
          actor,
          action: 'survey_version.translations_imported',
          subject: `survey:${surveyId}`,
          payload: { version, locale, format, updated: result.updated, definitionHash: entity.definitionHash },
        });
      }
      return { updated: result.updated, unknownKeys: result.unknownKeys, staleSources: result.staleSources };
    });
  }

  /** The survey's own locale, after checking `locale` is another, well-formed one. */
  private requireTargetLocale(definition: SurveyDefinition, locale: string): string {
    const sourceLocale = typeof definition.locale === 'string' && definition.locale !== '' ? definition.locale : 'en';
    if (!LOCALE_CODE.test(locale)) {
      throw new DomainError('bad_request', `locale must be a language code such as fr or pt-br, got "${locale}"`);
    }
    if (locale === sourceLocale || locale === 'default') {
      throw new DomainError(
        'bad_request',
        `${locale} is the questionnaire's own language; choose a language to translate into`,
      );
    }
    return sourceLocale;
  }

  /** For campaigns and responses: a published version, or a 404/409 naming what is wrong. */
  async getPublishedVersion(surveyId: string, version: number): Promise<SurveyVersion> {
    const entity = await this.findVersion(this.dataSource.manager, surveyId, version);
    if (entity.status !== 'published')
      throw new DomainError('version_not_published', `Version ${version} of this survey is not published`);
    return entity;
  }

  /** A version's definition and number by its id, for the responses pinned to it (campaigns check it was published). */
  async versionById(versionId: string): Promise<{ definition: SurveyDefinition; version: number }> {
    const { definition, version } = await this.dataSource
      .getRepository(SurveyVersion)
      .findOneByOrFail({ id: versionId });
    return { definition, version };
  }

  /** The compiled answer validator of a published version, compiled once per process. */
  async getPublishedValidator(surveyId: string, version: number): Promise<CompiledSurvey> {
    const entity = await this.getPublishedVersion(surveyId, version);
    return this.validatorFor(entity);
  }

  validatorFor(entity: SurveyVersion): CompiledSurvey {
    const cached = this.validators.get(entity.id);
    if (cached !== undefined && entity.status === 'published') return cached;
    const compiled = compileValidator(entity.definition);
    if (entity.status === 'published') this.validators.set(entity.id, compiled);
    return compiled;
  }

  /**
   * Creates a survey with published versions in one transaction, as the system, unless a survey
   * with that slug exists already (then nothing is touched, so edits made since are kept).
   */
  async seed(
    slug: string,
    title: string,
    versions: ReadonlyArray<{ definition: SurveyDefinition; changelog: string }>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(Survey)
        .values({ slug, title, createdBy: null })
        .orIgnore()
        .returning('id')
        .execute();
      // Nothing returned: the slug was there already (ON CONFLICT DO NOTHING).
      const [row] = inserted.raw as Array<{ id: string }>;
      if (row === undefined) return;
      const surveyId = row.id;
      await this.audit.record(manager, {
        actor: null,
        action: 'survey.created',
        subject: `survey:${surveyId}`,
        payload: { slug, title },
      });
      let number = 0;
      for (const { definition, changelog } of versions) {
        number += 1;
        const clean = this.checked(definition);
        const hash = definitionHash(clean);
        await manager.save(
          manager.create(SurveyVersion, {
            surveyId,
            version: number,
            status: 'published',
            definition: clean,
            definitionHash: hash,
            changelog,
            publishedAt: new Date(),
            createdBy: null,
          }),
        );
        await this.audit.record(manager, {
          actor: null,
          action: 'survey_version.created',
          subject: `survey:${surveyId}`,
          payload: { version: number, definitionHash: hash },
        });
        await this.audit.record(manager, {
          actor: null,
          action: 'survey_version.published',
          subject: `survey:${surveyId}`,
          payload: { version: number, definitionHash: hash },
        });
      }
    });
  }

  private checked(raw: SurveyDefinition): SurveyDefinition {
    const problems = checkDefinition(raw);
    if (problems.length > 0) {
      throw new DomainError(
        'invalid_definition',
        `The definition is not a valid questionnaire (${problems.length} problem${problems.length === 1 ? '' : 's'})`,
        problems,
      );
    }
    return sanitizeDefinition(raw);
  }

  private async findSurvey(manager: EntityManager, surveyId: string, lock = false): Promise<Survey> {
    const survey = await manager.findOne(Survey, {
      where: { id: surveyId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (survey === null) throw new DomainError('survey_not_found', 'No survey has this id');
    return survey;
  }

  private async findVersion(
    manager: EntityManager,
    surveyId: string,
    version: number,
    lock = false,
  ): Promise<SurveyVersion> {
    await this.findSurvey(manager, surveyId);
    const entity = await manager.findOne(SurveyVersion, {
      where: { surveyId, version },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (entity === null) throw new DomainError('survey_version_not_found', `This survey has no version ${version}`);
    return entity;
  }
}
