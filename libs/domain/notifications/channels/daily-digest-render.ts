import type { EntityManager } from 'typeorm';
import type { AppConfig } from '#config/app-config.js';
import { berlinDateOf, formatGermanDate } from '../../common/berlin-time.js';
import type { ReminderMessage } from '../reminder-message.js';
import { renderReminders } from '../reminder-renderers.js';
import { RenderReads } from '../render-reads.js';
import { Reminder } from '../reminder.entity.js';
import { absoluteLink } from './public-link.js';

/** The inbox: the digest's own link. */
export const INBOX_PATH = '/me/notifications';

/**
 * What a digest says: the title and link of each reminder it holds, rendered as each would be alone
 * (the kind's renderer: only what the person may see), as a numbered list. Null when nothing is left
 * to say; the rows that no longer apply are withdrawn. The dispatcher's renderer for mail_daily_digest.
 */
export async function renderDailyDigest(config: AppConfig, m: EntityManager, digest: Reminder): Promise<ReminderMessage | null> {
  const rows = await m.getRepository(Reminder).find({ where: { digestId: digest.id, state: 'batched' }, order: { dueAt: 'ASC', id: 'ASC' } });
  const messages = await renderReminders(new RenderReads(m), rows);
  const items: ReminderMessage[] = [];
  const gone: string[] = [];
  for (const row of rows) {
    const message = messages.get(row.id);
    if (message) items.push(message);
    else gone.push(row.id);
  }
  if (gone.length) await m.query(`UPDATE reminders SET state = 'withdrawn', updated_at = now() WHERE id = ANY($1::uuid[]) AND state = 'batched'`, [gone]);
  if (!items.length) return null;
  const day = formatGermanDate(digest.occurrence || berlinDateOf(digest.dueAt));
  const list = items.map((it, i) => `${i + 1}. ${it.title}\n   ${absoluteLink(config, it.link)}`).join('\n\n');
  return {
    title: items.length === 1 ? `Drogenrapport: 1 Erinnerung vom ${day}` : `Drogenrapport: ${items.length} Erinnerungen vom ${day}`,
    text: `Guten Tag,\n\nhier ist Ihre tägliche Zusammenfassung der Erinnerungen aus dem Drogenrapport:\n\n${list}\n\nAlle Benachrichtigungen finden Sie auch in Ihrem Posteingang.`,
    link: INBOX_PATH,
  };
}
