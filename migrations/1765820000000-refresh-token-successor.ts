import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * refresh_tokens.successor_id: the token that replaced a used one (issue 10: two browser tabs that
 * refresh with the one cookie at the same moment). In a short window after the use, the cookie
 * route answers a repeated use with this successor instead of ending the session
 * (SessionsService.refresh). Its secret is not stored: it is derived from the predecessor's.
 */
export class RefreshTokenSuccessor1765820000000 implements MigrationInterface {
  name = 'RefreshTokenSuccessor1765820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens ADD COLUMN successor_id uuid REFERENCES refresh_tokens(id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN successor_id`);
  }
}
