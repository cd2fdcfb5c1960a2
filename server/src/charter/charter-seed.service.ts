import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CharterClause } from '@concord/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { UsersService } from '../auth';
import type { Actor } from '../common/actor';
import { demoStaffPassword } from '../common/demo-password';
import { CharterDiscussionService } from './charter-discussion.service';
import { CharterService } from './charter.service';
import { SEED_BASELINE, SEED_CHARTER_SLUG, SEED_CHARTER_TITLE, SEED_COMMITTEE } from './charter-seed.content';
import { CharterDocument } from './entities/charter-document.entity';

function edit(
  clauses: readonly CharterClause[],
  id: string,
  change: (clause: CharterClause) => CharterClause,
): CharterClause[] {
  return clauses.map((clause) => (clause.id === id ? change(clause) : clause));
}

/**
 * How the demo feature marks what this seed creates, and tells whether the demo data was removed
 * (then nothing is seeded again). The demo feature registers it at start-up; without it nothing is
 * marked, so this feature needs no knowledge of the demo registry.
 */
export interface DemoMarker {
  wasRemoved(manager: EntityManager): Promise<boolean>;
  mark(manager: EntityManager, kind: 'user' | 'charter', ids: readonly string[]): Promise<void>;
}

const NO_DEMO_MARKER: DemoMarker = { wasRemoved: () => Promise.resolve(false), mark: () => Promise.resolve() };

/**
 * Seeds the baseline charter with a short drafting history once, at start-up. The committee
 * members it needs get random passwords nobody knows; an admin resets them to hand them out.
 */
