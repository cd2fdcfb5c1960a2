import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DemoRemovalResult, DemoStatus } from '@concord/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import { type Actor, requireRole } from '../common/actor';
import { demoWasRemoved } from './demo-records';
import { countDemo, removeDemoData } from './demo-removal';

/** What an admin sees of the demo data, and the one action that removes it. */
@Injectable()
export class DemoDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async status(actor: Actor): Promise<DemoStatus> {
    requireRole(actor, []);
    const manager = this.dataSource.manager;
    return { present: await countDemo(manager), removed: await demoWasRemoved(manager) };
  }

  async remove(actor: Actor | null): Promise<DemoRemovalResult> {
    if (actor !== null) requireRole(actor, []);
    const result = await this.dataSource.transaction(async (manager) => {
      const removal = await removeDemoData(manager);
      await this.audit.record(manager, {
        actor,
        action: 'demo.removed',
        subject: 'demo',
        payload: { removed: removal.removed, kept: removal.kept },
      });
      return removal;
    });
    await this.audit.seal();
    return result;
  }
}
