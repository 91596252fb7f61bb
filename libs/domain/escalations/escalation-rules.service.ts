import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { reasonForCategories } from './escalation-enums.js';
import { linkDevelopments, MAX_LINKED_DEVELOPMENTS } from './escalations.service.js';
import { ThresholdRule } from './threshold-rule.entity.js';
import { planEscalationReminders } from '../notifications/rules/escalation-reminders.js';

/** Whether a rule's counts reach its threshold (exported for unit tests of the boundary). */
export function breaches(rule: Pick<ThresholdRule, 'minCount' | 'risePercent'>, current: number, previous: number): boolean {
  if (rule.minCount !== null) return current >= rule.minCount;
  // A rise against nothing is no percentage: a rule that should fire on the first developments
  // uses minCount. Integer arithmetic, so that "exactly 50 % more" is a breach.
  if (rule.risePercent !== null) return previous > 0 && current * 100 >= previous * (100 + rule.risePercent);
  return false;
}

/** The column of developments a scope kind counts on. */
const SCOPE_COLUMN = { district: 'district_id', place: 'place_id', sensitive: 'nearest_sensitive_place_id' } as const;

/**
 * The worker's part of the threshold rules (issue 8). A rule is a system actor: it counts ALL
 * developments (not withdrawn), whatever their visibility; what readers see of the proposal is
 * narrowed by EscalationsService. Windows end now: the current window is (now - w, now], the
 * previous one (now - 2w, now - w], by observedAt.
 *
 * A breach opens one proposal per rule and scope while one is proposed: the partial unique index
 * escalations_one_open_per_rule decides, the INSERT ... ON CONFLICT DO NOTHING below only asks it,
 * so concurrent evaluations (two workers, a development job and the periodic run) open one.
 * After a coordinator dismissed a rule's proposal for a scope, the rule stays quiet there for one
 * window length, so that a dismissed situation is not proposed again minutes later (a proposal
 * dismissed as merged into another, see RapportsService.reopenEscalation, does not count).
 */
@Injectable()
export class EscalationRulesService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly audit: AuditService) {}

  /** After a development was logged: the active rules it can concern, for its scopes. Returns the proposals opened. */
  async evaluateForDevelopment(developmentId: string, now = new Date()): Promise<string[]> {
    const [dev] = (await this.db.query(
      `SELECT category, district_id, place_id, nearest_sensitive_place_id FROM developments WHERE id = $1 AND withdrawn_at IS NULL`,
      [developmentId],
    )) as Array<{ category: string; district_id: string | null; place_id: string | null; nearest_sensitive_place_id: string | null }>;
    if (!dev) return [];
    const rules = await this.db.getRepository(ThresholdRule).createQueryBuilder('r')
      .where('r.active').andWhere(':category = ANY(r.categories)', { category: dev.category })
      .andWhere(`((r.scope_kind = 'district' AND r.district_id = :district) OR (r.scope_kind = 'place' AND r.place_id = :place)
                  OR (r.scope_kind = 'sensitive' AND CAST(:sensitive AS uuid) IS NOT NULL))`,
      { district: dev.district_id, place: dev.place_id, sensitive: dev.nearest_sensitive_place_id })
      .getMany();
    const opened: string[] = [];
    for (const rule of rules) {
      const scopeId = rule.scopeKind === 'district' ? rule.districtId : rule.scopeKind === 'place' ? rule.placeId : dev.nearest_sensitive_place_id;
      const id = await this.evaluate(rule, scopeId!, now);
      if (id) opened.push(id);
    }
    return opened;
  }

  /** The periodic run: every active rule in every scope it watches. Catches what a lost job missed. */
  async evaluateAll(now = new Date(), stop: () => boolean = () => false): Promise<string[]> {
    const rules = await this.db.getRepository(ThresholdRule).find({ where: { active: true }, order: { createdAt: 'ASC', id: 'ASC' } });
    const opened: string[] = [];
    for (const rule of rules) {
      if (stop()) break;
      let scopeIds: string[];
      if (rule.scopeKind === 'sensitive') {
        // Only sensitive places with developments of the rule's categories in the window can breach.
        const rows = (await this.db.query(
          `SELECT DISTINCT nearest_sensitive_place_id AS id FROM developments
            WHERE withdrawn_at IS NULL AND nearest_sensitive_place_id IS NOT NULL AND category = ANY($1::text[])
              AND observed_at > $2::timestamptz - make_interval(days => $3) AND observed_at <= $2::timestamptz`,
          [rule.categories, now, rule.windowDays],
        )) as Array<{ id: string }>;
        scopeIds = rows.map((r) => r.id);
      } else {
        scopeIds = [(rule.scopeKind === 'district' ? rule.districtId : rule.placeId)!];
      }
      for (const scopeId of scopeIds) {
        const id = await this.evaluate(rule, scopeId, now);
        if (id) opened.push(id);
      }
    }
    return opened;
  }

  /** Counts one rule in one scope and opens a proposal on a breach; returns its id, or null. */
  async evaluate(rule: ThresholdRule, scopeId: string, now: Date): Promise<string | null> {
    const column = SCOPE_COLUMN[rule.scopeKind];
    const inScope = `withdrawn_at IS NULL AND ${column} = $1 AND category = ANY($2::text[])`;
    const current = (await this.db.query(
      `SELECT id FROM developments WHERE ${inScope}
          AND observed_at > $3::timestamptz - make_interval(days => $4) AND observed_at <= $3::timestamptz
        ORDER BY observed_at DESC, id`,
      [scopeId, rule.categories, now, rule.windowDays],
    )) as Array<{ id: string }>;
    let previous = 0;
    if (rule.risePercent !== null) {
      const [row] = (await this.db.query(
        `SELECT count(*)::int AS n FROM developments WHERE ${inScope}
            AND observed_at > $3::timestamptz - make_interval(days => $4 * 2) AND observed_at <= $3::timestamptz - make_interval(days => $4)`,
        [scopeId, rule.categories, now, rule.windowDays],
      )) as Array<{ n: number }>;
      previous = row!.n;
    }
    if (!breaches(rule, current.length, previous)) return null;

    return this.db.transaction(async (m) => {
      const [quiet] = (await m.query(
        `SELECT 1 FROM escalations WHERE rule_id = $1 AND scope_id = $2 AND dismissed_at > $3::timestamptz - make_interval(days => $4) AND merged_into_id IS NULL LIMIT 1`,
        [rule.id, scopeId, now, rule.windowDays],
      )) as unknown[];
      if (quiet) return null;
      const [inserted] = (await m.query(
        `INSERT INTO escalations (reason, status, rule_id, scope_id) VALUES ($1, 'proposed', $2, $3)
         ON CONFLICT (rule_id, scope_id) WHERE status = 'proposed' AND rule_id IS NOT NULL DO NOTHING
         RETURNING id`,
        [reasonForCategories(rule.categories), rule.id, scopeId],
      )) as Array<{ id: string }>;
      if (!inserted) return null;
      // The newest ones show the situation; linking thousands would make every answer heavy.
      await linkDevelopments(m, inserted.id, current.slice(0, MAX_LINKED_DEVELOPMENTS).map((r) => r.id));
      // Actor null: the system (the rule). The counts stay out of the trail, as out of every answer:
      // they include developments its readers may not see.
      await this.audit.record(m, null, 'create', 'escalation', inserted.id, { status: { new: 'proposed' }, ruleId: { new: rule.id } });
      await planEscalationReminders(m, inserted.id);
      return inserted.id;
    });
  }
}
