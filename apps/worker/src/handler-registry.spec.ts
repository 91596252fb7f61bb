import { describe, expect, it } from '@jest/globals';
import { buildHandlerRegistry, FoundHandler } from './handler-registry.js';

const h = (name: string, where = `${name}Processor.run`): FoundHandler => ({ name, where, run: async () => undefined });

describe('buildHandlerRegistry', () => {
  it('maps each declared job name to its one handler', () => {
    const reg = buildHandlerRegistry([h('a'), h('b')], ['a', 'b']);
    expect([...reg.keys()]).toEqual(['a', 'b']);
  });

  it('refuses a declared job without a handler', () => {
    expect(() => buildHandlerRegistry([h('a')], ['a', 'b'])).toThrow(/job "b" has no handler/);
  });

  it('refuses a job with two handlers and names both', () => {
    expect(() => buildHandlerRegistry([h('a', 'X.one'), h('a', 'Y.two')], ['a'])).toThrow(/job "a" has 2 handlers: X.one, Y.two/);
  });

  it('refuses a handler for a job nobody declared', () => {
    expect(() => buildHandlerRegistry([h('a'), h('ghost')], ['a'])).toThrow(/undeclared job "ghost"/);
  });

  it('the real declarations: every job name of libs/queue is listed', () => {
    expect(() => buildHandlerRegistry([])).toThrow(/heartbeat/);
  });
});
