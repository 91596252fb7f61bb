import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { updateAudited, setActiveAudited } from '../common/audited-change.js';
import { DomainError } from '../common/domain-error.js';
import { Page, PageRequest, paginate } from '../common/pagination.js';
import { assertActiveReferences } from '../common/references.js';
import type { DevelopmentCategory } from '../developments/development-enums.js';
import type { RuleScopeKind } from './escalation-enums.js';
import { ThresholdRule } from './threshold-rule.entity.js';

export interface ThresholdRuleInput {
  name: string;
  categories: DevelopmentCategory[];
  scopeKind: RuleScopeKind;
  districtId?: string | null;
  placeId?: string | null;
  windowDays: number;
  minCount?: number | null;
  risePercent?: number | null;
}

export type ThresholdRulePatch = Partial<ThresholdRuleInput>;

const AUDITED = ['name', 'categories', 'scopeKind', 'districtId', 'placeId', 'windowDays', 'minCount', 'risePercent'];

/** Coordinators keep the threshold rules; the worker evaluates them (escalation-rules.service.ts). */
@Injectable()
export class ThresholdRulesService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly audit: AuditService) {}

  async create(actor: Actor, input: ThresholdRuleInput): Promise<ThresholdRule> {
    return this.db.transaction(async (m) => {
      const rule = m.create(ThresholdRule, {
        name: input.name.trim(), categories: [...new Set(input.categories)], scopeKind: input.scopeKind,
        districtId: input.districtId ?? null, placeId: input.placeId ?? null, windowDays: input.windowDays,
        minCount: input.minCount ?? null, risePercent: input.risePercent ?? null, active: true, createdBy: actor.id,
      });
      await assertValidRule(m, rule, {});
      await m.save(rule);
      await this.audit.record(m, actor, 'create', 'threshold_rule', rule.id, AuditService.diff(null, { ...rule }, AUDITED, ['name']));
      return loadRule(m, rule.id);
    });
  }

  /**
   * A change is checked as the whole rule it leaves behind: switching from a count to a rise means
   * sending risePercent and minCount: null. Open proposals of the rule stay as they are.
   */
  async update(actor: Actor, id: string, patch: ThresholdRulePatch, expectedVersion: number | undefined): Promise<ThresholdRule> {
    return this.db.transaction(async (m) => {
      await updateAudited(m, this.audit, actor, ThresholdRule, { entityType: 'threshold_rule', id, where: { id }, notFound: () => DomainError.notFound('threshold rule') },
        expectedVersion, { fields: AUDITED, changedOnly: ['name'] }, async (rule) => {
          const kept = { districtId: rule.districtId, placeId: rule.placeId };
          if (patch.name !== undefined) rule.name = patch.name.trim();
          if (patch.categories !== undefined) rule.categories = [...new Set(patch.categories)];
          if (patch.scopeKind !== undefined) {
            rule.scopeKind = patch.scopeKind;
            // Another kind of scope drops the old target unless the patch names one.
            if (patch.scopeKind !== 'district') rule.districtId = null;
            if (patch.scopeKind !== 'place') rule.placeId = null;
          }
          if (patch.districtId !== undefined) rule.districtId = patch.districtId;
          if (patch.placeId !== undefined) rule.placeId = patch.placeId;
          if (patch.windowDays !== undefined) rule.windowDays = patch.windowDays;
          if (patch.minCount !== undefined) rule.minCount = patch.minCount;
          if (patch.risePercent !== undefined) rule.risePercent = patch.risePercent;
          await assertValidRule(m, rule, kept);
        });
      return loadRule(m, id);
    });
  }

  /** A deactivated rule is no longer evaluated; proposals it opened stay. */
  async deactivate(actor: Actor, id: string): Promise<ThresholdRule> {
    return this.db.transaction(async (m) => {
      await setActiveAudited(m, this.audit, actor, ThresholdRule, { entityType: 'threshold_rule', id, where: { id }, notFound: () => DomainError.notFound('threshold rule') }, false);
      return loadRule(m, id);
    });
  }

  async get(id: string): Promise<ThresholdRule> {
    const rule = await this.db.getRepository(ThresholdRule).findOne({ where: { id }, relations: { district: true, place: true } });
    if (!rule) throw DomainError.notFound('threshold rule');
    return rule;
  }

  list(filter: { active?: boolean }, page: PageRequest): Promise<Page<ThresholdRule>> {
    const qb = this.db.getRepository(ThresholdRule).createQueryBuilder('r').leftJoinAndSelect('r.district', 'district').leftJoinAndSelect('r.place', 'place');
    if (filter.active !== undefined) qb.andWhere('r.active = :active', { active: filter.active });
    return paginate(qb, page, { createdAt: { sql: 'r.created_at', type: 'timestamptz' } }, { sql: 'r.id', type: 'uuid' });
  }
}