@Injectable()
export class CharterSeedService {
  private readonly logger = new Logger('CharterSeed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charters: CharterService,
    private readonly discussion: CharterDiscussionService,
    @InjectConfig() private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  private running: Promise<void> = Promise.resolve();
  private demo: DemoMarker = NO_DEMO_MARKER;

  useDemoMarker(marker: DemoMarker): void {
    this.demo = marker;
  }
  private stopped = false;

  /**
   * Starts seeding once the first admin exists. The first admin is only created on a database
   * without users, so the committee members this seed adds must wait for it: on a fresh database
   * the seed waits in the background (polling briefly) instead of blocking start-up.
   */
  start(force = false): void {
    // The seeded charter is demo content, like the demo campaigns: SEED_DEMO=false leaves it out
    // (tests start it themselves when they want it).
    if (!this.config.seedDemo && !force) return;
    this.running = this.waitForAdmin()
      .then((ready) => (ready ? this.seed() : undefined))
      .catch((error: unknown) => {
        if (!this.stopped)
          this.logger.error(
            `Charter seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
      });
  }

  /** Resolves when the seed started by `start` has finished (or given up). */
  whenSeeded(): Promise<void> {
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async waitForAdmin(): Promise<boolean> {
    for (let attempt = 0; attempt < 600; attempt++) {
      if (this.stopped) return false;
      if (await this.users.hasAdmin()) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.logger.warn('No admin appeared within a minute: the charter was not seeded');
    return false;
  }

  async seed(): Promise<void> {
    // Demo content removed by an admin stays removed.
    if (await this.demo.wasRemoved(this.dataSource.manager)) return;
    const members = await this.committee();
    // The advisory lock makes instances starting together seed once; the slug check makes it idempotent.
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('concord.charter.seed'))`);
      if (await manager.existsBy(CharterDocument, { slug: SEED_CHARTER_SLUG })) return null;
      if (await this.demo.wasRemoved(manager)) return null;
      const result = await this.charters.createIn(manager, null, {
        slug: SEED_CHARTER_SLUG,
        title: SEED_CHARTER_TITLE,
        clauses: SEED_BASELINE,
        message: 'Baseline text for the revision',
      });
      const chairs = members
        .filter((_member, index) => SEED_COMMITTEE[index]?.chair === true)
        .map((member) => member.id);
      await manager.update(CharterDocument, { id: result.id }, { chairIds: chairs });
      await this.demo.mark(manager, 'charter', [result.id]);
      return result;
    });
    if (created === null || this.stopped) return;
    await this.history(created.id, members);
    this.logger.log(`Seeded charter ${SEED_CHARTER_SLUG}`);
  }

  private async committee(): Promise<Actor[]> {
    const actors: Actor[] = [];
    // Demo staff can sign in: with the password the first start prints next to the admin's.
    const password = demoStaffPassword(this.config.secrets.linkSecret);
    for (const member of SEED_COMMITTEE) {
      actors.push(
        await this.users.ensureSeededCommitteeMember(member, password, (manager, userId) =>
          this.demo.mark(manager, 'user', [userId]),
        ),
      );
    }
    return actors;
  }

  private async history(documentId: string, members: readonly Actor[]): Promise<void> {
    const [tashkent, rabat, manila, tbilisi] = members;
    if (tashkent === undefined || rabat === undefined || manila === undefined || tbilisi === undefined) {
      throw new Error(`The seeded charter history is written for four committee members, got ${members.length}`);
    }
    const head = async () => (await this.charters.get(tashkent, documentId)).head;
    let current = await head();
    await this.charters.saveRevision(rabat, documentId, {
      baseRevision: current.number,
      message: 'Regional Secretariats: add the consultation of the networks on their roles',
      clauses: edit(current.clauses, 'regional-secretariats', (clause) => ({
        ...clause,
        body: `${clause.body}\n\nThe Regional Secretariat consults the members of its regional network, at least every two years, on how its roles and the roles of the network members are carried out, and reports the findings to the Round Table Meeting.`,
      })),
    });
    current = await head();
    await this.charters.saveRevision(manila, documentId, {
      baseRevision: current.number,
      message: 'National Focal Points: name a deputy; clearer title for communication',
      clauses: edit(
        edit(current.clauses, 'national-focal-points', (clause) => ({
          ...clause,
          body: clause.body.replace(
            'Each partner country appoints a National Focal Point, who is the main contact of the network in that country.',
            'Each partner country appoints a National Focal Point and a deputy. The National Focal Point is the main contact of the network in that country.',
          ),
        })),
        'communication',
        (clause) => ({ ...clause, heading: 'Article 13. Communication and sharing of information' }),
      ),
    });
    current = await head();
    const withLanguages = [...current.clauses];
    withLanguages.splice(withLanguages.findIndex((clause) => clause.id === 'communication') + 1, 0, {
      id: 'working-languages',
      heading: 'Article 13a. Working languages',
      body: 'The working languages of the network are English, French, Russian and Arabic. Each regional network chooses the working languages of its own meetings.\n\nKey documents, including this Charter, are made available in the working languages of the regional networks.',
    });
    await this.charters.saveRevision(tbilisi, documentId, {
      baseRevision: current.number,
      message: 'Add an article on working languages',
      clauses: withLanguages,
    });
    current = await head();
    const accepted = await this.discussion.propose(rabat, documentId, {
      baseRevision: current.number,
      clauseId: 'round-table-meetings',
      heading: 'Article 7. Round Table Meetings',
      body: current.clauses
        .find((clause) => clause.id === 'round-table-meetings')!
        .body.replace(
          'It meets at least once a year.',
          'It meets at least once a year, and may meet online between its regular meetings.',
        ),
      rationale:
        'Several networks already hold online meetings between Round Tables; the Charter should allow for them.',
    });
    const rejected = await this.discussion.propose(manila, documentId, {
      baseRevision: current.number,
      clauseId: 'role-unicri',
      heading: 'Article 9. Role of UNICRI',
      body: 'UNICRI coordinates the regional networks and decides the agenda of the Round Table Meetings.',
      rationale: 'A single coordinator would simplify the work of the Regional Secretariats.',
    });
    await this.discussion.addComment(tbilisi, documentId, {
      amendmentId: accepted.id,
      body: 'Agreed; online meetings helped us keep the work going between Round Tables.',
    });
    await this.discussion.addComment(tashkent, documentId, {
      amendmentId: rejected.id,
      body: 'The agenda belongs to the Round Table Meeting itself; I cannot support this change.',
    });
    await this.discussion.accept(tashkent, documentId, accepted.id);
    await this.discussion.reject(
      tashkent,
      documentId,
      rejected.id,
      'The Round Table Meeting sets its own agenda (Article 7).',
    );
    const secretariats = await this.discussion.addComment(rabat, documentId, {
      clauseId: 'regional-secretariats',
      quote: 'Head of Secretariat',
      body: 'Should the Charter say who appoints the Head of Secretariat?',
    });
    await this.discussion.addComment(tashkent, documentId, {
      parentId: secretariats.id,
      body: 'The host country proposes and the Round Table Meeting agrees; we could add that in the next revision.',
    });
    const deputy = await this.discussion.addComment(tbilisi, documentId, {
      clauseId: 'national-focal-points',
      quote: 'and a deputy',
      body: 'Good: a deputy avoids gaps when the Focal Point changes post.',
    });
    await this.discussion.resolveComment(manila, documentId, deputy.id, true);
  }
}
