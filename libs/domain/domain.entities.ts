import { Agency } from './agencies/agency.entity.js';
import { AuditEntry } from './audit/audit-entry.entity.js';
import { LoginFailure } from './auth/login-failure.entity.js';
import { RefreshToken } from './auth/refresh-token.entity.js';
import { Session } from './auth/session.entity.js';
import { Development } from './developments/development.entity.js';
import { Substance } from './developments/substance.entity.js';
import { JobState } from './jobs/job-state.entity.js';
import { Person } from './people/person.entity.js';
import { District } from './places/district.entity.js';
import { Place } from './places/place.entity.js';
import { KeyFigureEvaluation } from './key-figures/key-figure-evaluation.entity.js';
import { KeyFigure } from './key-figures/key-figure.entity.js';
import { MeasureEvent } from './measures/measure-event.entity.js';
import { Measure } from './measures/measure.entity.js';
import { Milestone } from './measures/milestone.entity.js';
import { Escalation } from './escalations/escalation.entity.js';
import { ThresholdRule } from './escalations/threshold-rule.entity.js';
import { MinutesEntry } from './rapports/minutes-entry.entity.js';
import { RapportInvitation } from './rapports/rapport-invitation.entity.js';
import { RapportSeries } from './rapports/rapport-series.entity.js';
import { Rapport } from './rapports/rapport.entity.js';
import { AgendaItem } from './rapports/agenda-item.entity.js';

/** Every TypeORM entity; the database options and the data source for the CLI use this list. */
export const ENTITIES = [Agency, Person, Session, RefreshToken, LoginFailure, AuditEntry, JobState, District, Place, Substance, Development, Measure, MeasureEvent, Milestone, KeyFigure, KeyFigureEvaluation, ThresholdRule, Escalation, RapportSeries, Rapport, RapportInvitation, AgendaItem, MinutesEntry];
