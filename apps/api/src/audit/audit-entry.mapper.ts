import { ApiProperty } from '@nestjs/swagger';
import type { AuditAction, AuditEntry } from '#domain/audit/audit-entry.entity.js';
import { PageOf } from '../common/page.dto.js';

export const AUDIT_ACTIONS = ['create', 'update', 'deactivate', 'reactivate', 'read', 'export', 'login', 'logout', 'password_change', 'withdraw'] as const satisfies readonly AuditAction[];

export class AuditEntryResponseDto {
  @ApiProperty({ description: 'Ascending number (bigint, as a string)' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the system (worker, migration)' }) actorId: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: AuditAction;
  @ApiProperty({ example: 'development' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Field -> {old, new}; free-text fields only {changed: true}' }) changes: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
}

export class AuditPageDto extends PageOf(AuditEntryResponseDto) {}

export function toAuditEntryResponse(e: AuditEntry): AuditEntryResponseDto {
  return { id: e.id, at: e.at.toISOString(), actorId: e.actorId, action: e.action, entityType: e.entityType, entityId: e.entityId, changes: e.changes, requestId: e.requestId };
}
