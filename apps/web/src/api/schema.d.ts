// Generated from the API's OpenAPI document by test/web-types.e2e-spec.ts (npm run web:types). Do not edit.
export interface paths {
    "/api/v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ApiIndexController_index"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Jobs per queue (waiting, active, delayed, failed, completed) and the reminder ledger by state
         * @description Works on both queue backends. When the queue store does not answer: 503 QUEUE_STORE_UNAVAILABLE, whose problem body
         *     still carries `backend` and `ledger` (the ledger is in PostgreSQL, the truth; the queue is rebuilt from it).
         */
        get: operations["AdminQueuesController_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgenciesController_list"];
        put?: never;
        post: operations["AgenciesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgenciesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["AgenciesController_update"];
        trace?: never;
    };
    "/api/v1/agencies/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AgenciesController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AgenciesController_reactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{id}/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agency's webhook (without its secret)
         * @description Admins for every agency; an agency's leadership for its own.
         */
        get: operations["AgencyWebhooksController_get"];
        /**
         * Set up or change the webhook
         * @description Admins for every agency; an agency's leadership for its own. Creating answers 201 with the signing secret, shown only this once; changing needs the version read (428 without, 409 when stale). Each reminder is POSTed as JSON {id, kind, title, text, link, dueAt, sentAt} with the headers X-Drogenrapport-Timestamp (unix seconds), X-Drogenrapport-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)> and X-Drogenrapport-Delivery (the reminder id, the same on every retry). 2xx counts as delivered; 5xx, 408, 429 and timeouts are retried with backoff; other answers are final.
         */
        put: operations["AgencyWebhooksController_put"];
        post?: never;
        /**
         * Remove the webhook
         * @description Admins for every agency; an agency's leadership for its own. Its pending deliveries are withdrawn.
         */
        delete: operations["AgencyWebhooksController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{id}/webhook/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the signing secret
         * @description Admins for every agency; an agency's leadership for its own. The new secret is in this answer only; the old one stops working at once.
         */
        post: operations["AgencyWebhooksController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in from the web interface: the refresh token is set as an httpOnly cookie */
        post: operations["BrowserSessionController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out in this browser: ends the session and deletes the cookie */
        post: operations["BrowserSessionController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new access token from the refresh cookie (which is rotated); used on every page load
         * @description Every tab of a browser shares the cookie: a cookie used less than 10 s ago answers with the same successor the first request got; used again later, it ends the session (401 REFRESH_TOKEN_REUSED).
         */
        post: operations["BrowserSessionController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your personal calendar feed (no bearer token: the secret address is the key)
         * @description The meetings you are invited to (VEVENT; cancelled ones with STATUS:CANCELLED) and the measures you are responsible for (VTODO with DUE); nothing else. A wrong, revoked or never-issued address is the same 404 CALENDAR_FEED_NOT_FOUND.
         */
        get: operations["CalendarController_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Leadership view: measures per owning agency, overdue, due soon, completion rate, key figures, displacement flags
         * @description Per owning agency: measures by status, overdue (with the most days overdue), deadlines in the next 14 days,
         *     completion rate in the period (of the measures not cancelled whose deadline falls in [from, to], the share done), and
         *     key figures on/off track / no data for **your agency's view** (developments you may not see are not counted). Key-figure
         *     results are kept per agency and become stale when a development or the definition changes: up to 10 stale ones are
         *     recomputed within the request; when there are more, the last results are shown at once (counted in `stale`) and a
         *     background refresh catches up (`keyFigureFreshness`). Lists: the 100 most overdue measures,
         *     the next 100 deadlines, and the measures whose key figures the displacement watch flagged (see GET /measures/{id}/key-figures).
         *     Filters: districtId (the measure names the district or one of its places), rapportId.
         *     Also: the open escalations (proposed or convened) you may read, with the newest five, and the extended rapports you may
         *     read with their measures by status (both not narrowed by the filters).
         */
        get: operations["DashboardController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/developments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List developments
         * @description Only developments the caller may see (visibility all / own agency / named agencies) count; no role bypasses this. Withdrawn ones only with includeWithdrawn=true.
         */
        get: operations["DevelopmentsController_list"];
        put?: never;
        /**
         * Log a development for your agency (liaisons)
         * @description Reporting agency and person come from the token. No personal data about drug users belongs here: no names, descriptions of persons, licence plates or anything else that identifies someone.
         */
        post: operations["DevelopmentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/developments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DevelopmentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Correct a development (liaisons of the reporting agency; send the version you read)
         * @description No personal data about drug users belongs here: no names, descriptions of persons, licence plates or anything else that identifies someone. Without a version (If-Match or body) 428 VERSION_REQUIRED; a stale one is 409 VERSION_CONFLICT with the current state in `current`.
         */
        patch: operations["DevelopmentsController_update"];
        trace?: never;
    };
    "/api/v1/developments/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a development (liaisons of the reporting agency); the record stays, marked withdrawn */
        post: operations["DevelopmentsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/developments/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the filtered list as CSV (UTF-8 with BOM, semicolons, German headers; at most 100,000 rows)
         * @description Only developments the caller may see (visibility all / own agency / named agencies) count; no role bypasses this. Every export is audited.
         */
        get: operations["DevelopmentsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/developments/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Since the last rapport: counts per reporting agency and category
         * @description Only developments the caller may see (visibility all / own agency / named agencies) count; no role bypasses this. Either since, or rapportId: then since is the start of the last held rapport of that meeting's series before it (a meeting you may not read: 404; none held before it: 422 NO_EARLIER_RAPPORT). Both or neither: 400 SINCE_OR_RAPPORT.
         */
        get: operations["DevelopmentsController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/developments/trends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts per category and district or place per week or month (Berlin time), with the change against the previous bucket
         * @description Only developments the caller may see (visibility all / own agency / named agencies) count; no role bypasses this.
         */
        get: operations["DevelopmentsController_trends"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/districts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DistrictsController_list"];
        put?: never;
        post: operations["DistrictsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/districts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DistrictsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["DistrictsController_update"];
        trace?: never;
    };
    "/api/v1/districts/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DistrictsController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/districts/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DistrictsController_reactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Escalations, newest first
         * @description Coordinators and leadership read every escalation; liaisons those raised by their agency and those
         *     linking a development of their agency that they may see. Every answer lists only the linked developments **you may see**
         *     (the others are left out and not counted).
         */
        get: operations["EscalationsController_list"];
        put?: never;
        /**
         * Raise an escalation towards the extended rapport
         * @description Each linked development must be one you may see (otherwise 422 DEVELOPMENT_NOT_FOUND, as for one that does not exist).
         */
        post: operations["EscalationsController_raise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One escalation
         * @description Coordinators and leadership read every escalation; liaisons those raised by their agency and those
         *     linking a development of their agency that they may see. Every answer lists only the linked developments **you may see**
         *     (the others are left out and not counted).
         */
        get: operations["EscalationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalations/{id}/convene": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Convene the extended rapport for a proposed escalation (coordinators)
         * @description Creates a meeting of kind extended (no series) with a goal statement and convenes it at once: the liaisons
         *     and the leadership of the chosen agencies are invited. The escalation becomes convened and links to the meeting (rapportId);
         *     it is resolved when the meeting is marked as held. An escalation that is not proposed: 409 ESCALATION_NOT_OPEN with
         *     `currentStatus`; a meeting in the past: 422 MEETING_IN_PAST (field startsAt); an unknown agency: 422 AGENCY_NOT_FOUND.
         *     Nothing is stored on a refusal.
         */
        post: operations["EscalationsController_convene"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalations/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dismiss a proposed escalation, with a reason
         * @description Only a proposed escalation (409 ESCALATION_NOT_OPEN otherwise). A threshold rule stays quiet for that scope for one window length after its proposal was dismissed.
         */
        post: operations["EscalationsController_dismiss"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether you have a personal calendar feed, and since when
         * @description The address itself is shown only when it is made (only its hash is kept); a lost address is replaced by regenerating it.
         */
        get: operations["CalendarController_feedStatus"];
        put?: never;
        /**
         * Create or regenerate your personal calendar feed
         * @description Returns the secret feed address once; any earlier address stops working at once. Anyone holding the address reads your meetings and measures, so treat it like a password.
         */
        post: operations["CalendarController_createFeed"];
        delete: operations["CalendarController_revokeFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/deputy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["AuthController_setOwnDeputy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notification settings (the defaults until you save your own) */
        get: operations["NotificationSettingsController_get"];
        /**
         * Set your notification settings
         * @description Replaces them: `channels` per group (a group left out follows the default), and `mailMode`. An unknown group
         *     (400 UNKNOWN_REMINDER_GROUP), an unknown channel (400 UNKNOWN_CHANNEL) or a webhook (400 WEBHOOK_NOT_PERSONAL) is refused with
         *     the field. Send the version you read (If-Match or `version`; 0 before the first save). Reminders already planned follow the new
         *     choice: one for a channel you turned off is not sent.
         */
        put: operations["NotificationSettingsController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your notifications: unread first, then newest
         * @description Keyset-paged (`cursor` from `nextCursor`). `unread=true` lists only the unread ones.
         */
        get: operations["InboxController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of your notifications as read
         * @description Someone else's notification is 404, like one that does not exist.
         */
        post: operations["InboxController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your notifications as read */
        post: operations["InboxController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of your notifications are unread */
        get: operations["InboxController_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_changeOwnPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List measures
         * @description overdue is derived: open and the deadline lies before today in Berlin.
         */
        get: operations["MeasuresController_list"];
        put?: never;
        /**
         * Record an agreed measure (coordinators)
         * @description Deadline from today on (Berlin date); responsible person and deputy must be active people of the owning agency.
         */
        post: operations["MeasuresController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/measures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MeasuresController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit or reassign a measure (coordinators): owning agency, responsible, deputy, deadline, ...
         * @description Without a version (If-Match or body) 428 VERSION_REQUIRED; a stale one is 409 VERSION_CONFLICT with the current state in `current`.
         */
        patch: operations["MeasuresController_update"];
        trace?: never;
    };
    "/api/v1/measures/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every change and progress note, oldest first */
        get: operations["MeasuresController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/measures/{id}/key-figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A measure's key figures: baseline, target, actual per period, status and the displacement watch
         * @description Counted from logged developments only (never typed in), and only those **you may see**
         *     (visibility all / own agency / named agencies; no role bypasses it). Withdrawn developments never count.
         *     The answer is a function of what you may see and nothing else: developments hidden from you leave no trace
         *     in it (a circle over one answers exactly like an empty circle).
         *
         *     **Periods** (week or month) are anchored at the measure's start date (Berlin): the baseline is the mean of
         *     the N periods right before the start (N = baselinePeriods, default 3); actual counts follow per period since
         *     the start, the running period last (complete: false).
         *
         *     **Status**: the latest complete period is compared with a straight line from the baseline (at the start) to
         *     the target (at the target date; the target itself after it). A decrease target is on_track at or below that
         *     line, an increase target at or above it. no_data: no complete period yet, nothing logged in baseline and
         *     since, or a percentage target on an empty baseline.
         *
         *     **Displacement watch** (key figures with a point and radius; seed 003): target area A = the circle, buffer B =
         *     the ring from radius to bufferFactor x radius (default 2), control area C = the rest of the city (or
         *     controlDistrictId without A and B). Each is counted before and after the start over equally long windows
         *     (after = start .. now, at most a year; before = the same length before the start). Weighted displacement quotient
         *     (Bowers & Johnson 2003):
         *
         *         WDQ = (B_after/C_after - B_before/C_before) / (A_after/C_after - A_before/C_before)
         *
         *     null when undefined (C empty in a window: `control_area_empty`; A unchanged relative to C:
         *     `no_change_in_target_area`). With A improved (denominator < 0): WDQ > 1 diffusion of benefits larger than
         *     the effect; 0..1 diffusion of benefits; 0 no buffer change; -1..0 displacement smaller than the effect;
         *     < -1 displacement exceeds the effect. `displacementSuspected` is true when the buffer got worse while the
         *     target area improved (relative to C; on raw counts when C is empty).
         *
         *     **Limits**: small counts make the quotient jumpy (one find can flip its sign); it sees only the buffer ring, not
         *     displacement further away, to other times, tactics or kinds of incident; it counts what agencies logged, so
         *     more patrols can raise the very counts they look for; the windows are equally long but not seasonally
         *     matched; developments you may not see are not counted.
         */
        get: operations["KeyFiguresController_list"];
        put?: never;
        /**
         * Define a key figure (coordinators)
         * @description At least one category; places and/or districts, or a point with a radius (then the displacement watch applies); the target date after the start.
         */
        post: operations["KeyFiguresController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/measures/{id}/key-figures/{keyFigureId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a key figure (coordinators); the history keeps its definition */
        delete: operations["KeyFiguresController_remove"];
        options?: never;
        head?: never;
        /** Change a key figure (coordinators) */
        patch: operations["KeyFiguresController_update"];
        trace?: never;
    };
    "/api/v1/measures/{id}/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a milestone
         * @description By the owning agency's liaisons, the responsible person and the deputy.
         */
        post: operations["MeasuresController_addMilestone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/measures/{id}/milestones/{milestoneId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a milestone or tick it off
         * @description By the owning agency's liaisons, the responsible person and the deputy.
         */
        patch: operations["MeasuresController_updateMilestone"];
        trace?: never;
    };
    "/api/v1/measures/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a progress note
         * @description By the owning agency's liaisons, the responsible person and the deputy. Kept in the history; never changed or deleted.
         */
        post: operations["MeasuresController_addNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/measures/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a measure through its workflow
         * @description planned -> in_progress -> done (with a completion note); blocked (with a reason) and back to planned or in_progress; cancelled (with a reason) from any open state. Status changes: the owning agency's liaisons, the responsible person and the deputy; cancelling: coordinators. A transition that is not allowed is 409 INVALID_TRANSITION with `allowed`.
         */
        post: operations["MeasuresController_changeStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/measures/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the filtered measures as CSV (UTF-8 with BOM, semicolons, CRLF, German headers, Berlin dates)
         * @description Every export is audited.
         */
        get: operations["MeasuresController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PeopleController_list"];
        put?: never;
        post: operations["PeopleController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PeopleController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["PeopleController_update"];
        trace?: never;
    };
    "/api/v1/people/{id}/confirm-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PeopleController_confirmAccess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PeopleController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/deputy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["PeopleController_setDeputy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PeopleController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PeopleController_reactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PlacesController_list"];
        put?: never;
        post: operations["PlacesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/places/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PlacesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["PlacesController_update"];
        trace?: never;
    };
    "/api/v1/places/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PlacesController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/places/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PlacesController_reactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapport-series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List rapport series
         * @description Coordinators and leadership read every series; anyone else signed in the series their agency takes part in (others: 404).
         */
        get: operations["RapportSeriesController_list"];
        put?: never;
        /**
         * Create a series of regular rapports (coordinators)
         * @description Its first meeting ahead is planned at once. An RRULE that does not parse or yields no future date is 400 INVALID_RRULE (field rrule).
         */
        post: operations["RapportSeriesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapport-series/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One rapport series
         * @description Coordinators and leadership read every series; anyone else signed in the series their agency takes part in (others: 404).
         */
        get: operations["RapportSeriesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a series (coordinators)
         * @description Applies to meetings planned from now on; a meeting already planned is changed on its own. Without a version 428; a stale one 409 VERSION_CONFLICT with `current`.
         */
        patch: operations["RapportSeriesController_update"];
        trace?: never;
    };
    "/api/v1/rapport-series/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a series (coordinators)
         * @description No new meetings are planned; planned ones stay until cancelled.
         */
        post: operations["RapportSeriesController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapport-series/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate a series (coordinators)
         * @description Plans its next meeting at once.
         */
        post: operations["RapportSeriesController_reactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List meetings
         * @description Coordinators read every meeting; leadership every regular meeting, and an extended rapport when invited to it or when their agency takes part in it; anyone else signed in the meetings their agency takes part in and those they are invited to by name (others: 404).
         */
        get: operations["RapportsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One meeting with its invitations, answers and attendance
         * @description Coordinators read every meeting; leadership every regular meeting, and an extended rapport when invited to it or when their agency takes part in it; anyone else signed in the meetings their agency takes part in and those they are invited to by name (others: 404).
         */
        get: operations["RapportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Move, rename or relocate one meeting (coordinators)
         * @description Only while planned or convened; a new start never in the past (422 START_IN_PAST); the series is not changed. Without a version 428; a stale one 409 VERSION_CONFLICT with `current`.
         */
        patch: operations["RapportsController_update"];
        trace?: never;
    };
    "/api/v1/rapports/{id}/agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agenda of a meeting, computed for you
         * @description Read like the meeting itself (others: 404). Generated on convene: one item per district with developments since the last held rapport of the series (else the last 60 days), due or overdue measures, open escalations, measures whose key figures are off track or flagged by the displacement watch. Counts, changes against the period before, development ids and key-figure flags come only from what you may see; escalations only those you may read. The ETag is the agenda's version (for reordering).
         */
        get: operations["AgendaController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapports/{id}/agenda/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an item at the end (coordinators)
         * @description Coordinators, while the meeting is planned or convened (afterwards 409 RAPPORT_NOT_CHANGEABLE). Answers the agenda as you see it.
         */
        post: operations["AgendaController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapports/{id}/agenda/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove an item (coordinators)
         * @description Coordinators, while the meeting is planned or convened (afterwards 409 RAPPORT_NOT_CHANGEABLE). Answers the agenda as you see it. The items after it move up. An item a measure was agreed under is 409 AGENDA_ITEM_HAS_MEASURES.
         */
        delete: operations["AgendaController_remove"];
        options?: never;
        head?: never;
        /**
         * Retitle an item (coordinators)
         * @description Coordinators, while the meeting is planned or convened (afterwards 409 RAPPORT_NOT_CHANGEABLE). Answers the agenda as you see it. An item of another meeting is 404 AGENDA_ITEM_NOT_FOUND. Send the item's version (If-Match or body): without it 428 VERSION_REQUIRED; a stale one is 409 VERSION_CONFLICT with the agenda as it is now in `current`.
         */
        patch: operations["AgendaController_retitle"];
        trace?: never;
    };
    "/api/v1/rapports/{id}/agenda/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Reorder the agenda (coordinators)
         * @description Coordinators, while the meeting is planned or convened (afterwards 409 RAPPORT_NOT_CHANGEABLE). Answers the agenda as you see it. itemIds lists every item of the agenda once: an unknown or repeated id is 400 AGENDA_ITEM_UNKNOWN / AGENDA_ITEM_REPEATED naming itemIds.<n>, a missing one 400 AGENDA_ORDER_INCOMPLETE naming itemIds; nothing is stored then. The order is based on the agenda as a whole: send its version (If-Match or body; every change to the agenda raises it): without it 428 VERSION_REQUIRED; a stale one is 409 VERSION_CONFLICT with the agenda as it is now in `current`.
         */
        put: operations["AgendaController_reorder"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapports/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record attendance: present, excused, absent (coordinators)
         * @description At or after the meeting (convened or held). Only for invitees: anyone else is 422 NOT_INVITED naming the entry; nothing is stored then.
         */
        post: operations["RapportsController_attendance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapports/{id}/ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One meeting as an iCalendar invitation (text/calendar)
         * @description METHOD:REQUEST with the organizer (the coordinator who convened it) and the invitees as attendees (PARTSTAT from their answers); a cancelled meeting is METHOD:CANCEL with STATUS:CANCELLED. UID stays the same; SEQUENCE rises when the meeting is moved, relocated or cancelled. Read like GET /rapports/{id} (others: 404).
         */
        get: operations["CalendarController_meeting"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapports/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite people by name (coordinators)
         * @description While the meeting is planned or convened; someone already invited stays invited once.
         */
        post: operations["RapportsController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapports/{id}/invitations/{invitationId}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer your invitation: accept, decline, tentative, or delegate (send your deputy)
         * @description Only the invitee answers (someone else's invitation: 403 NOT_YOUR_INVITATION); while the meeting is convened. Delegating invites your deputy (422 NO_DEPUTY without one).
         */
        post: operations["RapportsController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapports/{id}/minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The minutes of a meeting: attendance, entries per agenda item with their decisions and agreed measures
         * @description Read like GET /rapports/{id}; in addition leadership reads every published minute (others: 404). Without `revision` the latest revision; an unknown one is 404 REVISION_NOT_FOUND.
         */
        get: operations["MinutesController_get"];
        put?: never;
        /**
         * Add an entry to the minutes (coordinators)
         * @description Appended at the end, under an agenda item of this meeting (agendaItemId: another is 422 AGENDA_ITEM_NOT_FOUND, one that already has an entry 409 AGENDA_ITEM_HAS_ENTRY) or free. Only while the meeting is held: before that 409 MINUTES_NOT_OPEN, once published 409 MINUTES_PUBLISHED (correct with a new revision).
         */
        post: operations["MinutesController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapports/{id}/minutes.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The minutes as a German PDF
         * @description Title, date (Europe/Berlin), attendance, then per entry its agenda item, notes, decisions and the measures agreed under that item (owning agency, responsible person, deadline), then the measures agreed under no item. Read like GET /rapports/{id}; in addition leadership reads every published minute (others: 404). Without `revision` the latest revision; an unknown one is 404 REVISION_NOT_FOUND.
         */
        get: operations["MinutesPdfController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapports/{id}/minutes/{entryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit an entry of the minutes (coordinators)
         * @description Only while the meeting is held: before that 409 MINUTES_NOT_OPEN, once published 409 MINUTES_PUBLISHED (correct with a new revision). Send the entry's version (If-Match or body): without it 428 VERSION_REQUIRED; a stale one is 409 VERSION_CONFLICT with the entry as it is now in `current`.
         */
        patch: operations["MinutesController_update"];
        trace?: never;
    };
    "/api/v1/rapports/{id}/minutes/{entryId}/measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Agree a measure under an entry ("Maßnahme vereinbaren", coordinators)
         * @description Records the measure as POST /measures does (same checks), linked to this meeting (rapportId) and to the entry's agenda item (agendaItemId; none for a free entry). Only while the meeting is held: before that 409 MINUTES_NOT_OPEN, once published 409 MINUTES_PUBLISHED (correct with a new revision).
         */
        post: operations["MinutesController_agree"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapports/{id}/minutes/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct published minutes with a new revision (coordinators)
         * @description Copies every entry of the latest revision into a new one (each linked to the entry it replaces by previousId) with the corrections applied; nothing is changed in place. Only for published minutes (409 MINUTES_NOT_PUBLISHED); an entry not in the latest revision is 422 MINUTES_ENTRY_NOT_FOUND.
         */
        post: operations["MinutesController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapports/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Convene, mark as held, or cancel a meeting (coordinators)
         * @description Convening invites the active liaisons of the participating agencies (for an extended rapport also their leadership) and the people named in personIds; a meeting in the past is 422 MEETING_IN_PAST. Held from its start on; then the series plans its next meeting. Publishing the minutes (minutes_published) makes them read-only; for an extended rapport it needs at least one measure agreed there (else 409 MEASURES_NOT_AGREED) and resolves the escalation it was convened for. Cancelled needs a reason. A move not allowed is 409 INVALID_TRANSITION with `allowed`.
         */
        post: operations["RapportsController_changeStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reminders in one state (default: failed), most recently changed first
         * @description What, about which record (type and id), to whom, by which channel, when due, how many attempts and the last error code. No text of the reminder.
         */
        get: operations["RemindersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a failed reminder again
         * @description failed -> pending with its attempts reset; the worker delivers it. Any other state: 409 REMINDER_NOT_FAILED with `currentState`.
         */
        post: operations["RemindersController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/substances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SubstancesController_list"];
        put?: never;
        post: operations["SubstancesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/substances/{code}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SubstancesController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/substances/{code}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SubstancesController_reactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/threshold-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ThresholdRulesController_list"];
        put?: never;
        /**
         * Create a threshold rule
         * @description The worker evaluates active rules when a development is logged and every 15 minutes. A rule counts
         *     all developments (not withdrawn) of its categories in its scope whose observedAt lies in the window (now - windowDays, now]:
         *     minCount fires at that many or more; risePercent fires when the window holds at least that many percent more than the
         *     window before (which must hold at least one). A breach proposes one escalation per rule and scope while it is open.
         */
        post: operations["ThresholdRulesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/threshold-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ThresholdRulesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a threshold rule (send the version you read)
         * @description The rule is checked as a whole after the change; to switch from minCount to risePercent send risePercent and minCount: null.
         */
        patch: operations["ThresholdRulesController_update"];
        trace?: never;
    };
    "/api/v1/threshold-rules/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate a threshold rule: no longer evaluated; its proposals stay */
        post: operations["ThresholdRulesController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/web-config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebConfigController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AgencyDashboardDto: {
            agency: components["schemas"]["AgencyRefDto"];
            byStatus: components["schemas"]["MeasuresByStatusDto"];
            completion: components["schemas"]["CompletionDto"];
            /** @description Measures (not cancelled) with a key figure flagged by the displacement watch */
            displacementFlagged: number;
            dueNext14Days: number;
            keyFigures: components["schemas"]["KeyFigureTallyDto"];
            /** @description null when nothing is overdue */
            maxDaysOverdue: number | null;
            open: number;
            overdue: number;
            total: number;
        };
        AgencyPageDto: {
            items: components["schemas"]["AgencyResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        AgencyRefDto: {
            code: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        AgencyResponseDto: {
            active: boolean;
            code: string;
            createdAt: string;
            id: string;
            /** @enum {string} */
            kind: "police" | "public_order_office" | "youth_office" | "drug_help" | "school" | "street_cleaning" | "streetwork" | "health_office" | "social_office" | "neighbourhood_management" | "housing" | "civil_society" | "other";
            name: string;
            updatedAt: string;
            version: number;
        };
        AgencySummaryDto: {
            agencyCode: string;
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            /** @description Category -> count (categories without developments left out) */
            byCategory: {
                [key: string]: number;
            };
            total: number;
        };
        AgencyWebhookResponseDto: {
            active: boolean;
            agencyId: string;
            createdAt: string;
            /** @description The HMAC-SHA256 signing secret (hex). Only in the answer that created or rotated it; store it in the receiver now, it is never shown again. */
            secret?: string;
            updatedAt: string;
            url: string;
            version: number;
        };
        AgendaCategoryCountDto: {
            /** @enum {string} */
            category: "syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other";
            change: number;
            /** @description Developments of the item in the period that you may see */
            count: number;
            /** @description Developments of the district in the period before that you may see */
            previous: number;
        };
        AgendaDistrictDto: {
            id: string;
            name: string;
        };
        AgendaEscalationDto: {
            id: string;
            /** @enum {string} */
            reason: "many_syringe_finds" | "residents_complaints" | "aggression_violence" | "new_scene" | "other";
            /** @enum {string} */
            status: "proposed" | "convened" | "dismissed" | "resolved";
        };
        AgendaItemPatchDto: {
            /** @example Bericht der Straßensozialarbeit */
            title: string;
            /** @description The item's version you read (items[].version); or If-Match. Required: without it 428 VERSION_REQUIRED */
            version?: number;
        };
        AgendaItemResponseDto: {
            /** @description Per category with a count or a previous count; only what you may see */
            categories: components["schemas"]["AgendaCategoryCountDto"][];
            /** @description The developments of the item that you may see */
            developmentIds: string[];
            district: components["schemas"]["AgendaDistrictDto"] | null;
            /** @description Only the escalations you may read */
            escalations: components["schemas"]["AgendaEscalationDto"][];
            id: string;
            /** @description key_figures item: the flagged key figures of its measures, counted from what you may see */
            keyFigures: components["schemas"]["AgendaKeyFigureFlagDto"][];
            /**
             * @description district, measures, escalations and key_figures are generated on convene; custom ones are added by coordinators
             * @enum {string}
             */
            kind: "district" | "measures" | "escalations" | "key_figures" | "custom";
            /** @description measures: due or overdue; key_figures: those with a key figure off track or flagged by the displacement watch as counted for you */
            measures: components["schemas"]["AgendaMeasureDto"][];
            period: components["schemas"]["AgendaPeriodDto"] | null;
            /** @description 0-based */
            position: number;
            title: string;
            /** @description The item's version: send it when retitling (If-Match or body) */
            version: number;
        };
        AgendaItemTitleDto: {
            /** @example Bericht der Straßensozialarbeit */
            title: string;
        };
        AgendaKeyFigureFlagDto: {
            /** @description The displacement watch suspects displacement, as counted from the developments you may see */
            displacementSuspected: boolean;
            keyFigureId: string;
            measureId: string;
            name: string;
            /**
             * @description As counted from the developments you may see
             * @enum {string}
             */
            status: "on_track" | "off_track" | "no_data";
        };
        AgendaMeasureDto: {
            /** @description Berlin date */
            deadline: string;
            id: string;
            /** @enum {string} */
            status: "planned" | "in_progress" | "done" | "blocked" | "cancelled";
            title: string;
        };
        AgendaOrderDto: {
            /** @description Every item id of the agenda, each once, in the new order */
            itemIds: string[];
            /** @description The agenda's version you read (the agenda's `version`, also its ETag); or If-Match. Required: without it 428 VERSION_REQUIRED */
            version?: number;
        };
        AgendaPeriodDto: {
            /** @description Start of the period before, of equal length, ending at since */
            previousSince: string;
            /** @description Start of the period: the start of the last held rapport of the series, or 60 days before convening */
            since: string;
            /** @description End of the period (exclusive): when the meeting was convened */
            until: string;
        };
        AgendaResponseDto: {
            items: components["schemas"]["AgendaItemResponseDto"][];
            rapportId: string;
            /** @description The version of the agenda as a whole (also the ETag): rises with every change; send it when reordering */
            version: number;
        };
        AgreeMeasureDto: {
            /**
             * @description Berlin date, from today on; overdue from the day after
             * @example 2026-06-30
             */
            deadline: string;
            /**
             * Format: uuid
             * @description Another active person of the owning agency
             */
            deputyId?: string | null;
            /** @description What was agreed (free text). No personal data about drug users belongs here. */
            description?: string;
            /** @description Districts it applies to */
            districtIds?: string[];
            /** @description Milestones agreed with the measure */
            milestones?: components["schemas"]["MilestoneInputDto"][];
            /** @description The agency that owns (carries out) the measure */
            owningAgencyId: string;
            /** @description Places it applies to */
            placeIds?: string[];
            /**
             * @default normal
             * @enum {string}
             */
            priority: "low" | "normal" | "high" | "urgent";
            /** @description An active person of the owning agency */
            responsibleId: string;
            /**
             * @description Berlin date the measure starts (key-figure baselines end here); default today
             * @example 2026-03-01
             */
            startDate?: string;
            /** @example Mauer an der Kita Sonnenschein erhöhen und abschrägen */
            title: string;
        };
        AnswerDto: {
            /**
             * @description delegate: send your deputy (from your profile), who is then invited
             * @enum {string}
             */
            answer: "accept" | "decline" | "tentative" | "delegate";
        };
        ApiIndexDto: {
            links: components["schemas"]["ApiIndexLinksDto"];
            /** @example Drogenrapport API */
            name: string;
            /** @example 1 */
            version: string;
        };
        ApiIndexLinksDto: {
            /**
             * @description The API documentation; absent when it is switched off (API_DOCS).
             * @example /api/docs
             */
            docs?: string;
            /**
             * @description Whether the database and the queue answer (no sign-in).
             * @example /health
             */
            health: string;
            /**
             * @description POST e-mail and password here for a token pair.
             * @example /api/v1/auth/login
             */
            login: string;
            /**
             * @description The OpenAPI document; absent when the documentation is switched off.
             * @example /api/docs/openapi.json
             */
            openapi?: string;
        };
        AreaCountsDto: {
            after: number;
            before: number;
        };
        AttendanceEntryDto: {
            /** @enum {string} */
            attendance: "present" | "excused" | "absent";
            /** Format: uuid */
            personId: string;
        };
        AuditEntryResponseDto: {
            /** @enum {string} */
            action: "create" | "update" | "deactivate" | "reactivate" | "read" | "export" | "login" | "logout" | "password_change" | "withdraw" | "confirm_access" | "delete";
            /**
             * Format: uuid
             * @description null: the system (worker, migration)
             */
            actorId: string | null;
            /** Format: date-time */
            at: string;
            /** @description Field -> {old, new}; free-text fields only {changed: true}; null when the entry is about a record you may not see */
            changes: {
                [key: string]: unknown;
            } | null;
            /** @description null when the entry is about a record you may not see */
            entityId: string | null;
            /** @example development */
            entityType: string;
            /** @description Ascending number (bigint, as a string) */
            id: string;
            requestId: string | null;
            /** @description true: the entry is about a record you may not see; only who, when, the action and the kind of record are shown */
            restricted: boolean;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEntryResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        BrowserSessionDto: {
            /** @description Keep in memory only; send as Authorization: Bearer */
            accessToken: string;
            /** @description Seconds until the access token expires; refresh before then */
            expiresIn: number;
            /** @example Bearer */
            tokenType: string;
        };
        CalendarFeedDto: {
            /**
             * @description The same address without scheme and host
             * @example /api/v1/calendar/3q2-7w….ics
             */
            path: string;
            /**
             * @description The secret feed address to subscribe to; shown only now (only its hash is kept)
             * @example https://drogenrapport.example/api/v1/calendar/3q2-7w….ics
             */
            url: string;
        };
        CalendarFeedStatusDto: {
            /** @description true while you have a feed address that works */
            active: boolean;
            /**
             * Format: date-time
             * @description When the current address was made; null without one
             */
            createdAt: string | null;
        };
        ChangePasswordDto: {
            newPassword: string;
            /** @description Required when changing your own password. */
            oldPassword?: string;
        };
        ChangeStatusDto: {
            /** @description Completion note, required for done; a remark otherwise. No personal data about drug users belongs here. */
            note?: string;
            /** @description Required for blocked and cancelled. No personal data about drug users belongs here. */
            reason?: string;
            /**
             * @description planned -> in_progress -> done; blocked (reason) and back to planned/in_progress; cancelled (reason, coordinators) from any open state
             * @enum {string}
             */
            status: "planned" | "in_progress" | "done" | "blocked" | "cancelled";
            /** @description The version you read (or If-Match) */
            version?: number;
        };
        ChannelsByGroupDto: {
            digests: ("inbox" | "email")[];
            escalations: ("inbox" | "email")[];
            measures: ("inbox" | "email")[];
            rapports: ("inbox" | "email")[];
        };
        CityBoundsDto: {
            maxLat: number;
            maxLon: number;
            minLat: number;
            minLon: number;
        };
        CompletionDto: {
            completedInPeriod: number;
            /** @description Of those, done */
            doneOfDue: number;
            /** @description Measures (not cancelled) whose deadline falls in the period */
            dueInPeriod: number;
            /** @description doneOfDue / dueInPeriod; null when nothing was due */
            rate: number | null;
        };
        ConveneEscalationDto: {
            /** @description The chosen agencies (active): their liaisons and their leadership are invited */
            agencyIds: string[];
            /** @description After startsAt */
            endsAt: string;
            /** @description The goal statement: what the extended rapport is to achieve. No personal data about drug users. */
            goal: string;
            /** @example Rathaus, Raum 204 */
            location: string;
            /** @description Must lie in the future (422 MEETING_IN_PAST) */
            startsAt: string;
            /** @example Erweiterter Drogenrapport Hauptbahnhof */
            title: string;
            /** @description The version of the escalation you read (or If-Match); a stale version is refused (409) */
            version?: number;
        };
        CorrectMinutesDto: {
            /** @description Corrections to entries of the latest revision; entries not named are copied unchanged */
            corrections: components["schemas"]["MinutesCorrectionDto"][];
        };
        CreateAgencyDto: {
            /**
             * @description Short code, unique; 2-20 letters, digits or -
             * @example POL-MITTE
             */
            code: string;
            /** @enum {string} */
            kind: "police" | "public_order_office" | "youth_office" | "drug_help" | "school" | "street_cleaning" | "streetwork" | "health_office" | "social_office" | "neighbourhood_management" | "housing" | "civil_society" | "other";
            /** @example Polizeirevier Mitte */
            name: string;
        };
        CreateDevelopmentDto: {
            /** @enum {string} */
            category: "syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other";
            /**
             * @description How many (e.g. syringes found, complaints received)
             * @example 14
             */
            count?: number;
            /**
             * @description What was observed. No personal data about drug users belongs here: no names, descriptions of persons, licence plates or anything else that identifies someone.
             * @example 14 Spritzen im Gebüsch am Spielplatzrand gefunden
             */
            description?: string;
            /** @description WGS84 latitude; must lie in the city area */
            lat?: number;
            /** @description WGS84 longitude; must lie in the city area */
            lon?: number;
            /**
             * @description When it was observed (ISO 8601 with time zone); not in the future
             * @example 2026-03-01T09:30:00Z
             */
            observedAt: string;
            /** @description A known place; its coordinates and district are used. Give either placeId or lat+lon. */
            placeId?: string;
            severity: number;
            /**
             * @description Codes of active substances (GET /substances)
             * @example [
             *       "crack",
             *       "heroin"
             *     ]
             */
            substances?: string[];
            /**
             * @description all: every participant; own_agency: your agency only; agencies: your agency and those in visibleAgencyIds
             * @enum {string}
             */
            visibility: "all" | "own_agency" | "agencies";
            /** @description Required (non-empty) with visibility "agencies"; not allowed otherwise */
            visibleAgencyIds?: string[];
        };
        CreateDistrictDto: {
            /**
             * @description GeoJSON Polygon (RFC 7946), WGS84, positions as [longitude, latitude]; each ring closed (first = last), at least 4 positions, no self-intersection
             * @example {
             *       "type": "Polygon",
             *       "coordinates": [
             *         [
             *           [
             *             12.355,
             *             51.33
             *           ],
             *           [
             *             12.39,
             *             51.33
             *           ],
             *           [
             *             12.39,
             *             51.355
             *           ],
             *           [
             *             12.355,
             *             51.355
             *           ],
             *           [
             *             12.355,
             *             51.33
             *           ]
             *         ]
             *       ]
             *     }
             */
            boundary?: {
                coordinates?: number[][][];
                /** @enum {string} */
                type?: "Polygon";
            } | null;
            /**
             * @description Unique; 1-20 letters, digits or -, stored upper-case
             * @example MITTE
             */
            code: string;
            /** @example Mitte */
            name: string;
        };
        CreateKeyFigureDto: {
            /**
             * @description Baseline: the N periods before the start
             * @default 3
             */
            baselinePeriods: number;
            /**
             * @description Buffer ring from radius to bufferFactor x radius (only with point; > 1)
             * @default 2
             */
            bufferFactor: number;
            /** @description At least one category: a key figure counts developments of these categories */
            categories: ("syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other")[];
            /** @description Control area of the displacement watch: this district instead of the rest of the city (only with point) */
            controlDistrictId?: string;
            /** @description Count developments in these districts (and/or at placeIds); not with point */
            districtIds?: string[];
            /**
             * @description reports: count the developments (one find of 14 syringes is 1); sum: add up their count (that find is 14; a development without a count adds 1, a count of 0 adds 0).
             * @default reports
             * @enum {string}
             */
            measure: "reports" | "sum";
            /** @example Spritzenfunde im Umkreis der Kita Sonnenschein */
            name: string;
            /**
             * @default week
             * @enum {string}
             */
            period: "week" | "month";
            /** @description Count developments at these places (and/or in districtIds); not with point */
            placeIds?: string[];
            /** @description Or: count within a radius around a point; enables the displacement watch */
            point?: components["schemas"]["KeyFigurePointDto"];
            /**
             * @description By when (Berlin date); after the measure's start
             * @example 2026-06-30
             */
            targetDate: string;
            /**
             * @description absolute: developments per period to reach; percent: change against the baseline (-50 = halve)
             * @enum {string}
             */
            targetKind: "absolute" | "percent";
            /** @example -50 */
            targetValue: number;
        };
        CreateMeasureDto: {
            /**
             * Format: uuid
             * @description The agenda item it was agreed under: an item of the rapport named in rapportId (else 422 AGENDA_ITEM_NOT_FOUND)
             */
            agendaItemId?: string | null;
            /**
             * @description Berlin date, from today on; overdue from the day after
             * @example 2026-06-30
             */
            deadline: string;
            /**
             * Format: uuid
             * @description Another active person of the owning agency
             */
            deputyId?: string | null;
            /** @description What was agreed (free text). No personal data about drug users belongs here. */
            description?: string;
            /** @description Districts it applies to */
            districtIds?: string[];
            /** @description Milestones agreed with the measure */
            milestones?: components["schemas"]["MilestoneInputDto"][];
            /** @description The agency that owns (carries out) the measure */
            owningAgencyId: string;
            /** @description Places it applies to */
            placeIds?: string[];
            /**
             * @default normal
             * @enum {string}
             */
            priority: "low" | "normal" | "high" | "urgent";
            /**
             * Format: uuid
             * @description The rapport it was agreed in (must exist: 422 RAPPORT_NOT_FOUND)
             */
            rapportId?: string | null;
            /** @description An active person of the owning agency */
            responsibleId: string;
            /**
             * @description Berlin date the measure starts (key-figure baselines end here); default today
             * @example 2026-03-01
             */
            startDate?: string;
            /** @example Mauer an der Kita Sonnenschein erhöhen und abschrägen */
            title: string;
        };
        CreatePersonDto: {
            agencyId: string;
            /**
             * Format: uuid
             * @description An active person of the same agency
             */
            deputyId?: string | null;
            displayName: string;
            email: string;
            /** @description Initial password; the person should change it */
            password: string;
            /** @description admin combines with no other role */
            roles: ("liaison" | "coordinator" | "leadership" | "admin")[];
        };
        CreatePlaceDto: {
            /** @example Bahnhofsplatz 1 */
            address?: string | null;
            /**
             * Format: uuid
             * @description Used only when no district boundary contains the point; one that contradicts the boundaries is refused (422)
             */
            districtId?: string | null;
            /**
             * @description scene: Szeneplatz; sensitive: besonders sensibler Ort (needs sensitiveKind); other
             * @enum {string}
             */
            kind: "scene" | "sensitive" | "other";
            /**
             * @description WGS84; must lie in the configured city area
             * @example 51.345
             */
            lat: number;
            /**
             * @description WGS84; must lie in the configured city area
             * @example 12.38
             */
            lon: number;
            /** @example Bahnhofsvorplatz */
            name: string;
            /**
             * @description Required for kind "sensitive", not allowed otherwise
             * @enum {string|null}
             */
            sensitiveKind?: "kindergarten" | "school" | "playground" | "youth_facility" | null;
        };
        CreateSeriesDto: {
            /** @description Participating agencies (active); their liaisons are invited when a meeting is convened */
            agencyIds: string[];
            /** @example 120 */
            durationMinutes: number;
            /** @example Rathaus, Raum 204 */
            location: string;
            /**
             * @description RFC 5545 RRULE value without DTSTART (the series gives startDate and startTime in Europe/Berlin), FREQ=YEARLY, MONTHLY, WEEKLY or DAILY; must yield a date in the future
             * @example FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU
             */
            rrule: string;
            /**
             * @description Berlin date from which the rule counts (DTSTART date)
             * @example 2027-01-01
             */
            startDate: string;
            /**
             * @description Wall-clock time in Europe/Berlin (HH:MM); stays 10:00 across DST
             * @example 10:00
             */
            startTime: string;
            /** @example Drogenrapport Innenstadt */
            title: string;
        };
        CreateSubstanceDto: {
            /**
             * @description 2-40 lower-case letters, digits or _, starting with a letter; cannot be changed later
             * @example nitazene
             */
            code: string;
            /** @example Nitazene */
            label: string;
        };
        CreateThresholdRuleDto: {
            categories: ("syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other")[];
            /** Format: uuid */
            districtId?: string | null;
            /** @description Fires when the window holds at least this many developments. Exactly one of minCount and risePercent. */
            minCount?: number | null;
            /** @example Spritzenfunde an Kitas */
            name: string;
            /** Format: uuid */
            placeId?: string | null;
            /** @description Fires when the window holds at least this many percent more than the window before (which must hold at least one). Exactly one of minCount and risePercent. */
            risePercent?: number | null;
            /**
             * @description district: needs districtId; place: needs placeId; sensitive: developments stored near a particularly sensitive place (within SENSITIVE_PLACE_RADIUS_M), counted per sensitive place
             * @enum {string}
             */
            scopeKind: "district" | "place" | "sensitive";
            /** @description The window in days, ending now (by observedAt) */
            windowDays: number;
        };
        DashboardCountsDto: {
            byStatus: components["schemas"]["MeasuresByStatusDto"];
            completion: components["schemas"]["CompletionDto"];
            /** @description Measures (not cancelled) with a key figure flagged by the displacement watch */
            displacementFlagged: number;
            dueNext14Days: number;
            keyFigures: components["schemas"]["KeyFigureTallyDto"];
            /** @description null when nothing is overdue */
            maxDaysOverdue: number | null;
            open: number;
            overdue: number;
            total: number;
        };
        DashboardEscalationDto: {
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            reason: "many_syringe_finds" | "residents_complaints" | "aggression_violence" | "new_scene" | "other";
            /** @enum {string} */
            status: "proposed" | "convened" | "dismissed" | "resolved";
        };
        DashboardFiltersDto: {
            /** Format: uuid */
            districtId: string | null;
            /** Format: uuid */
            rapportId: string | null;
        };
        DashboardMeasureRefDto: {
            agency: components["schemas"]["AgencyRefDto"];
            /** @description Overdue list: days past the deadline; upcoming list: days left (0 = due today) */
            days: number;
            /** @description Berlin date */
            deadline: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            responsible: components["schemas"]["PersonRefDto"];
            /** @enum {string} */
            status: "planned" | "in_progress" | "done" | "blocked" | "cancelled";
            title: string;
        };
        DashboardPeriodDto: {
            /** @description Berlin date, inclusive */
            from: string;
            /** @description Berlin date, inclusive */
            to: string;
        };
        DashboardResponseDto: {
            agencies: components["schemas"]["AgencyDashboardDto"][];
            displacementFlags: components["schemas"]["DisplacementFlagDto"][];
            /** @description The extended rapports you may read, latest start first (at most 20); not narrowed by the filters */
            extendedRapports: components["schemas"]["ExtendedRapportDashboardDto"][];
            filters: components["schemas"]["DashboardFiltersDto"];
            keyFigureFreshness: components["schemas"]["KeyFigureFreshnessDto"];
            /** @description Not narrowed by the filters */
            openEscalations: components["schemas"]["OpenEscalationsDto"];
            overdueMeasures: components["schemas"]["DashboardMeasureRefDto"][];
            period: components["schemas"]["DashboardPeriodDto"];
            /** @description Berlin date */
            today: string;
            totals: components["schemas"]["DashboardCountsDto"];
            upcomingDeadlines: components["schemas"]["DashboardMeasureRefDto"][];
        };
        DevelopmentPageDto: {
            items: components["schemas"]["DevelopmentResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        DevelopmentResponseDto: {
            /** @enum {string} */
            category: "syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other";
            /** @description How many (e.g. syringes found); null when not counted */
            count: number | null;
            createdAt: string;
            /** @description Free text. No personal data about drug users belongs here: no names, descriptions of persons, licence plates or anything else that identifies someone. */
            description: string;
            district: components["schemas"]["NamedRefDto"] | null;
            id: string;
            lat: number;
            lon: number;
            /** @description The nearest particularly sensitive place within the configured radius */
            nearestSensitivePlace: components["schemas"]["SensitivePlaceRefDto"] | null;
            observedAt: string;
            place: components["schemas"]["NamedRefDto"] | null;
            reporterId: string;
            reportingAgency: components["schemas"]["AgencyRefDto"];
            severity: number;
            substances: string[];
            updatedAt: string;
            version: number;
            /** @enum {string} */
            visibility: "all" | "own_agency" | "agencies";
            /** @description With visibility "agencies": the agencies besides the reporting one that may see it */
            visibleAgencyIds: string[];
            withdrawalReason: string | null;
            withdrawn: boolean;
            /** Format: date-time */
            withdrawnAt: string | null;
        };
        DismissalDto: {
            at: string;
            /** Format: uuid */
            byId: string;
            reason: string;
        };
        DismissEscalationDto: {
            /** @description Why no extended rapport is needed. No personal data about drug users. */
            reason: string;
            /** @description The version you read; a stale version is refused (409) */
            version?: number;
        };
        DisplacementControlDto: {
            /** Format: uuid */
            districtId: string | null;
            /** @enum {string} */
            kind: "city" | "district";
        };
        DisplacementCountsDto: {
            /** @description B: the buffer ring */
            buffer: components["schemas"]["AreaCountsDto"];
            /** @description C: the control area */
            control: components["schemas"]["AreaCountsDto"];
            /** @description A: the circle */
            target: components["schemas"]["AreaCountsDto"];
        };
        DisplacementDto: {
            /** @description false until the measure has started; then only `reason` is given */
            available: boolean;
            /** @enum {string} */
            basis?: "relative_to_control" | "raw_counts";
            /** @description B_after/C_after - B_before/C_before */
            bufferMeasure?: number | null;
            bufferRadiusM?: number;
            control?: components["schemas"]["DisplacementControlDto"];
            counts?: components["schemas"]["DisplacementCountsDto"];
            displacementSuspected?: boolean;
            /** @enum {string|null} */
            interpretation?: "diffusion_greater_than_effect" | "diffusion_of_benefits" | "no_buffer_change" | "displacement_smaller_than_effect" | "displacement_exceeds_effect" | "target_area_not_improved" | null;
            radiusM?: number;
            /**
             * @description Why it is not available
             * @enum {string}
             */
            reason?: "not_started";
            /** @description A_after/C_after - A_before/C_before */
            successMeasure?: number | null;
            /** @description Weighted displacement quotient; null when undefined */
            wdq?: number | null;
            /** @enum {string|null} */
            wdqUndefinedReason?: "control_area_empty" | "no_change_in_target_area" | null;
            windows?: components["schemas"]["DisplacementWindowsDto"];
        };
        DisplacementFlagDto: {
            keyFigure: components["schemas"]["DisplacementFlagKeyFigureDto"];
            measure: components["schemas"]["DisplacementFlagMeasureDto"];
            wdq: number | null;
        };
        DisplacementFlagKeyFigureDto: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        DisplacementFlagMeasureDto: {
            /** Format: uuid */
            agencyId: string;
            /** Format: uuid */
            id: string;
            title: string;
        };
        DisplacementWindowsDto: {
            after: components["schemas"]["TimeWindowDto"];
            before: components["schemas"]["TimeWindowDto"];
        };
        DistrictPageDto: {
            items: components["schemas"]["DistrictResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        DistrictResponseDto: {
            active: boolean;
            /**
             * @description GeoJSON Polygon (RFC 7946), WGS84, positions as [longitude, latitude]; each ring closed (first = last), at least 4 positions, no self-intersection
             * @example {
             *       "type": "Polygon",
             *       "coordinates": [
             *         [
             *           [
             *             12.355,
             *             51.33
             *           ],
             *           [
             *             12.39,
             *             51.33
             *           ],
             *           [
             *             12.39,
             *             51.355
             *           ],
             *           [
             *             12.355,
             *             51.355
             *           ],
             *           [
             *             12.355,
             *             51.33
             *           ]
             *         ]
             *       ]
             *     }
             */
            boundary?: {
                coordinates: number[][][];
                /** @enum {string} */
                type: "Polygon";
            } | null;
            code: string;
            createdAt: string;
            id: string;
            name: string;
            updatedAt: string;
            version: number;
        };
        EscalationPageDto: {
            items: components["schemas"]["EscalationResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        EscalationResponseDto: {
            createdAt: string;
            /** @description The linked developments YOU may see; others are left out and not counted */
            developments: components["schemas"]["LinkedDevelopmentDto"][];
            dismissal: components["schemas"]["DismissalDto"] | null;
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Dismissed as merged into this escalation: it returned to proposed (its extended rapport was cancelled) and took this newer proposal of the same rule and scope over
             */
            mergedIntoId: string | null;
            /** @description null: proposed by a threshold rule */
            raisedBy: components["schemas"]["PersonRefDto"] | null;
            raisedByAgency: components["schemas"]["AgencyRefDto"] | null;
            /**
             * Format: uuid
             * @description The extended rapport convened for it (convened and resolved; cleared when that rapport is cancelled and the escalation returns to proposed)
             */
            rapportId: string | null;
            /** @enum {string} */
            reason: "many_syringe_finds" | "residents_complaints" | "aggression_violence" | "new_scene" | "other";
            /** @description The threshold rule that proposed it */
            rule: components["schemas"]["EscalationRuleRefDto"] | null;
            /** @description For a rule's proposal: the district or place it concerns */
            scope: components["schemas"]["EscalationScopeDto"] | null;
            /** @enum {string} */
            status: "proposed" | "convened" | "dismissed" | "resolved";
            /** @description The raiser's statement; null for a threshold rule's proposal */
            text: string | null;
            updatedAt: string;
            version: number;
        };
        EscalationRuleRefDto: {
            /** Format: uuid */
            id: string;
            minCount: number | null;
            name: string;
            risePercent: number | null;
            /** @enum {string} */
            scopeKind: "district" | "place" | "sensitive";
            windowDays: number;
        };
        EscalationScopeDto: {
            /** Format: uuid */
            id: string;
            /**
             * @description place also for a sensitive-places rule: the sensitive place concerned
             * @enum {string}
             */
            kind: "district" | "place";
            name: string;
        };
        ExtendedRapportDashboardDto: {
            /** Format: uuid */
            id: string;
            /** @description Measures agreed there (measures with this rapportId), by status */
            measuresByStatus: components["schemas"]["MeasuresByStatusDto"];
            startsAt: string;
            /** @enum {string} */
            status: "planned" | "convened" | "held" | "minutes_published" | "cancelled";
            title: string;
        };
        FieldProblemDto: {
            /**
             * @description Stable machine code of the rule that failed
             * @example MATCHES
             */
            code: string;
            /**
             * @description Dotted path of the input (body field, query parameter, path segment or header)
             * @example milestones.0.dueDate
             */
            field: string;
            /** @example must be a date YYYY-MM-DD */
            message: string;
        };
        HealthChecksDto: {
            /** @enum {string} */
            database: "up" | "down";
            /**
             * @description How reminder mail leaves: SMTP_URL, .eml files under DATA_DIR/outbox-mail, or not at all (SMTP_URL unset on a server: mail reminders fail). Informational: does not change `status`
             * @enum {string}
             */
            mail: "smtp" | "outbox" | "not_configured";
            /** @enum {string} */
            queue: "up" | "down";
            /**
             * @description Where the job queue lives
             * @enum {string}
             */
            queueBackend: "redis" | "postgres";
        };
        HealthResponseDto: {
            checks: components["schemas"]["HealthChecksDto"];
            /** @description The dependencies that do not answer, by name (e.g. ["redis"]); empty when all do */
            down: ("postgres" | "redis")[];
            /** @enum {string} */
            status: "ok" | "unavailable";
            worker: components["schemas"]["HealthWorkerDto"];
        };
        HealthWorkerDto: {
            /**
             * Format: date-time
             * @description The worker's last heartbeat; null when none was recorded or it could not be read
             */
            lastHeartbeatAt: string | null;
        };
        InvitationResponseDto: {
            /** @description The participating agency (via agency) */
            agencyId: string | null;
            /** @enum {string|null} */
            attendance: "present" | "excused" | "absent" | null;
            /** @description The invitation that sent this deputy (via deputy) */
            delegatedFromId: string | null;
            id: string;
            person: components["schemas"]["PersonRefDto"];
            respondedAt: string | null;
            /** @enum {string} */
            response: "pending" | "accepted" | "declined" | "tentative" | "delegated";
            /**
             * @description Invited as a liaison of a participating agency, by name, or as a deputy sent by another invitee
             * @enum {string}
             */
            via: "agency" | "person" | "deputy";
        };
        InvitePeopleDto: {
            /** @description Active people invited by name */
            personIds: string[];
        };
        KeyFigureDefinitionDto: {
            baselinePeriods: number;
            bufferFactor: number;
            categories: ("syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other")[];
            controlDistrictId: string | null;
            districtIds: string[];
            id: string;
            /**
             * @description reports: count the developments (one find of 14 syringes is 1); sum: add up their count (that find is 14; a development without a count adds 1, a count of 0 adds 0).
             * @enum {string}
             */
            measure: "reports" | "sum";
            name: string;
            /** @enum {string} */
            period: "week" | "month";
            placeIds: string[];
            point: components["schemas"]["KeyFigurePointResponseDto"] | null;
            target: components["schemas"]["KeyFigureTargetDto"];
            version: number;
        };
        KeyFigureFreshnessDto: {
            /** Format: date-time */
            developmentsChangedAt: string | null;
            /** Format: date-time */
            oldestEvaluatedAt: string | null;
            /** @description Key-figure results recomputed within this request */
            refreshedNow: number;
            /** @description More were stale: a background refresh catches up */
            refreshingInBackground: boolean;
        };
        KeyFigurePointDto: {
            /** @example 51.34108 */
            lat: number;
            /** @example 12.405 */
            lon: number;
            /**
             * @description Radius of the target area in metres
             * @example 250
             */
            radiusM: number;
        };
        KeyFigurePointResponseDto: {
            lat: number;
            lon: number;
            radiusM: number;
        };
        KeyFigureResultDto: {
            /** @description Per period since the start, the running one last */
            actual: components["schemas"]["PeriodCountDto"][];
            baseline: components["schemas"]["PeriodCountDto"][];
            /** @description Mean count per baseline period */
            baselineAverage: number | null;
            computedAt: string;
            /** @enum {string|null} */
            direction: "decrease" | "increase" | "hold" | null;
            /** @description Displacement watch (key figures with a point and radius only) */
            displacement: components["schemas"]["DisplacementDto"] | null;
            /** @description Where the figure should be at the end of the latest complete period (straight line from baseline to target) */
            expected: number | null;
            keyFigure: components["schemas"]["KeyFigureDefinitionDto"];
            /** @description The latest complete period (what the status judges) */
            latest: components["schemas"]["PeriodCountDto"] | null;
            /** @description The measure's start date: baseline periods end here, actual periods begin here */
            startDate: string;
            /** @enum {string} */
            status: "on_track" | "off_track" | "no_data";
            /** @description Why this status, e.g. at_or_below_expected, no_complete_period, nothing_logged */
            statusReason: string;
            /** @description Target count per period (absolute, or baseline x (1 + percent/100)) */
            targetPerPeriod: number | null;
        };
        KeyFigureTallyDto: {
            noData: number;
            /** @description Not yet evaluated for your agency (in none of the three above) */
            notEvaluated: number;
            offTrack: number;
            onTrack: number;
            /** @description Shown with their last status; developments or the definition changed since */
            stale: number;
            total: number;
        };
        KeyFigureTargetDto: {
            /** @description Berlin date */
            date: string;
            /** @enum {string} */
            kind: "absolute" | "percent";
            value: number;
        };
        LedgerCountsDto: {
            batched: number;
            failed: number;
            pending: number;
            sending: number;
            sent: number;
            withdrawn: number;
        };
        LinkedDevelopmentDto: {
            /** @enum {string} */
            category: "syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other";
            count: number | null;
            district: components["schemas"]["NamedRefDto"] | null;
            /** Format: uuid */
            id: string;
            observedAt: string;
            place: components["schemas"]["NamedRefDto"] | null;
            reportingAgency: components["schemas"]["AgencyRefDto"];
            severity: number;
            withdrawn: boolean;
        };
        LoginDto: {
            /** @example koordination@demo.drogenrapport.invalid */
            email: string;
            password: string;
        };
        MarkedReadDto: {
            /** @description How many were unread and are now read */
            marked: number;
        };
        MeasureActorDto: {
            /** Format: uuid */
            agencyId: string;
            displayName: string;
            /** Format: uuid */
            id: string;
        };
        MeasureEventDto: {
            actor: components["schemas"]["MeasureActorDto"];
            at: string;
            /** @description Field -> {old, new}; free-text fields only {changed: true} */
            changes: {
                [key: string]: unknown;
            };
            id: string;
            /** @enum {string} */
            kind: "created" | "updated" | "status_changed" | "progress_note" | "milestone_added" | "milestone_updated" | "key_figure_added" | "key_figure_updated" | "key_figure_removed";
            /** @description Progress note, status reason or completion note */
            note: string | null;
            /** @description The milestone or key figure concerned */
            subjectId: string | null;
        };
        MeasureHistoryPageDto: {
            items: components["schemas"]["MeasureEventDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        MeasureKeyFiguresDto: {
            /** @description At least one key figure: the buffer got worse while the target area improved */
            displacementSuspected: boolean;
            keyFigures: components["schemas"]["KeyFigureResultDto"][];
            measureId: string;
        };
        MeasurePageDto: {
            items: components["schemas"]["MeasureResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        MeasureResponseDto: {
            /** Format: uuid */
            agendaItemId: string | null;
            /** @description Statuses it may move to next (the workflow; who may is a separate rule) */
            allowedTransitions: ("planned" | "in_progress" | "done" | "blocked" | "cancelled")[];
            completedAt: string | null;
            completionNote: string | null;
            createdAt: string;
            createdBy: string;
            daysOverdue: number;
            /** @description Berlin date */
            deadline: string;
            deputy: components["schemas"]["PersonRefDto"] | null;
            /** @description Free text. No personal data about drug users belongs here. */
            description: string;
            districts: components["schemas"]["NamedRefDto"][];
            id: string;
            /** @description Definitions; the figures: GET /measures/{id}/key-figures */
            keyFigures: components["schemas"]["KeyFigureDefinitionDto"][];
            milestones: components["schemas"]["MilestoneResponseDto"][];
            /** @description Derived: open and the deadline lies before today (Berlin) */
            overdue: boolean;
            owningAgency: components["schemas"]["AgencyRefDto"];
            places: components["schemas"]["NamedRefDto"][];
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            /** Format: uuid */
            rapportId: string | null;
            responsible: components["schemas"]["PersonRefDto"];
            /** @description Berlin date */
            startDate: string;
            /** @enum {string} */
            status: "planned" | "in_progress" | "done" | "blocked" | "cancelled";
            statusChangedAt: string;
            /** @description Why it is blocked or cancelled */
            statusReason: string | null;
            title: string;
            updatedAt: string;
            version: number;
        };
        MeasuresByStatusDto: {
            blocked: number;
            cancelled: number;
            done: number;
            in_progress: number;
            planned: number;
        };
        MilestoneInputDto: {
            /**
             * @description Berlin date
             * @example 2026-05-15
             */
            dueDate: string;
            /** @example Angebot für die Mauererhöhung liegt vor */
            title: string;
        };
        MilestoneResponseDto: {
            done: boolean;
            doneAt: string | null;
            /** @description Berlin date */
            dueDate: string;
            id: string;
            title: string;
            version: number;
        };
        MinutesAgendaItemDto: {
            id: string;
            /** @description Position on the agenda, 0-based */
            position: number;
            title: string;
        };
        MinutesAttendanceDto: {
            /**
             * @description null: not recorded
             * @enum {string|null}
             */
            attendance: "present" | "excused" | "absent" | null;
            person: components["schemas"]["PersonRefDto"];
        };
        MinutesCorrectionDto: {
            /**
             * @description What was decided. No personal data about drug users belongs here.
             * @example Das Ordnungsamt kontrolliert dort zweimal täglich.
             */
            decisions?: string;
            /**
             * Format: uuid
             * @description The entry of the latest revision that is corrected
             */
            entryId: string;
            /**
             * @description Optional heading of the entry (null clears it)
             * @example Bahnhofsvorplatz
             */
            heading?: string | null;
            /**
             * @description What was discussed. No personal data about drug users belongs here.
             * @example Mehr Spritzenfunde am Spielplatz seit März.
             */
            notes?: string;
        };
        MinutesEntryPatchDto: {
            /**
             * @description What was decided. No personal data about drug users belongs here.
             * @example Das Ordnungsamt kontrolliert dort zweimal täglich.
             */
            decisions?: string;
            /**
             * @description Optional heading of the entry (null clears it)
             * @example Bahnhofsvorplatz
             */
            heading?: string | null;
            /**
             * @description What was discussed. No personal data about drug users belongs here.
             * @example Mehr Spritzenfunde am Spielplatz seit März.
             */
            notes?: string;
            /** @description The entry's version you read; or If-Match. Required: without it 428 VERSION_REQUIRED */
            version?: number;
        };
        MinutesEntryResponseDto: {
            /**
             * Format: uuid
             * @description The agenda item the entry is written under; null for a free entry
             */
            agendaItemId: string | null;
            decisions: string;
            heading: string | null;
            id: string;
            notes: string;
            /** @description Order within the minutes, from 1 */
            position: number;
            /** @description The entry of the previous revision this one replaces */
            previousId: string | null;
            rapportId: string;
            revision: number;
            updatedAt: string;
            /** @description Send it when editing the entry (If-Match or body) */
            version: number;
        };
        MinutesEntryWithItemDto: {
            /** @description null for a free entry */
            agendaItem: components["schemas"]["MinutesAgendaItemDto"] | null;
            /**
             * Format: uuid
             * @description The agenda item the entry is written under; null for a free entry
             */
            agendaItemId: string | null;
            decisions: string;
            heading: string | null;
            id: string;
            /** @description The measures agreed under this entry's agenda item */
            measures: components["schemas"]["MinutesMeasureDto"][];
            notes: string;
            /** @description Order within the minutes, from 1 */
            position: number;
            /** @description The entry of the previous revision this one replaces */
            previousId: string | null;
            rapportId: string;
            revision: number;
            /** @description Under a district item: the situation as the agenda shows it to you (counted from what you may see); null otherwise */
            situation: components["schemas"]["MinutesSituationDto"] | null;
            updatedAt: string;
            /** @description Send it when editing the entry (If-Match or body) */
            version: number;
        };
        MinutesMeasureDto: {
            /**
             * Format: uuid
             * @description The agenda item it was agreed under
             */
            agendaItemId: string | null;
            /** @description Berlin date */
            deadline: string;
            id: string;
            /** @description The owning agency */
            owningAgency: components["schemas"]["NamedRefDto"];
            responsible: components["schemas"]["PersonRefDto"];
            /** @enum {string} */
            status: "planned" | "in_progress" | "done" | "blocked" | "cancelled";
            title: string;
        };
        MinutesResponseDto: {
            attendance: components["schemas"]["MinutesAttendanceDto"][];
            entries: components["schemas"]["MinutesEntryWithItemDto"][];
            /** @description The goal statement of an extended rapport; null for a regular one */
            goal: string | null;
            /** @enum {string} */
            kind: "regular" | "extended";
            /** @description The highest revision */
            latestRevision: number;
            location: string;
            /** @description Every measure agreed in this meeting (under an agenda item or not) */
            measures: components["schemas"]["MinutesMeasureDto"][];
            /** @description Read-only once published */
            published: boolean;
            rapportId: string;
            /** @description The revision shown */
            revision: number;
            startsAt: string;
            /** @enum {string} */
            status: "planned" | "convened" | "held" | "minutes_published" | "cancelled";
            title: string;
        };
        MinutesSituationDto: {
            /** @description Per category with a count or a previous count; only what you may see */
            categories: components["schemas"]["AgendaCategoryCountDto"][];
            period: components["schemas"]["AgendaPeriodDto"];
        };
        NamedRefDto: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        NewMinutesEntryDto: {
            /**
             * Format: uuid
             * @description The agenda item the entry is written under (an item of this meeting's agenda, else 422 AGENDA_ITEM_NOT_FOUND; one entry per item, else 409 AGENDA_ITEM_HAS_ENTRY). Absent or null: a free entry, e.g. "Verschiedenes". Set once, when the entry is created.
             */
            agendaItemId?: string | null;
            /**
             * @description What was decided. No personal data about drug users belongs here.
             * @example Das Ordnungsamt kontrolliert dort zweimal täglich.
             */
            decisions?: string;
            /**
             * @description Optional heading of the entry (null clears it)
             * @example Bahnhofsvorplatz
             */
            heading?: string | null;
            /**
             * @description What was discussed. No personal data about drug users belongs here.
             * @example Mehr Spritzenfunde am Spielplatz seit März.
             */
            notes?: string;
        };
        NotificationPageDto: {
            items: components["schemas"]["NotificationResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        NotificationResponseDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "measure_due_soon" | "measure_due_tomorrow" | "measure_overdue" | "measure_overdue_leadership" | "measure_overdue_coordinators" | "milestone_due_soon" | "milestone_due_tomorrow" | "milestone_overdue" | "rapport_invitation" | "rapport_update" | "rapport_cancellation" | "rapport_call_for_developments" | "rapport_agenda" | "rapport_minutes_published" | "escalation_proposed" | "escalation_sensitive_breach" | "leadership_weekly_digest" | "mail_daily_digest";
            /** @description A path into the product, e.g. /measures/<id> */
            link: string;
            /** Format: date-time */
            readAt: string | null;
            /** Format: uuid */
            subjectId: string | null;
            /** @enum {string} */
            subjectType: "measure" | "milestone" | "rapport" | "escalation" | "digest";
            text: string;
            /** @description German, names records by title only */
            title: string;
        };
        NotificationSettingsResponseDto: {
            /** @description The channels that apply per group (defaults filled in) */
            channels: components["schemas"]["ChannelsByGroupDto"];
            /** @description The groups you chose yourself; the others follow the defaults */
            chosen: ("measures" | "rapports" | "escalations" | "digests")[];
            /**
             * @description single: one mail per reminder; daily_digest: one mail a day with all of them
             * @enum {string}
             */
            mailMode: "single" | "daily_digest";
            /** @description 0 until you first save; send it back (If-Match or version) when you change them */
            version: number;
        };
        OpenEscalationsDto: {
            /** @description Proposed or convened escalations you may read (as GET /escalations) */
            count: number;
            /** @description The newest of them (at most 5) */
            newest: components["schemas"]["DashboardEscalationDto"][];
        };
        PeriodCountDto: {
            /** @description false for the running period */
            complete: boolean;
            count: number;
            /** @description Berlin date (exclusive) */
            end: string;
            /** @description Berlin date (inclusive) */
            start: string;
        };
        PersonAgencyDto: {
            code: string;
            id: string;
            /** @enum {string} */
            kind: "police" | "public_order_office" | "youth_office" | "drug_help" | "school" | "street_cleaning" | "streetwork" | "health_office" | "social_office" | "neighbourhood_management" | "housing" | "civil_society" | "other";
            name: string;
        };
        PersonPageDto: {
            items: components["schemas"]["PersonResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        PersonRefDto: {
            displayName: string;
            /** Format: uuid */
            id: string;
        };
        PersonResponseDto: {
            /** @description Whether a leadership person of the agency confirmed this person's access to the agency's restricted developments (four-eyes). Until then the person sees only developments visible to all participants. */
            accessConfirmed: boolean;
            /** @description When the access was confirmed */
            accessConfirmedAt: string | null;
            /** @description Who confirmed it (null for accounts older than the rule and for the demo city) */
            accessConfirmedBy: string | null;
            active: boolean;
            agency?: components["schemas"]["PersonAgencyDto"];
            agencyId: string;
            createdAt: string;
            /** Format: uuid */
            deputyId: string | null;
            displayName: string;
            email: string;
            id: string;
            /** @description false while the password is one an administrator set; access is confirmed only after the person chose their own */
            passwordChosenBySelf: boolean;
            roles: ("liaison" | "coordinator" | "leadership" | "admin")[];
            version: number;
        };
        PlaceDistrictDto: {
            code: string;
            id: string;
            name: string;
        };
        PlacePageDto: {
            items: components["schemas"]["PlaceResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        PlaceResponseDto: {
            active: boolean;
            address: string | null;
            createdAt: string;
            district: components["schemas"]["PlaceDistrictDto"] | null;
            /** Format: uuid */
            districtId: string | null;
            id: string;
            /** @enum {string} */
            kind: "scene" | "sensitive" | "other";
            lat: number;
            lon: number;
            name: string;
            /** @enum {string|null} */
            sensitiveKind: "kindergarten" | "school" | "playground" | "youth_facility" | null;
            updatedAt: string;
            version: number;
        };
        ProblemDto: {
            /**
             * @description Stable machine code: clients decide on this, never on `detail`
             * @example VALIDATION_FAILED
             */
            code: string;
            /**
             * @description Plain-English explanation for a person
             * @example deadline: must be a date YYYY-MM-DD
             */
            detail: string;
            /** @description With VALIDATION_FAILED: every offending input */
            errors?: components["schemas"]["FieldProblemDto"][];
            /**
             * @description The input that was wrong, where there is one
             * @example deadline
             */
            field?: string;
            /**
             * @description The path that was called
             * @example /api/v1/measures
             */
            instance?: string;
            /**
             * @description Also in the X-Request-Id header; tell IT this id
             * @example 5f0c8a44-6a41-4a4e-9a55-3f7f3c1b2d9e
             */
            requestId?: string;
            /** @example 400 */
            status: number;
            /**
             * @description The HTTP status in words
             * @example Bad Request
             */
            title: string;
            /**
             * @description Identifies the kind of problem; derived from `code`
             * @example https://drogenrapport.invalid/problems/validation-failed
             */
            type: string;
        };
        ProgressNoteDto: {
            /**
             * @description No personal data about drug users belongs here.
             * @example Angebot der Baufirma liegt vor, Auftrag geht diese Woche raus.
             */
            text: string;
        };
        PutAgencyWebhookDto: {
            /** @description Off: nothing is posted and pending deliveries are withdrawn. Default on creation: true */
            active?: boolean;
            /**
             * @description https (plain http only to localhost)
             * @example https://chat.example.de/hooks/drogenrapport
             */
            url: string;
            /** @description Required when the agency already has a webhook: the version you read; a stale version is refused (409) */
            version?: number;
        };
        PutNotificationSettingsDto: {
            /**
             * @description Per reminder group (measures, rapports, escalations, digests) the channels wanted, each a subset of inbox and email
             *     (an empty list: nothing for that group). A group left out follows the default. Webhooks are set up per agency, not here.
             * @example {
             *       "measures": [
             *         "inbox",
             *         "email"
             *       ],
             *       "digests": [
             *         "email"
             *       ]
             *     }
             */
            channels: {
                [key: string]: ("inbox" | "email")[];
            };
            /** @enum {string} */
            mailMode: "single" | "daily_digest";
            /** @description The version you read (or If-Match); required one way or the other */
            version?: number;
        };
        QueueCountsDto: {
            active: number;
            completed: number;
            delayed: number;
            failed: number;
            name: string;
            waiting: number;
        };
        QueuesOverviewDto: {
            /** @enum {string} */
            backend: "redis" | "postgres";
            /** @description The reminder ledger (Postgres, the truth) by state */
            ledger: components["schemas"]["LedgerCountsDto"];
            queues: components["schemas"]["QueueCountsDto"][];
        };
        RaiseEscalationDto: {
            /** @description The developments that show it; each must be one you may see and not withdrawn */
            developmentIds: string[];
            /** @enum {string} */
            reason: "many_syringe_finds" | "residents_complaints" | "aggression_violence" | "new_scene" | "other";
            /** @description A short statement of the situation. No personal data about drug users. */
            text: string;
        };
        RapportPageDto: {
            items: components["schemas"]["RapportResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        RapportResponseDto: {
            agencies: components["schemas"]["AgencyRefDto"][];
            /** @description Statuses it may move to next */
            allowedTransitions: ("planned" | "convened" | "held" | "minutes_published" | "cancelled")[];
            cancelReason: string | null;
            createdAt: string;
            endsAt: string;
            /** @description The goal statement of an extended rapport; null for a regular one */
            goal: string | null;
            id: string;
            invitations: components["schemas"]["InvitationResponseDto"][];
            /** @enum {string} */
            kind: "regular" | "extended";
            location: string;
            /** @description The series' slot this meeting was planned for; it stays when the meeting is moved */
            occurrenceStart: string | null;
            seriesId: string | null;
            startsAt: string;
            /** @enum {string} */
            status: "planned" | "convened" | "held" | "minutes_published" | "cancelled";
            title: string;
            updatedAt: string;
            version: number;
        };
        RapportStatusDto: {
            /** @description On convene: people invited by name besides the liaisons of the participating agencies */
            personIds?: string[];
            /** @description Required for cancelled */
            reason?: string;
            /**
             * @description planned -> convened (invitations go out; the meeting must lie ahead) -> held (from its start on; minutes are written) -> minutes_published (the minutes become read-only); cancelled (with a reason) from planned or convened
             * @enum {string}
             */
            status: "convened" | "held" | "minutes_published" | "cancelled";
            /** @description The version you read (or If-Match) */
            version?: number;
        };
        RecordAttendanceDto: {
            entries: components["schemas"]["AttendanceEntryDto"][];
        };
        RefreshDto: {
            /** @description The refresh token from the last login or refresh; each can be used once. */
            refreshToken: string;
        };
        ReminderPageDto: {
            items: components["schemas"]["ReminderResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        ReminderResponseDto: {
            /**
             * Format: uuid
             * @description The agency whose webhook receives it
             */
            agencyId: string | null;
            attempts: number;
            /** @enum {string} */
            channel: "inbox" | "email" | "webhook";
            /** Format: date-time */
            dueAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "measure_due_soon" | "measure_due_tomorrow" | "measure_overdue" | "measure_overdue_leadership" | "measure_overdue_coordinators" | "milestone_due_soon" | "milestone_due_tomorrow" | "milestone_overdue" | "rapport_invitation" | "rapport_update" | "rapport_cancellation" | "rapport_call_for_developments" | "rapport_agenda" | "rapport_minutes_published" | "escalation_proposed" | "escalation_sensitive_breach" | "leadership_weekly_digest" | "mail_daily_digest";
            /** @description A stable error code of the last failed attempt (e.g. SMTP_UNAVAILABLE) */
            lastError: string | null;
            late: boolean;
            /**
             * Format: uuid
             * @description The person (null for an agency webhook)
             */
            recipientId: string | null;
            /** @description The person's display name, or the agency's name for a webhook */
            recipientName: string | null;
            /** Format: date-time */
            sentAt: string | null;
            /** @enum {string} */
            state: "pending" | "sending" | "sent" | "failed" | "withdrawn" | "batched";
            /** Format: uuid */
            subjectId: string | null;
            /** @enum {string} */
            subjectType: "measure" | "milestone" | "rapport" | "escalation" | "digest";
            /** Format: date-time */
            updatedAt: string;
        };
        SensitivePlaceRefDto: {
            /** @description Distance in metres when the development was stored */
            distanceM: number;
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string|null} */
            sensitiveKind: "kindergarten" | "school" | "playground" | "youth_facility" | null;
        };
        SeriesPageDto: {
            items: components["schemas"]["SeriesResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        SeriesResponseDto: {
            active: boolean;
            agencies: components["schemas"]["AgencyRefDto"][];
            createdAt: string;
            durationMinutes: number;
            id: string;
            location: string;
            /** @example FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU */
            rrule: string;
            /** @description Berlin date */
            startDate: string;
            /** @description Wall-clock time HH:MM in timeZone */
            startTime: string;
            /** @example Europe/Berlin */
            timeZone: string;
            title: string;
            updatedAt: string;
            version: number;
        };
        SetDeputyDto: {
            /**
             * Format: uuid
             * @description An active person of the same agency, or null to clear
             */
            deputyId: string | null;
        };
        SubstanceListDto: {
            items: components["schemas"]["SubstanceResponseDto"][];
        };
        SubstanceResponseDto: {
            active: boolean;
            code: string;
            createdAt: string;
            label: string;
        };
        SummaryResponseDto: {
            agencies: components["schemas"]["AgencySummaryDto"][];
            /** Format: date-time */
            since: string;
            total: number;
            /** Format: date-time */
            until: string;
        };
        ThresholdRulePageDto: {
            items: components["schemas"]["ThresholdRuleResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        ThresholdRuleResponseDto: {
            active: boolean;
            categories: ("syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other")[];
            createdAt: string;
            district: components["schemas"]["NamedRefDto"] | null;
            /** Format: uuid */
            id: string;
            minCount: number | null;
            name: string;
            place: components["schemas"]["NamedRefDto"] | null;
            risePercent: number | null;
            /** @enum {string} */
            scopeKind: "district" | "place" | "sensitive";
            updatedAt: string;
            version: number;
            windowDays: number;
        };
        TimeWindowDto: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
        };
        TokenPairDto: {
            accessToken: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            /** @description Use once at POST /api/v1/auth/refresh; a second use ends the session. */
            refreshToken: string;
            /** @example Bearer */
            tokenType: string;
        };
        TrendBucketDto: {
            /** @description Berlin date the bucket starts (Monday for weeks, the 1st for months) */
            bucket: string;
            /** Format: date-time */
            start: string;
        };
        TrendPointDto: {
            /** @description The bucket (Berlin date) */
            bucket: string;
            change: number;
            /** @description Change in percent; null when the bucket before was empty */
            changePercent: number | null;
            count: number;
            /** @description Count in the bucket before */
            previous: number;
        };
        TrendSeriesDto: {
            /** @enum {string} */
            category: "syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other";
            /**
             * Format: uuid
             * @description The district or place; null: none
             */
            groupId: string | null;
            groupName: string | null;
            points: components["schemas"]["TrendPointDto"][];
            total: number;
        };
        TrendsResponseDto: {
            buckets: components["schemas"]["TrendBucketDto"][];
            /** Format: date-time */
            from: string;
            /** @enum {string} */
            groupBy: "district" | "place";
            /** @enum {string} */
            interval: "week" | "month";
            /**
             * @description reports: count the developments (one find of 14 syringes is 1); sum: add up their count (that find is 14; a development without a count adds 1, a count of 0 adds 0).
             * @enum {string}
             */
            measure: "reports" | "sum";
            series: components["schemas"]["TrendSeriesDto"][];
            /** Format: date-time */
            to: string;
        };
        UnreadCountDto: {
            unread: number;
        };
        UpdateAgencyDto: {
            /** @description Short code, unique; 2-20 letters, digits or - */
            code?: string;
            /** @enum {string} */
            kind?: "police" | "public_order_office" | "youth_office" | "drug_help" | "school" | "street_cleaning" | "streetwork" | "health_office" | "social_office" | "neighbourhood_management" | "housing" | "civil_society" | "other";
            name?: string;
            /** @description The version you read; a stale version is refused (409) */
            version?: number;
        };
        UpdateDevelopmentDto: {
            /** @enum {string} */
            category?: "syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other";
            /** @description null: not counted */
            count?: number | null;
            /** @description What was observed. No personal data about drug users belongs here: no names, descriptions of persons, licence plates or anything else that identifies someone. */
            description?: string;
            /** @description Move to coordinates (with lon; clears the place) */
            lat?: number;
            /** @description Move to coordinates (with lat; clears the place) */
            lon?: number;
            observedAt?: string;
            /** @description Move to a known place (clears own coordinates) */
            placeId?: string;
            severity?: number;
            /** @description Codes of active substances (GET /substances) */
            substances?: string[];
            /** @description The version you read (or send If-Match); required one way or the other; a stale version is refused (409 VERSION_CONFLICT) */
            version?: number;
            /** @enum {string} */
            visibility?: "all" | "own_agency" | "agencies";
            visibleAgencyIds?: string[];
        };
        UpdateDistrictDto: {
            /**
             * @description null removes the boundary
             * @example {
             *       "type": "Polygon",
             *       "coordinates": [
             *         [
             *           [
             *             12.355,
             *             51.33
             *           ],
             *           [
             *             12.39,
             *             51.33
             *           ],
             *           [
             *             12.39,
             *             51.355
             *           ],
             *           [
             *             12.355,
             *             51.355
             *           ],
             *           [
             *             12.355,
             *             51.33
             *           ]
             *         ]
             *       ]
             *     }
             */
            boundary?: {
                coordinates?: number[][][];
                /** @enum {string} */
                type?: "Polygon";
            } | null;
            /** @description Unique; 1-20 letters, digits or -, stored upper-case */
            code?: string;
            name?: string;
            /** @description The version you read; a stale version is refused (409) */
            version?: number;
        };
        UpdateKeyFigureDto: {
            baselinePeriods?: number;
            bufferFactor?: number;
            categories?: ("syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other")[];
            /** Format: uuid */
            controlDistrictId?: string | null;
            districtIds?: string[];
            /**
             * @description reports: count the developments (one find of 14 syringes is 1); sum: add up their count (that find is 14; a development without a count adds 1, a count of 0 adds 0).
             * @enum {string}
             */
            measure?: "reports" | "sum";
            name?: string;
            /** @enum {string} */
            period?: "week" | "month";
            placeIds?: string[];
            /** @description null removes the circle (and the displacement watch) */
            point?: components["schemas"]["KeyFigurePointDto"] | null;
            targetDate?: string;
            /** @enum {string} */
            targetKind?: "absolute" | "percent";
            targetValue?: number;
            /** @description The key figure's version you read (or If-Match) */
            version?: number;
        };
        UpdateMeasureDto: {
            /** Format: uuid */
            agendaItemId?: string | null;
            /**
             * @description A new deadline must not lie in the past
             * @example 2026-07-31
             */
            deadline?: string;
            /**
             * Format: uuid
             * @description null removes the deputy
             */
            deputyId?: string | null;
            /** @description No personal data about drug users belongs here. */
            description?: string;
            districtIds?: string[];
            /** @description Reassign to another agency (the responsible person must belong to it) */
            owningAgencyId?: string;
            placeIds?: string[];
            /** @enum {string} */
            priority?: "low" | "normal" | "high" | "urgent";
            /** Format: uuid */
            rapportId?: string | null;
            responsibleId?: string;
            startDate?: string;
            title?: string;
            /** @description The version you read; a stale version is refused (409 VERSION_CONFLICT with the current state). If-Match works too. */
            version?: number;
        };
        UpdateMilestoneDto: {
            done?: boolean;
            dueDate?: string;
            title?: string;
            /** @description The milestone's version you read (or If-Match) */
            version?: number;
        };
        UpdatePersonDto: {
            /**
             * Format: uuid
             * @description null removes the deputy
             */
            deputyId?: string | null;
            displayName?: string;
            email?: string;
            /** @description Not your own; admin combines with no other role; a new role needs confirming by the agency leadership */
            roles?: ("liaison" | "coordinator" | "leadership" | "admin")[];
            /** @description The version you read; a stale version is refused (409) */
            version?: number;
        };
        UpdatePlaceDto: {
            address?: string | null;
            /**
             * Format: uuid
             * @description Used only when no district boundary contains the point
             */
            districtId?: string | null;
            /**
             * @description Changing away from "sensitive" clears sensitiveKind
             * @enum {string}
             */
            kind?: "scene" | "sensitive" | "other";
            lat?: number;
            lon?: number;
            name?: string;
            /** @enum {string|null} */
            sensitiveKind?: "kindergarten" | "school" | "playground" | "youth_facility" | null;
            /** @description The version you read; a stale version is refused (409) */
            version?: number;
        };
        UpdateRapportDto: {
            endsAt?: string;
            location?: string;
            /** @description Move the meeting (planned or convened only; not into the past). The end moves along unless endsAt is given. */
            startsAt?: string;
            title?: string;
            /** @description The version you read (or If-Match) */
            version?: number;
        };
        UpdateSeriesDto: {
            agencyIds?: string[];
            durationMinutes?: number;
            location?: string;
            /** @description RFC 5545 RRULE value without DTSTART (the series gives startDate and startTime in Europe/Berlin), FREQ=YEARLY, MONTHLY, WEEKLY or DAILY; must yield a date in the future */
            rrule?: string;
            startDate?: string;
            /** @example 10:00 */
            startTime?: string;
            title?: string;
            /** @description The version you read (or If-Match) */
            version?: number;
        };
        UpdateThresholdRuleDto: {
            categories?: ("syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other")[];
            /** Format: uuid */
            districtId?: string | null;
            /** @description null clears it. Exactly one of minCount and risePercent. */
            minCount?: number | null;
            name?: string;
            /** Format: uuid */
            placeId?: string | null;
            /** @description null clears it. Exactly one of minCount and risePercent. */
            risePercent?: number | null;
            /** @enum {string} */
            scopeKind?: "district" | "place" | "sensitive";
            /** @description The version you read (or If-Match) */
            version?: number;
            windowDays?: number;
        };
        WebConfigDto: {
            /** @description The city area: where the maps open */
            cityBounds: components["schemas"]["CityBoundsDto"];
            /** @description Attribution the tile provider requires */
            mapTileAttribution?: string | null;
            /** @description Tile URL template (MAP_TILE_URL); null: the maps show no tiles */
            mapTileUrl?: string | null;
        };
        WebhookVersionDto: {
            /** @description The version you read; a stale version is refused (409) */
            version?: number;
        };
        WithdrawDevelopmentDto: {
            /** @description Why it is withdrawn (e.g. "doppelt erfasst"). No personal data about drug users belongs here: no names, descriptions of persons, licence plates or anything else that identifies someone. */
            reason: string;
            /** @description The version you read; a stale version is refused (409) */
            version?: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ApiIndexController_index: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiIndexDto"];
                };
            };
        };
    };
    AdminQueuesController_overview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuesOverviewDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgenciesController_list: {
        parameters: {
            query?: {
                active?: boolean;
                /** @description nextCursor of the previous page */
                cursor?: string;
                kind?: "police" | "public_order_office" | "youth_office" | "drug_help" | "school" | "street_cleaning" | "streetwork" | "health_office" | "social_office" | "neighbourhood_management" | "housing" | "civil_society" | "other";
                limit?: number;
                order?: "asc" | "desc";
                /** @description Part of the name or code */
                q?: string;
                sort?: "name" | "code" | "createdAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyPageDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgenciesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgencyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgenciesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgenciesController_update: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAgencyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgenciesController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgenciesController_reactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgencyWebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ETag carries the version (for If-Match) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyWebhookResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgencyWebhooksController_put: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutAgencyWebhookDto"];
            };
        };
        responses: {
            /** @description Changed (no secret) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyWebhookResponseDto"];
                };
            };
            /** @description Created; `secret` is in this answer only */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyWebhookResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A version is required: send the version you read (If-Match header or `version` in the body) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgencyWebhooksController_remove: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgencyWebhooksController_rotate: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookVersionDto"];
            };
        };
        responses: {
            /** @description With the new `secret` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyWebhookResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                action?: "create" | "update" | "deactivate" | "reactivate" | "read" | "export" | "login" | "logout" | "password_change" | "withdraw" | "confirm_access" | "delete";
                actorId?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                entityId?: string;
                entityType?: string;
                /** @description ISO 8601, inclusive */
                from?: string;
                limit?: number;
                order?: "asc" | "desc";
                sort?: "at";
                /** @description ISO 8601, exclusive */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The account is locked for a while after too many failed sign-ins (see Retry-After) */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many attempts; try again later (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session ended: its refresh tokens no longer work */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    BrowserSessionController_login: {
        parameters: {
            query?: never;
            header: {
                /** @description Must be 1 (CSRF protection of the cookie routes) */
                "x-drogenrapport-csrf": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrowserSessionDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The account is locked for a while after too many failed sign-ins (see Retry-After) */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many attempts; try again later (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    BrowserSessionController_logout: {
        parameters: {
            query?: never;
            header: {
                /** @description Must be 1 (CSRF protection of the cookie routes) */
                "x-drogenrapport-csrf": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session ended and the cookie is deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    BrowserSessionController_refresh: {
        parameters: {
            query?: never;
            header: {
                /** @description Must be 1 (CSRF protection of the cookie routes) */
                "x-drogenrapport-csrf": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrowserSessionDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CalendarController_feed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret token followed by .ics */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your meetings and measures as an RFC 5545 calendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DashboardController_get: {
        parameters: {
            query?: {
                /** @description Only measures that name this district or one of its places */
                districtId?: string;
                /** @description Period for the completion rate (Berlin date, inclusive); default 90 days before `to` */
                from?: string;
                /** @description Only measures agreed in this rapport */
                rapportId?: string;
                /** @description End of the period (Berlin date, inclusive); default today */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DevelopmentsController_list: {
        parameters: {
            query?: {
                /** @description Reporting agency */
                agencyId?: string;
                /** @description One or several (repeat the parameter or separate with commas) */
                category?: ("syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other")[];
                /** @description nextCursor of the previous page */
                cursor?: string;
                districtId?: string;
                /** @description observedAt from (ISO 8601, inclusive) */
                from?: string;
                includeWithdrawn?: boolean;
                limit?: number;
                /** @description Centre "lat,lon" of a radius search (with radiusM) */
                near?: string;
                /** @description Only developments near a particularly sensitive place (kindergarten, school, ...) */
                nearSensitiveOnly?: boolean;
                order?: "asc" | "desc";
                placeId?: string;
                /** @description Words to find in the description (German stemming) */
                q?: string;
                /** @description Radius in metres around near */
                radiusM?: number;
                /** @description me: only the developments you reported yourself (among those you may see; no other value is accepted) */
                reportedBy?: "me";
                sort?: "observedAt" | "severity" | "createdAt";
                /** @description observedAt to (ISO 8601, exclusive) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevelopmentPageDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DevelopmentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDevelopmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevelopmentResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DevelopmentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ETag carries the version (for If-Match) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevelopmentResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DevelopmentsController_update: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDevelopmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevelopmentResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A version is required: send the version you read (If-Match header or `version` in the body) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DevelopmentsController_withdraw: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawDevelopmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevelopmentResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DevelopmentsController_export: {
        parameters: {
            query?: {
                /** @description Reporting agency */
                agencyId?: string;
                /** @description One or several (repeat the parameter or separate with commas) */
                category?: ("syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other")[];
                districtId?: string;
                /** @description observedAt from (ISO 8601, inclusive) */
                from?: string;
                includeWithdrawn?: boolean;
                /** @description Centre "lat,lon" of a radius search (with radiusM) */
                near?: string;
                /** @description Only developments near a particularly sensitive place (kindergarten, school, ...) */
                nearSensitiveOnly?: boolean;
                placeId?: string;
                /** @description Words to find in the description (German stemming) */
                q?: string;
                /** @description Radius in metres around near */
                radiusM?: number;
                /** @description me: only the developments you reported yourself (among those you may see; no other value is accepted) */
                reportedBy?: "me";
                /** @description observedAt to (ISO 8601, exclusive) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV (UTF-8 with BOM, semicolons, German headers), sent as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DevelopmentsController_summary: {
        parameters: {
            query?: {
                /** @description Since the last rapport before this meeting: the start of the last held rapport of its series before it. Give either since or rapportId. */
                rapportId?: string;
                /** @description Since when (ISO 8601), e.g. the date of the last rapport. Give either since or rapportId. */
                since?: string;
                /** @description Until (ISO 8601, exclusive); default now */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SummaryResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DevelopmentsController_trends: {
        parameters: {
            query: {
                /** @description Reporting agency */
                agencyId?: string;
                category?: ("syringe_finds" | "complaint" | "aggression_violence" | "new_scene" | "dealing" | "public_consumption" | "camping" | "enforcement_action" | "other")[];
                districtId?: string;
                /** @description Start (ISO 8601); the first bucket is the week/month containing it */
                from: string;
                groupBy?: "district" | "place";
                interval?: "week" | "month";
                /** @description reports: count the developments (one find of 14 syringes is 1); sum: add up their count (that find is 14; a development without a count adds 1, a count of 0 adds 0). */
                measure?: "reports" | "sum";
                nearSensitiveOnly?: boolean;
                placeId?: string;
                /** @description End (ISO 8601, exclusive); default now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrendsResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DistrictsController_list: {
        parameters: {
            query?: {
                active?: boolean;
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                order?: "asc" | "desc";
                /** @description Part of the name or code */
                q?: string;
                sort?: "name" | "code" | "createdAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictPageDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DistrictsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDistrictDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DistrictsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DistrictsController_update: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDistrictDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DistrictsController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DistrictsController_reactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EscalationsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                order?: "asc" | "desc";
                /** @description Default: newest first */
                sort?: "createdAt";
                status?: "proposed" | "convened" | "dismissed" | "resolved";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationPageDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EscalationsController_raise: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RaiseEscalationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EscalationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ETag carries the version (for If-Match) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EscalationsController_convene: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConveneEscalationDto"];
            };
        };
        responses: {
            /** @description The extended rapport, with its invitations */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RapportResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EscalationsController_dismiss: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DismissEscalationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponseDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CalendarController_feedStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeedStatusDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CalendarController_createFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeedDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CalendarController_revokeFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your feed address no longer works (also when there was none) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_setOwnDeputy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetDeputyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationSettingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ETag carries the version (for If-Match) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettingsResponseDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationSettingsController_put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutNotificationSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettingsResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A version is required: send the version you read (If-Match header or `version` in the body) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    InboxController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                order?: "asc" | "desc";
                /** @description true: only unread; false: only read; left out: all (unread first, then newest) */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPageDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    InboxController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    InboxController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedReadDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    InboxController_unreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_changeOwnPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description Password changed; your other sessions ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The account is locked for a while after too many failed sign-ins (see Retry-After) */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many attempts; try again later (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MeasuresController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Deadline from (inclusive) */
                deadlineFrom?: string;
                /** @description Deadline to (inclusive) */
                deadlineTo?: string;
                /** @description Names the district or one of its places */
                districtId?: string;
                limit?: number;
                order?: "asc" | "desc";
                /** @description Only overdue (true) or only not overdue (false) measures */
                overdue?: boolean;
                owningAgencyId?: string;
                /** @description Responsible person or deputy */
                personId?: string;
                placeId?: string;
                priority?: "low" | "normal" | "high" | "urgent";
                /** @description Part of the title */
                q?: string;
                rapportId?: string;
                sort?: "deadline" | "createdAt" | "updatedAt";
                /** @description One or several (repeat or separate with commas) */
                status?: ("planned" | "in_progress" | "done" | "blocked" | "cancelled")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasurePageDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MeasuresController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMeasureDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MeasuresController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ETag carries the version (for If-Match) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MeasuresController_update: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeasureDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A version is required: send the version you read (If-Match header or `version` in the body) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MeasuresController_history: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                order?: "asc" | "desc";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureHistoryPageDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    KeyFiguresController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureKeyFiguresDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    KeyFiguresController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateKeyFigureDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyFigureDefinitionDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    KeyFiguresController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                keyFigureId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    KeyFiguresController_update: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
                keyFigureId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateKeyFigureDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyFigureDefinitionDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MeasuresController_addMilestone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MilestoneInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MeasuresController_updateMilestone: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
                milestoneId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMilestoneDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MeasuresController_addNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgressNoteDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureEventDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MeasuresController_changeStatus: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MeasuresController_export: {
        parameters: {
            query?: {
                /** @description Deadline from (inclusive) */
                deadlineFrom?: string;
                /** @description Deadline to (inclusive) */
                deadlineTo?: string;
                /** @description Names the district or one of its places */
                districtId?: string;
                /** @description Only overdue (true) or only not overdue (false) measures */
                overdue?: boolean;
                owningAgencyId?: string;
                /** @description Responsible person or deputy */
                personId?: string;
                placeId?: string;
                priority?: "low" | "normal" | "high" | "urgent";
                /** @description Part of the title */
                q?: string;
                rapportId?: string;
                /** @description One or several (repeat or separate with commas) */
                status?: ("planned" | "in_progress" | "done" | "blocked" | "cancelled")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV (UTF-8 with BOM, semicolons, German headers), sent as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PeopleController_list: {
        parameters: {
            query?: {
                /** @description false: people whose access waits for their agency's leadership to confirm it */
                accessConfirmed?: boolean;
                /** @description Admins only; others always see active people */
                active?: boolean;
                agencyId?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                order?: "asc" | "desc";
                q?: string;
                role?: "liaison" | "coordinator" | "leadership" | "admin";
                sort?: "displayName" | "email" | "createdAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonPageDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PeopleController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePersonDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PeopleController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PeopleController_update: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePersonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PeopleController_confirmAccess: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PeopleController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PeopleController_setDeputy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetDeputyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PeopleController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description Password set; all of the person's sessions ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The account is locked for a while after too many failed sign-ins (see Retry-After) */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many attempts; try again later (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PeopleController_reactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PlacesController_list: {
        parameters: {
            query?: {
                active?: boolean;
                /** @description nextCursor of the previous page */
                cursor?: string;
                districtId?: string;
                kind?: "scene" | "sensitive" | "other";
                limit?: number;
                /** @description With nearLon and radiusM: only places within radiusM metres of this point */
                nearLat?: number;
                /** @description With nearLat and radiusM */
                nearLon?: number;
                order?: "asc" | "desc";
                /** @description Part of the name or address */
                q?: string;
                /** @description With nearLat and nearLon */
                radiusM?: number;
                sensitiveKind?: "kindergarten" | "school" | "playground" | "youth_facility";
                sort?: "name" | "createdAt" | "updatedAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlacePageDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PlacesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlaceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PlacesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PlacesController_update: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePlaceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PlacesController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PlacesController_reactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RapportSeriesController_list: {
        parameters: {
            query?: {
                active?: boolean;
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                order?: "asc" | "desc";
                sort?: "createdAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeriesPageDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RapportSeriesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSeriesDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeriesResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RapportSeriesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ETag carries the version (for If-Match) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeriesResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RapportSeriesController_update: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSeriesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeriesResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A version is required: send the version you read (If-Match header or `version` in the body) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RapportSeriesController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeriesResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RapportSeriesController_reactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeriesResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RapportsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Starts at or after */
                from?: string;
                limit?: number;
                order?: "asc" | "desc";
                seriesId?: string;
                sort?: "startsAt";
                /** @description One or several (repeat or separate with commas) */
                status?: ("planned" | "convened" | "held" | "minutes_published" | "cancelled")[];
                /** @description Starts before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RapportPageDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RapportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ETag carries the version (for If-Match) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RapportResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RapportsController_update: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRapportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RapportResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A version is required: send the version you read (If-Match header or `version` in the body) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgendaController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ETag carries the agenda's version (If-Match when reordering) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgendaController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgendaItemTitleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgendaController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgendaController_retitle: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The item's version you read (items[].version), e.g. "2"; or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgendaItemPatchDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A version is required: send the version you read (If-Match header or `version` in the body) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgendaController_reorder: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The agenda's version you read (its `version`, sent as ETag), e.g. "4"; or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgendaOrderDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A version is required: send the version you read (If-Match header or `version` in the body) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RapportsController_attendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordAttendanceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RapportResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CalendarController_meeting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The meeting as an RFC 5545 calendar with one VEVENT */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RapportsController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitePeopleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RapportResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RapportsController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RapportResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MinutesController_get: {
        parameters: {
            query?: {
                /** @description An earlier revision; default the latest */
                revision?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MinutesResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MinutesController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewMinutesEntryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MinutesEntryResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MinutesPdfController_pdf: {
        parameters: {
            query?: {
                /** @description An earlier revision; default the latest */
                revision?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The minutes (application/pdf) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MinutesController_update: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The entry's version you read (entries[].version), e.g. "2"; or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                entryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MinutesEntryPatchDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MinutesEntryResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A version is required: send the version you read (If-Match header or `version` in the body) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MinutesController_agree: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgreeMeasureDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MinutesController_correct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectMinutesDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MinutesResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RapportsController_changeStatus: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RapportStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RapportResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RemindersController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                order?: "asc" | "desc";
                state?: "pending" | "sending" | "sent" | "failed" | "withdrawn" | "batched";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderPageDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RemindersController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubstancesController_list: {
        parameters: {
            query?: {
                /** @description true: only those that can be chosen for new developments */
                active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubstanceListDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubstancesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSubstanceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubstanceResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubstancesController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubstanceResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubstancesController_reactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubstanceResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ThresholdRulesController_list: {
        parameters: {
            query?: {
                active?: boolean;
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                order?: "asc" | "desc";
                sort?: "createdAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThresholdRulePageDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ThresholdRulesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateThresholdRuleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThresholdRuleResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ThresholdRulesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ETag carries the version (for If-Match) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThresholdRuleResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ThresholdRulesController_update: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description The version you read, as sent in ETag (e.g. "3"); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateThresholdRuleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThresholdRuleResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A version is required: send the version you read (If-Match header or `version` in the body) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ThresholdRulesController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThresholdRuleResponseDto"];
                };
            };
            /** @description The input is not valid: `field` and `errors` name what is wrong (body, query, path or header) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the access token is expired or not valid (`code` says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in, but this needs another role, or the record is not yours to change */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such record, or you may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebConfigController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebConfigDto"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Database and queue answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponseDto"];
                };
            };
            /** @description The database or the queue does not answer (within about 2 s) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponseDto"];
                };
            };
        };
    };
}
