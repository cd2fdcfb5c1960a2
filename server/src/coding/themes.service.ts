import { Injectable } from '@nestjs/common';
import type { MergeThemeResult, ThemeDto } from '@concord/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { themeNameKey } from './answer-list';
import { CodingRepository, type ThemeRow } from './coding.repository';
import { CodingSourcesService } from './coding-sources.service';
import type { CreateThemeDto, UpdateThemeDto } from './dto/theme.dto';
import type { CodingTheme } from './entities/coding-theme.entity';

export const CODERS = ['secretariat'] as const;
export const CODING_READERS = ['secretariat', 'committee'] as const;

export function toThemeDto({ theme, codedAnswers }: ThemeRow): ThemeDto {
  return {
    id: theme.id,
    surveyId: theme.surveyId,
    question: theme.question,
    name: theme.name,
    description: theme.description,
    parentId: theme.parentId,
    position: theme.position,
    mergedIntoId: theme.mergedIntoId,
    codedAnswers,
    createdAt: theme.createdAt.toISOString(),
    updatedAt: theme.updatedAt.toISOString(),
  };
}

/** Themes of a survey's free-text questions: created, renamed, nested, merged, deleted when unused. */
@Injectable()
export class ThemesService {
  constructor(
    private readonly repository: CodingRepository,
    private readonly sources: CodingSourcesService,
    private readonly audit: AuditService,
  ) {}

  async list(
    actor: Actor,
    surveyId: string,
    question: string | undefined,
    includeMerged: boolean,
  ): Promise<ThemeDto[]> {
    requireRole(actor, CODING_READERS);
    // An unknown question simply has no themes.
    await this.sources.requireSurvey(actor, surveyId);
    const rows = await this.repository.listThemes(surveyId, question ?? null, includeMerged);
    return rows.map(toThemeDto);
  }

  async create(actor: Actor, surveyId: string, input: CreateThemeDto): Promise<ThemeDto> {
    requireRole(actor, CODERS);
    await this.sources.surveyQuestion(actor, surveyId, input.question);
    return this.repository.transaction(async (manager) => {
      const theme = await this.createIn(manager, actor, surveyId, input);
      return toThemeDto({ theme, codedAnswers: 0 });
    });
  }

  /** Creates a theme inside the caller's transaction (also used when a suggestion is applied). */
  async createIn(
    manager: EntityManager,
    actor: Actor,
    surveyId: string,
    input: { question: string; name: string; description?: string; parentId?: string },
  ): Promise<CodingTheme> {
    const name = input.name.trim();
    await this.repository.lockQuestion(manager, surveyId, input.question);
    await this.requireFreeName(manager, surveyId, input.question, name, null);
    if (input.parentId !== undefined) await this.requireParent(manager, surveyId, input.question, input.parentId, null);
    const theme = await this.repository.insertTheme(manager, {
      surveyId,
      question: input.question,
      name,
      nameKey: themeNameKey(name),
      description: input.description?.trim() || null,
      parentId: input.parentId ?? null,
      position: await this.repository.nextPosition(manager, surveyId, input.question),
      mergedIntoId: null,
      createdBy: actor.id,
    });
    await this.audit.record(manager, {
      actor,
      action: 'coding.theme_created',
      subject: `survey:${surveyId}`,
      payload: { themeId: theme.id, question: theme.question, name: theme.name, parentId: theme.parentId },
    });
    return theme;
  }

  /** Rename, describe, move under another theme or to the top, reorder. Codings refer to the id and stay. */
  async update(actor: Actor, surveyId: string, themeId: string, changes: UpdateThemeDto): Promise<ThemeDto> {
    requireRole(actor, CODERS);
    if (Object.values(changes).every((value) => value === undefined)) {
      throw new DomainError('bad_request', 'Give at least one of name, description, parentId, position');
    }
    return this.repository.transaction(async (manager) => {
      const theme = await this.lockedTheme(manager, surveyId, themeId);
      const update: Partial<Pick<CodingTheme, 'name' | 'nameKey' | 'description' | 'parentId' | 'position'>> = {};
      if (changes.name !== undefined && changes.name !== theme.name) {
        await this.requireFreeName(manager, surveyId, theme.question, changes.name, theme.id);
        update.name = changes.name;
        update.nameKey = themeNameKey(changes.name);
      }
      if (changes.description !== undefined) update.description = changes.description?.trim() || null;
      if (changes.parentId !== undefined && changes.parentId !== theme.parentId) {
        if (changes.parentId !== null) {
          await this.requireParent(manager, surveyId, theme.question, changes.parentId, theme.id);
        }
        update.parentId = changes.parentId;
      }
      if (changes.position !== undefined) update.position = changes.position;
      if (Object.keys(update).length > 0) {
        await this.repository.updateTheme(manager, theme.id, update);
        const { nameKey: _nameKey, ...visible } = update;
        await this.audit.record(manager, {
          actor,
          action: 'coding.theme_updated',
          subject: `survey:${surveyId}`,
          payload: {
            themeId: theme.id,
            question: theme.question,
            before: {
              name: theme.name,
              description: theme.description,
              parentId: theme.parentId,
              position: theme.position,
            },
            changes: visible,
          },
        });
      }
      return toThemeDto(await this.requireRow(manager, theme.id));
    });
  }

