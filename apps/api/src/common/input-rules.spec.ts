import { describe, expect, it } from '@jest/globals';
import { isCalendarDate, isTimestamp } from './date-input.decorator.js';
import { exceedsJsonDepth } from './json-body.parser.js';
import { findTextProblem } from './text-input.check.js';

describe('isCalendarDate', () => {
  it.each([
    ['2026-03-01', true], ['2024-02-29', true], ['1900-01-01', true], ['2100-12-31', true],
    ['2026-02-29', false], ['2026-02-30', false], ['2026-04-31', false], ['2026-13-01', false], ['2026-00-10', false], ['2026-01-00', false],
    ['1899-12-31', false], ['2101-01-01', false], ['9999-12-31', false], ['-271821-04-20', false], ['+275760-09-13', false],
    ['2026-3-1', false], ['20260301', false], ['2026-03-01T00:00:00Z', false], [' 2026-03-01', false], ['', false], [20260301, false], [null, false],
  ])('%j -> %s', (v, ok) => {
    expect(isCalendarDate(v)).toBe(ok);
  });
});

describe('isTimestamp', () => {
  it.each([
    ['2026-03-01T09:30:00Z', true], ['2026-03-01T09:30:00.123Z', true], ['2026-03-01T09:30:00.123456+01:00', true], ['2026-03-01T09:30+01:00', true],
    ['2026-03-01T09:30:00-0500', true], ['2024-02-29T23:59:59Z', true], ['1900-01-01T00:00:00Z', true], ['2100-12-31T23:59:59+14:00', true],
    ['2026-03-01T09:30:00', false], ['2026-03-01', false], ['2026-02-30T00:00:00Z', false], ['2026-03-01T24:00:00Z', false], ['2026-03-01T09:60:00Z', false],
    ['2026-03-01T09:30:61Z', false], ['2026-03-01T09:30:00+15:00', false], ['9999-12-31T00:00:00Z', false], ['-271821-04-20T00:00:00Z', false],
    ['+275760-09-13T00:00:00Z', false], ['1899-12-31T23:59:59Z', false], ['2026-03-01 09:30:00Z', false], ['2026-03-01t09:30:00z', false], ['', false], [0, false],
  ])('%j -> %s', (v, ok) => {
    expect(isTimestamp(v)).toBe(ok);
  });
});

describe('exceedsJsonDepth', () => {
  it('counts nesting of arrays and objects, not brackets inside strings', () => {
    expect(exceedsJsonDepth('{"a":[[1]]}', 3)).toBe(false);
    expect(exceedsJsonDepth('{"a":[[[1]]]}', 3)).toBe(true);
    expect(exceedsJsonDepth(JSON.stringify({ a: '[[[[[[{{{{', b: 'x\\"[[[[' }), 1)).toBe(false);
    expect(exceedsJsonDepth(`${'['.repeat(20)}${']'.repeat(20)}`.repeat(100), 20)).toBe(false);
  });

  it('handles a body nested a million deep without recursion', () => {
    expect(exceedsJsonDepth('['.repeat(1_000_000))).toBe(true);
    expect(exceedsJsonDepth(`{"a":${'{"a":'.repeat(40)}1${'}'.repeat(41)}`)).toBe(true);
  });
});

describe('findTextProblem', () => {
  const nul = (field: string) => ({ field, code: 'NUL_CHARACTER' });
  it('names the first string or key holding a NUL by its dotted path', () => {
    expect(findTextProblem({ name: 'ok', milestones: [{ title: 'ok' }, { title: 'a\u0000' }] }, '')).toEqual(nul('milestones.1.title'));
    expect(findTextProblem({ ['k\u0000']: 1 }, '')).toEqual(nul('k\\u0000'));
    expect(findTextProblem({ id: '\u0000' }, '')).toEqual(nul('id'));
    expect(findTextProblem({ '*': 'x/\u0000' }, '')).toEqual(nul('path'));
    expect(findTextProblem('\u0000', '')).toEqual(nul('body'));
    expect(findTextProblem({ a: ['x', 1, null, true, { b: 'y' }] }, '')).toBeNull();
    expect(findTextProblem(undefined, '')).toBeNull();
  });
  it('refuses lone surrogates and accepts paired ones', () => {
    expect(findTextProblem({ email: 'a\ud800@x.de' }, '')).toEqual({ field: 'email', code: 'MALFORMED_TEXT' });
    expect(findTextProblem({ n: ['\udc00'] }, '')).toEqual({ field: 'n.0', code: 'MALFORMED_TEXT' });
    expect(findTextProblem({ name: 'Köhlerplatz 😀' }, '')).toBeNull();
  });
});
