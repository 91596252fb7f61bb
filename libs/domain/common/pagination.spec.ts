import { describe, expect, it } from '@jest/globals';
import { AuditService } from '../audit/audit.service.js';
import { decodeCursor, encodeCursor } from './pagination.js';

describe('cursor', () => {
  it('round-trips value and id', () => {
    expect(decodeCursor(encodeCursor('Ämter', 'id-1'))).toEqual({ v: 'Ämter', id: 'id-1' });
    expect(decodeCursor(encodeCursor(null, 7))).toEqual({ v: null, id: 7 });
  });

  it.each(['', 'not base64 !', Buffer.from('{"v":{},"id":1}').toString('base64url'), Buffer.from('[1]').toString('base64url')])('refuses a forged cursor %j', (c) => {
    expect(() => decodeCursor(c)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR', status: 400 }));
  });
});

describe('AuditService.diff', () => {
  it('records old and new values of changed fields only', () => {
    expect(AuditService.diff({ a: 1, b: 'x', c: [2, 1] }, { a: 2, b: 'x', c: [1, 2] }, ['a', 'b', 'c'])).toEqual({ a: { old: 1, new: 2 } });
  });

  it('never copies free text: it only marks the field as changed', () => {
    expect(AuditService.diff({ description: 'alt' }, { description: 'neu' }, ['description'], ['description'])).toEqual({ description: { changed: true } });
    expect(AuditService.diff(null, { description: 'neu', n: 3 }, ['description', 'n'], ['description'])).toEqual({ description: { changed: true }, n: { new: 3 } });
  });

  it('serialises dates', () => {
    const d = new Date('2026-01-02T03:04:05Z');
    expect(AuditService.diff({ at: null }, { at: d }, ['at'])).toEqual({ at: { old: null, new: '2026-01-02T03:04:05.000Z' } });
  });
});