  /** Moves every coding of a theme to another theme of the same question and retires the first. */
  async merge(actor: Actor, surveyId: string, themeId: string, intoId: string): Promise<MergeThemeResult> {
    requireRole(actor, CODERS);
    if (themeId === intoId) throw new DomainError('unprocessable', 'A theme cannot be merged into itself');
    return this.repository.transaction(async (manager) => {
      const from = await this.lockedTheme(manager, surveyId, themeId);
      const into = await this.repository.findTheme(intoId, manager, true);
      if (into === null || into.surveyId !== surveyId) {
        throw new DomainError('theme_not_found', `No theme ${intoId} in this survey to merge into`);
      }
      if (into.question !== from.question) {
        throw new DomainError(
          'unprocessable',
          `Themes of different questions cannot be merged (${from.question}, ${into.question})`,
        );
      }
      if (into.mergedIntoId !== null) {
        throw new DomainError(
          'unprocessable',
          `Theme "${into.name}" was itself merged into another theme; merge into that one`,
        );
      }
      const intoIsDescendant = (await this.repository.ancestors(manager, into.id)).includes(from.id);
      const moved = await this.repository.mergeTheme(manager, from, into, intoIsDescendant);
      await this.audit.record(manager, {
        actor,
        action: 'coding.theme_merged',
        subject: `survey:${surveyId}`,
        payload: {
          themeId: from.id,
          name: from.name,
          intoId: into.id,
          intoName: into.name,
          question: from.question,
          movedCodings: moved,
        },
      });
      return { theme: toThemeDto(await this.requireRow(manager, into.id)), movedCodings: moved };
    });
  }

  /** Deletes a theme nobody has used; a used one is merged instead, so no coding is lost. */
  async remove(actor: Actor, surveyId: string, themeId: string): Promise<void> {
    requireRole(actor, CODERS);
    await this.repository.transaction(async (manager) => {
      const theme = await this.lockedTheme(manager, surveyId, themeId);
      if (await this.repository.isUsed(manager, theme.id)) {
        throw new DomainError(
          'theme_in_use',
          `Theme "${theme.name}" codes answers; merge it into another theme instead of deleting it`,
        );
      }
      await this.repository.deleteTheme(manager, theme.id);
      await this.audit.record(manager, {
        actor,
        action: 'coding.theme_deleted',
        subject: `survey:${surveyId}`,
        payload: { themeId: theme.id, question: theme.question, name: theme.name },
      });
    });
  }

  /**
   * An active theme, locked: the question's lock first, then the row, in the order codings take
   * them (they hold the question's shared lock while the foreign key reads theme rows), so the two
   * never wait on each other in a circle.
   */
  private async lockedTheme(manager: EntityManager, surveyId: string, themeId: string): Promise<CodingTheme> {
    const theme = await this.activeTheme(manager, surveyId, themeId, false);
    await this.repository.lockQuestion(manager, surveyId, theme.question);
    return this.activeTheme(manager, surveyId, themeId, true);
  }

  private async activeTheme(
    manager: EntityManager,
    surveyId: string,
    themeId: string,
    lock: boolean,
  ): Promise<CodingTheme> {
    const theme = await this.repository.findTheme(themeId, manager, lock);
    if (theme === null || theme.surveyId !== surveyId) {
      throw new DomainError('theme_not_found', `No theme ${themeId} in this survey`);
    }
    if (theme.mergedIntoId !== null) {
      throw new DomainError('theme_not_found', `Theme "${theme.name}" was merged into theme ${theme.mergedIntoId}`, {
        mergedIntoId: theme.mergedIntoId,
      });
    }
    return theme;
  }

  private async requireRow(manager: EntityManager, themeId: string): Promise<ThemeRow> {
    const row = await this.repository.themeRow(themeId, manager);
    if (row === null) throw new DomainError('theme_not_found', `No theme ${themeId}`);
    return row;
  }

  private async requireFreeName(
    manager: EntityManager,
    surveyId: string,
    question: string,
    name: string,
    exceptId: string | null,
  ): Promise<void> {
    const existing = await this.repository.findActiveByName(manager, surveyId, question, themeNameKey(name));
    if (existing !== null && existing.id !== exceptId) {
      throw new DomainError('theme_name_taken', `Question ${question} already has a theme named "${existing.name}"`, {
        themeId: existing.id,
      });
    }
  }

  /** A parent is an active theme of the same question that is not the theme itself nor below it. */
  private async requireParent(
    manager: EntityManager,
    surveyId: string,
    question: string,
    parentId: string,
    themeId: string | null,
  ): Promise<void> {
    const parent = await this.repository.findTheme(parentId, manager);
    if (parent === null || parent.surveyId !== surveyId || parent.mergedIntoId !== null) {
      throw new DomainError('theme_invalid_parent', `parentId ${parentId} is not a theme of this survey`);
    }
    if (parent.question !== question) {
      throw new DomainError(
        'theme_invalid_parent',
        `The parent theme belongs to question ${parent.question}, not ${question}`,
      );
    }
    if (
      themeId !== null &&
      (parent.id === themeId || (await this.repository.ancestors(manager, parent.id)).includes(themeId))
    ) {
      throw new DomainError(
        'theme_invalid_parent',
        'A theme cannot be placed under itself or one of its own sub-themes',
      );
    }
  }
}
