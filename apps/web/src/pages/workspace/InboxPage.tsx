import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { Button, FormProblem } from '../../components/form';
import { GrowingList } from '../../components/GrowingList';
import { formatDateTime, formatNumber } from '../../format';
import { productPath, useUnreadCount } from './routes';

type Notification = Schemas['NotificationResponseDto'];
const PAGE = 20;

/** Posteingang: the person's notifications, unread first, then newest; 20 at a time. */
export function InboxPage() {
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const unread = useUnreadCount();
  const readAll = useMutation({
    mutationFn: () => api<Schemas['MarkedReadDto']>('POST', '/me/notifications/read-all'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const n = unread.data ?? 0;

  return (
    <>
      <h1 className="kern-heading-large">Posteingang</h1>
      <p className="kern-body" role="status">
        {unread.isSuccess && (n === 0 ? 'Keine ungelesenen Benachrichtigungen.' : `${formatNumber(n)} ${n === 1 ? 'ungelesene Benachrichtigung' : 'ungelesene Benachrichtigungen'}.`)}
      </p>
      <div className="section-head">
        <div className="kern-form-check">
          <input className="kern-form-check__checkbox" type="checkbox" id="unread-only" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
          <label className="kern-label" htmlFor="unread-only">Nur ungelesene zeigen</label>
        </div>
        <div className="button-row">
          <Button variant="secondary" onClick={() => readAll.mutate()} disabled={readAll.isPending || n === 0}>Alle als gelesen markieren</Button>
          <Link className="kern-btn kern-btn--tertiary" to="/konto#benachrichtigungen"><span className="kern-label">Benachrichtigungen einstellen</span></Link>
        </div>
      </div>
      <FormProblem error={readAll.error} />
      <GrowingList queryKey={['notifications', 'list', unreadOnly]} label="Benachrichtigungen" loading="Benachrichtigungen werden geladen …"
        empty={unreadOnly ? 'Keine ungelesenen Benachrichtigungen.' : 'Ihr Posteingang ist leer.'} more="Weitere Benachrichtigungen laden"
        fetchPage={(cursor) => api<Schemas['NotificationPageDto']>('GET', '/me/notifications', { query: { limit: PAGE, cursor, unread: unreadOnly || undefined } })}>
        {(x) => <InboxItem key={x.id} item={x} />}
      </GrowingList>
    </>
  );
}

function InboxItem({ item }: { item: Notification }) {
  const { me } = useAuth();
  const queryClient = useQueryClient();
  const read = useMutation({
    mutationFn: () => api<Notification>('POST', `/me/notifications/${item.id}/read`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const unread = !item.readAt;
  return (
    <li className={`kern-card report-item${unread ? ' inbox-item--unread' : ''}`}>
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-title">{item.title}</h2>
          {unread && <span className="kern-badge kern-badge--info"><span className="kern-label">Ungelesen</span></span>}
        </div>
        <div className="kern-card__body">
          <p className="kern-body kern-body--small">{formatDateTime(item.createdAt)}</p>
          <p className="kern-body">{item.text}</p>
          <FormProblem error={read.error} />
        </div>
        <div className="kern-card__footer button-row">
          {/* Opening it counts as reading it; the request runs on while the page changes. */}
          <Link className="kern-btn kern-btn--secondary" to={productPath(item.link, me)} onClick={() => { if (unread) read.mutate(); }} aria-label={`Öffnen: ${item.title}`}>
            <span className="kern-label">Öffnen</span>
          </Link>
          {unread && (
            <Button variant="tertiary" onClick={() => read.mutate()} disabled={read.isPending} aria-label={`Als gelesen markieren: ${item.title}`}>Als gelesen markieren</Button>
          )}
        </div>
      </div>
    </li>
  );
}
