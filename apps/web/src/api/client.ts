import type { components } from './schema';

/** The response and request shapes, generated from the API's OpenAPI document (schema.d.ts). */
export type Schemas = components['schemas'];
export type Problem = Schemas['ProblemDto'];

const BASE = '/api/v1';
const CSRF = { 'x-drogenrapport-csrf': '1' };

/** A problem+json answer. `fields` maps each named input to what is wrong with it (German where we know the rule). */
export class ApiError extends Error {
  readonly fields: Record<string, string>;
  constructor(readonly status: number, readonly problem: Problem & { current?: unknown }) {
    super(germanDetail(problem));
    this.fields = {};
    for (const e of problem.errors ?? []) this.fields[e.field] ??= germanRule(e.code, e.message);
    if (problem.field && !this.fields[problem.field]) this.fields[problem.field] = this.message;
  }
  get code(): string {
    return this.problem.code;
  }
  /** 409 VERSION_CONFLICT: someone else changed it since it was read; `current` is the state now. */
  get isVersionConflict(): boolean {
    return this.status === 409 && this.problem.code === 'VERSION_CONFLICT';
  }
}

/** The server could not be reached: nothing was saved, the form keeps what was typed. */
export class OfflineError extends Error {
  constructor() {
    super('Keine Verbindung zum Server. Ihre Eingaben sind noch da; bitte versuchen Sie es gleich noch einmal.');
  }
}

const RULES: Record<string, string> = {
  IS_NOT_EMPTY: 'Bitte ausfüllen.',
  REQUIRED: 'Bitte ausfüllen.',
  IS_IN: 'Bitte einen der angebotenen Werte wählen.',
  MIN: 'Der Wert ist zu klein.',
  MAX: 'Der Wert ist zu groß.',
  IS_INT: 'Bitte eine ganze Zahl eingeben.',
  MAX_LENGTH: 'Der Text ist zu lang.',
  IS_NOT_BLANK: 'Bitte ausfüllen.',
  IS_EMAIL: 'Bitte eine gültige E-Mail-Adresse eingeben.',
  MATCHES: 'Das Format stimmt nicht.',
  MIN_LENGTH: 'Die Eingabe ist zu kurz.',
  ARRAY_MIN_SIZE: 'Bitte mindestens einen Eintrag wählen.',
  IS_CALENDAR_DATE: 'Bitte ein gültiges Datum angeben.',
  IS_TIMESTAMP: 'Bitte Datum und Uhrzeit angeben.',
  IS_UUID: 'Bitte einen der angebotenen Werte wählen.',
};

function germanRule(code: string, message: string): string {
  return RULES[code] ?? message;
}

