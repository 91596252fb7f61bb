import { Backbone1763700000000 } from './1763700000000-backbone.js';
import { SituationPicture1763800000000 } from './1763800000000-situation-picture.js';
import { DevelopmentIndexes1763900000000 } from './1763900000000-development-indexes.js';
import { Measures1764000000000 } from './1764000000000-measures.js';
import { DevelopmentChanges1764100000000 } from './1764100000000-development-changes.js';
import { AccessConfirmation1764200000000 } from './1764200000000-access-confirmation.js';
import { LoginThrottlePerEmail1764300000000 } from './1764300000000-login-throttle-per-email.js';
import { KeysetIndexes1764400000000 } from './1764400000000-keyset-indexes.js';
import { OneMechanism1764700000000 } from './1764700000000-one-mechanism.js';
import { ScopedDevelopmentChanges1764800000000 } from './1764800000000-scoped-development-changes.js';
import { Rapports1764900000000 } from './1764900000000-rapports.js';
import { Escalations1764950000000 } from './1764950000000-escalations.js';
import { Calendar1765000000000 } from './1765000000000-calendar.js';
import { ExtendedRapport1765100000000 } from './1765100000000-extended-rapport.js';
import { Agenda1765200000000 } from './1765200000000-agenda.js';
import { Minutes1765300000000 } from './1765300000000-minutes.js';
import { MinutesPerItem1765400000000 } from './1765400000000-minutes-per-item.js';
import { Reminders1765500000000 } from './1765500000000-reminders.js';
import { MailDigest1765700000000 } from './1765700000000-mail-digest.js';
import { DevelopmentsReporterIndex1765810000000 } from './1765810000000-developments-reporter-index.js';
import { RefreshTokenSuccessor1765820000000 } from './1765820000000-refresh-token-successor.js';
import { SessionAccessNotify1765830000000 } from './1765830000000-session-access-notify.js';
import { DevelopmentDayCounts1765850000000 } from './1765850000000-development-day-counts.js';
import { BucketCountsKeepZeros1765860000000 } from './1765860000000-bucket-counts-keep-zeros.js';

/** Every migration, in order. Listed explicitly: no glob loading, so the build and jest agree. */
export const MIGRATIONS = [Backbone1763700000000, SituationPicture1763800000000, DevelopmentIndexes1763900000000, Measures1764000000000, DevelopmentChanges1764100000000, AccessConfirmation1764200000000, LoginThrottlePerEmail1764300000000, KeysetIndexes1764400000000, OneMechanism1764700000000, ScopedDevelopmentChanges1764800000000, Rapports1764900000000, Escalations1764950000000, Calendar1765000000000, ExtendedRapport1765100000000, Agenda1765200000000, Minutes1765300000000, MinutesPerItem1765400000000, Reminders1765500000000, MailDigest1765700000000, DevelopmentsReporterIndex1765810000000, RefreshTokenSuccessor1765820000000, SessionAccessNotify1765830000000, DevelopmentDayCounts1765850000000, BucketCountsKeepZeros1765860000000];
