import type { ReminderMessage, ReminderRenderer } from '../reminder-message.js';
import type { Reminder } from '../reminder.entity.js';

const SUBJECT_PATHS: Record<string, string> = { measure: '/measures', rapport: '/rapports', escalation: '/escalations' };

/**
 * Until the dispatcher's renderers are wired in (DIGEST_ITEM_RENDERER): a digest line that names
 * the kind of reminder and links its subject, nothing from the record itself.
 */
export const genericDigestItem: ReminderRenderer = async (_m, r: Reminder): Promise<ReminderMessage> => ({
  title: `Erinnerung: ${r.kind.replace(/_/g, ' ')}`,
  text: '',
  link: r.subjectId && SUBJECT_PATHS[r.subjectType] ? `${SUBJECT_PATHS[r.subjectType]}/${r.subjectId}` : '/me/notifications',
});