const DETAILS: Record<string, string> = {
  INVALID_CREDENTIALS: 'E-Mail-Adresse oder Passwort stimmen nicht.',
  ACCOUNT_LOCKED: 'Zu viele Fehlversuche: Das Konto ist vorübergehend gesperrt. Bitte später erneut versuchen.',
  TOO_MANY_ATTEMPTS: 'Zu viele Versuche. Bitte später erneut versuchen.',
  VERSION_CONFLICT: 'Jemand anderes hat diesen Eintrag inzwischen geändert.',
  VALIDATION_FAILED: 'Bitte prüfen Sie die markierten Felder.',
  CSRF_REJECTED: 'Die Anfrage wurde zum Schutz Ihrer Sitzung abgelehnt. Bitte laden Sie die Seite neu.',
  OUTSIDE_CITY_AREA: 'Der Ort liegt außerhalb des Stadtgebiets.',
  OBSERVED_IN_FUTURE: 'Der Zeitpunkt liegt in der Zukunft.',
  SERVICE_UNAVAILABLE: 'Der Dienst ist gerade nicht erreichbar. Bitte gleich noch einmal versuchen.',
  ROLE_REQUIRED: 'Dafür fehlt Ihnen die nötige Rolle.',
  VERSION_REQUIRED: 'Bitte laden Sie den aktuellen Stand und ändern Sie dann erneut.',
  AGENCY_CODE_TAKEN: 'Dieses Kurzzeichen hat schon eine andere Behörde.',
  AGENCY_NOT_FOUND: 'Diese Behörde gibt es nicht.',
  AGENCY_INACTIVE: 'Die Behörde ist deaktiviert. Bitte zuerst die Behörde reaktivieren.',
  EMAIL_TAKEN: 'Diese E-Mail-Adresse hat schon eine andere Person.',
  PASSWORD_TOO_SHORT: 'Das Passwort braucht mindestens 12 Zeichen.',
  ROLE_COMBINATION_NOT_ALLOWED: 'Die Rolle Administration lässt sich nicht mit Liaison, Koordination oder Leitung verbinden.',
  CANNOT_CHANGE_OWN_ROLES: 'Ihre eigenen Rollen kann nur eine andere Person mit Administrationsrolle ändern.',
  CANNOT_DEACTIVATE_SELF: 'Ihr eigenes Konto können Sie nicht deaktivieren.',
  PERSON_NOT_FOUND: 'Diese Person gibt es nicht.',
  PERSON_INACTIVE: 'Diese Person ist deaktiviert; bitte eine andere wählen.',
  DEPUTY_IS_SELF: 'Niemand kann sich selbst vertreten.',
  DEPUTY_OTHER_AGENCY: 'Die Vertretung muss zur selben Behörde gehören.',
  WEBHOOK_URL_INVALID: 'Das ist keine gültige Adresse (zum Beispiel https://chat.example.de/hooks/abc), oder sie enthält Benutzername oder Passwort.',
  WEBHOOK_URL_INSECURE: 'Die Adresse muss mit https:// beginnen (http nur für localhost).',
  WEBHOOK_NOT_FOUND: 'Diese Behörde hat keinen Webhook (mehr).',
  // Rapports, agenda, minutes, escalations, threshold rules (coordinator pages)
  INVALID_TRANSITION: 'Dieser Statuswechsel ist im aktuellen Status nicht möglich.',
  INVALID_RRULE: 'Aus dieser Wiederholung ergibt sich kein künftiger Termin.',
  MEETING_IN_PAST: 'Der Termin liegt in der Vergangenheit. Bitte zuerst auf einen künftigen Zeitpunkt verschieben.',
  MEETING_NOT_STARTED: 'Der Rapport hat noch nicht begonnen. Das geht erst ab seinem Beginn.',
  START_IN_PAST: 'Ein Rapport kann nur auf einen künftigen Zeitpunkt verschoben werden.',
  END_NOT_AFTER_START: 'Das Ende muss nach dem Beginn liegen.',
  REASON_REQUIRED: 'Bitte einen Grund angeben.',
  RAPPORT_NOT_CHANGEABLE: 'Der Rapport ist nicht mehr geplant oder einberufen und kann nicht mehr geändert werden.',
  RAPPORT_NOT_CONVENED: 'Die Anwesenheit wird für einen einberufenen oder durchgeführten Rapport erfasst.',
  NOT_INVITED: 'Anwesenheit wird nur für eingeladene Personen erfasst.',
  AGENDA_ITEM_HAS_MEASURES: 'Unter diesem Tagesordnungspunkt wurden Maßnahmen vereinbart; er kann nicht entfernt werden.',
  AGENDA_ITEM_HAS_ENTRY: 'Zu diesem Tagesordnungspunkt gibt es schon einen Protokolleintrag.',
  AGENDA_ORDER_INCOMPLETE: 'Die Tagesordnung hat sich geändert. Bitte laden Sie den aktuellen Stand.',
  MINUTES_NOT_OPEN: 'Das Protokoll wird erst geschrieben, wenn der Rapport als durchgeführt markiert ist.',
  MINUTES_PUBLISHED: 'Das Protokoll ist veröffentlicht und kann nicht mehr geändert werden.',
  DEADLINE_IN_PAST: 'Die Frist liegt in der Vergangenheit.',
  DEADLINE_BEFORE_START: 'Die Frist liegt vor dem Beginn.',
  RESPONSIBLE_NOT_IN_AGENCY: 'Die verantwortliche Person muss zur zuständigen Behörde gehören.',
  ESCALATION_NOT_OPEN: 'Diese Eskalation ist nicht mehr offen.',
  RULE_CATEGORY_REQUIRED: 'Bitte mindestens eine Kategorie wählen.',
  RULE_SCOPE_TARGET_REQUIRED: 'Bitte den Bezirk oder Ort wählen.',
  RULE_THRESHOLD_REQUIRED: 'Bitte eine Mindestanzahl oder einen Anstieg in Prozent angeben.',
  RULE_THRESHOLD_AMBIGUOUS: 'Bitte entweder eine Mindestanzahl oder einen Anstieg angeben, nicht beides.',
  RULE_WINDOW_INVALID: 'Der Zeitraum beträgt mindestens einen Tag.',
  NO_DEPUTY: 'Sie haben noch keine Vertretung benannt. Bitte benennen Sie sie zuerst unter „Mein Konto“.',
  RAPPORT_NOT_OPEN_FOR_ANSWERS: 'Auf diese Einladung kann nicht mehr geantwortet werden: Der Termin ist nicht mehr einberufen.',
  NOT_YOUR_INVITATION: 'Diese Einladung gilt einer anderen Person.',
  NOT_MEASURE_OWNER: 'Diese Maßnahme können nur die Verbindungspersonen der zuständigen Behörde, die verantwortliche Person und ihre Vertretung ändern.',
  COMPLETION_NOTE_REQUIRED: 'Bitte kurz vermerken, was erledigt wurde.',
};

function germanDetail(p: Problem): string {
  return DETAILS[p.code] ?? p.detail;
}

// The access token lives in this module only: never in storage, so a reload asks the refresh
// cookie for a new one (see auth.tsx).
let accessToken: string | null = null;
let onUnauthorized: (() => Promise<boolean>) | null = null;

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** Called on a 401 with a token: refresh once and retry; false signs out. */
export function setUnauthorizedHandler(handler: (() => Promise<boolean>) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | string[] | undefined | null>;
  headers?: Record<string, string>;
  /** The cookie routes: send the CSRF header. */
  csrf?: boolean;
  signal?: AbortSignal;
}

export function queryString(query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.csrf) Object.assign(headers, CSRF);
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(`${BASE}${path}${queryString(options.query)}`, {
      method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), credentials: 'same-origin', signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new OfflineError();
  }
}

/** One request to the API. Resolves with the parsed JSON (undefined for 204), rejects with ApiError or OfflineError. */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, options);
  if (res.status === 401 && accessToken && onUnauthorized && !options.csrf) {
    if (await onUnauthorized()) res = await send(method, path, options);
  }
  return read<T>(res);
}

/** A download (CSV): fetched with the token, handed to the browser as a file. */
export async function download(path: string, query: RequestOptions['query'], fallbackName: string): Promise<void> {
  const res = await send('GET', path, { query });
  if (!res.ok) await read(res);
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function read<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json().catch(() => null) : null;
  if (res.ok) return body as T;
  if (body && typeof body === 'object' && 'code' in body) throw new ApiError(res.status, body as Problem);
  throw new ApiError(res.status, { type: 'about:blank', title: res.statusText, status: res.status, code: 'HTTP_ERROR', detail: `Fehler ${res.status}` } as Problem);
}
