import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { addDays, berlinToday } from '#domain/common/berlin-time.js';
import { statementsOf } from '#testing/statements.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

/**
 * Issue 11: how many statements a measure's status change and read send to PostgreSQL (the
 * TypeORM logger sees preparedQuery's statements too). Guards the narrow, prepared path.
 */
let t: TestApp;
const API = '/api/v1/measures';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('statements per request', () => {
  it('a status change and a read of a measure', async () => {
    const agency = await t.make.agency({ kind: 'street_cleaning' });
    const coordinator = await t.make.person(['coordinator']);
    const responsible = await t.make.person(['liaison'], { agency });
    await t.make.person(['leadership'], { agency });
    const created = await request(t.server).post(API).set(coordinator.auth).send({
      title: `Zählung ${randomUUID().slice(0, 6)}`, owningAgencyId: agency.id, responsibleId: responsible.person.id, deadline: addDays(berlinToday(), 30),
    }).expect(201);
    const id = created.body.id as string;
    await request(t.server).post(`${API}/${id}/status`).set(responsible.auth).send({ status: 'in_progress' }).expect(200);

    const change = await statementsOf(t.db, () => request(t.server).post(`${API}/${id}/status`).set(responsible.auth).send({ status: 'blocked', reason: 'Wartet auf Zuständigkeit' }).expect(200));
    const read = await statementsOf(t.db, () => request(t.server).get(`${API}/${id}`).set(responsible.auth).expect(200));
    // Was 17 (TypeORM entity lock, save with its reload, the view in 3-5 reads, reminders in 7):
    // BEGIN, the lock, UPDATE ... RETURNING the view, history, audit, the reminder rule's read,
    // the locked ledger rows, the recipients' channels, COMMIT.
    expect(change.map((s) => s.replace(/\s+/g, ' ').slice(0, 40))).toHaveLength(9);
    expect(read).toHaveLength(1);
  });
});