function loadRule(m: EntityManager, id: string): Promise<ThresholdRule> {
  return m.getRepository(ThresholdRule).findOneOrFail({ where: { id }, relations: { district: true, place: true } });
}

/**
 * The rule as a whole (the DTO checks each field; this checks how they fit together, also after a
 * patch): at least one category, a window of at least one day, exactly one of minCount and
 * risePercent, and the target its scope kind needs (an active district or place; none for 'sensitive').
 */
async function assertValidRule(m: EntityManager, r: ThresholdRule, kept: { districtId?: string | null; placeId?: string | null }): Promise<void> {
  if (!r.categories.length) throw new DomainError(400, 'RULE_CATEGORY_REQUIRED', 'A threshold rule counts developments of at least one category.', 'categories');
  if (!Number.isInteger(r.windowDays) || r.windowDays < 1) throw new DomainError(400, 'RULE_WINDOW_INVALID', 'The window is at least one day.', 'windowDays');
  if (r.minCount === null && r.risePercent === null) {
    throw new DomainError(400, 'RULE_THRESHOLD_REQUIRED', 'Give either minCount (fires at this many developments in the window) or risePercent (fires at this rise against the window before).', 'minCount');
  }
  if (r.minCount !== null && r.risePercent !== null) {
    throw new DomainError(400, 'RULE_THRESHOLD_AMBIGUOUS', 'Give either minCount or risePercent, not both.', 'risePercent');
  }
  if (r.scopeKind === 'district') {
    if (!r.districtId) throw new DomainError(400, 'RULE_SCOPE_TARGET_REQUIRED', 'A rule for a district names the district (districtId).', 'districtId');
    if (r.placeId) throw new DomainError(400, 'RULE_SCOPE_TARGET_NOT_ALLOWED', 'A rule for a district names no place.', 'placeId');
    await assertActiveReferences(m, 'district', [r.districtId], 'districtId', { kept: kept.districtId ? [kept.districtId] : [] });
  } else if (r.scopeKind === 'place') {
    if (!r.placeId) throw new DomainError(400, 'RULE_SCOPE_TARGET_REQUIRED', 'A rule for a place names the place (placeId).', 'placeId');
    if (r.districtId) throw new DomainError(400, 'RULE_SCOPE_TARGET_NOT_ALLOWED', 'A rule for a place names no district.', 'districtId');
    await assertActiveReferences(m, 'place', [r.placeId], 'placeId', { kept: kept.placeId ? [kept.placeId] : [] });
  } else {
    if (r.districtId) throw new DomainError(400, 'RULE_SCOPE_TARGET_NOT_ALLOWED', 'A rule for sensitive places names no district: it watches every particularly sensitive place.', 'districtId');
    if (r.placeId) throw new DomainError(400, 'RULE_SCOPE_TARGET_NOT_ALLOWED', 'A rule for sensitive places names no place: it watches every particularly sensitive place.', 'placeId');
  }
}
