import type { ColumnType, Generated } from 'kysely';
import type { Translatable } from '../i18n/translatable.ts';

/**
 * The Kysely view of the tables. Keep in step with migrations/ (schema.sql is the generated
 * snapshot of the real shape).
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string, T | string>;

export interface OrganisationProfileTable {
  id: Generated<number>;
  name: Json<Translatable>;
  acronym: string;
  mission: Json<Translatable>;
  launched_year: number;
  association_year: number;
  hq_city: Json<Translatable>;
  hq_country: string;
  official_languages: string[];
  working_languages: string[];
  website: string | null;
  updated_at: Timestamp;
}

export interface BodiesTable {
  id: Generated<number>;
  slug: string;
  kind: 'general_assembly' | 'steering_committee' | 'advisors' | 'secretariat' | 'working_group';
  name: Json<Translatable>;
  description: Json<Translatable>;
  seats: number | null;
  meets: 'quarterly' | 'twice_a_year' | 'four_times_a_year' | 'yearly' | 'biennially' | null;
  position: Generated<number>;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: Generated<string>;
  password_hash: string | null;
  roles: Generated<string[]>;
  lang: Generated<string>;
  created_at: Timestamp;
  disabled_at: Date | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Date;
  last_seen_at: Timestamp;
}

export interface SignInLinksTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Date;
  used_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: Json<Record<string, unknown>>;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface OutgoingMailTable {
  id: Generated<number>;
  purpose: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  headers: Json<Record<string, string>>;
  /** Migration 0003: text attachments sent with the message. */
  attachments: ColumnType<MailAttachment[], MailAttachment[] | string | undefined, MailAttachment[] | string>;
  created_at: Timestamp;
  sent_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface OrganisationsTable {
  id: Generated<number>;
  slug: string;
  name: Json<Translatable>;
  dedup_key: string;
  kind: Generated<'local_government' | 'sse_network' | 'international_organisation' | 'research' | 'enterprise' | 'public_agency' | 'other'>;
  city: string | null;
  country: string | null;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgrammeEventsTable {
  event_slug: string;
  title: Json<Translatable>;
  starts_on: ColumnType<string | null, string | null | undefined, string | null>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ProgrammeDaysTable {
  id: Generated<number>;
  event_slug: string;
  position: number;
  date: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ProgrammeSessionsTable {
  id: Generated<number>;
  event_slug: string;
  day_id: number | null;
  code: string;
  position: number;
}

export interface ProgrammeWorkshopsTable {
  id: Generated<number>;
  event_slug: string;
  session_id: number;
  code: string;
  title: Json<Translatable>;
  position: number;
}

export interface InitiativeThemesTable {
  slug: string;
  name: Json<Translatable>;
  sdgs: Generated<number[]>;
  position: number;
}

export interface InitiativePresenter {
  name: string;
  role: string | null;
  organisation: string | null;
  url: string | null;
}

export interface InitiativesTable {
  id: Generated<number>;
  slug: string;
  event_slug: string;
  dedup_key: string;
  code: string;
  kind: Generated<'initiative' | 'thematic_workshop'>;
  workshop_id: number | null;
  title: Json<Translatable>;
  summary: Json<Translatable> | null;
  organisation_id: number | null;
  city: string | null;
  subregion: string | null;
  country: string | null;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  presenters: Json<InitiativePresenter[]>;
  links: Generated<string[]>;
  themes: Generated<string[]>;
  sdgs: Generated<number[]>;
  source_line: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DB {
  calls: CallsTable;
  call_questions: CallQuestionsTable;
  submissions: SubmissionsTable;
  submission_files: SubmissionFilesTable;
  call_score_categories: CallScoreCategoriesTable;
  reviews: ReviewsTable;
  call_review_phases: CallReviewPhasesTable;
  call_reviewers: CallReviewersTable;
  review_assignments: ReviewAssignmentsTable;
  images: ImagesTable;
  image_variants: ImageVariantsTable;
  site_settings: SiteSettingsTable;
  activity_series: ActivitySeriesTable;
  activities: ActivitiesTable;
  activity_organisations: ActivityOrganisationsTable;
  activity_resources: ActivityResourcesTable;
  activity_relations: ActivityRelationsTable;
  registrations: RegistrationsTable;
  members: MembersTable;
  people: PeopleTable;
  member_contacts: MemberContactsTable;
  member_profile_changes: MemberProfileChangesTable;
  member_space_settings: MemberSpaceSettingsTable;
  mandates: MandatesTable;
  meetings: MeetingsTable;
  meeting_agenda_items: MeetingAgendaItemsTable;
  meeting_attachments: MeetingAttachmentsTable;
  meeting_decisions: MeetingDecisionsTable;
  membership_applications: MembershipApplicationsTable;
  file_sweep_candidates: FileSweepCandidatesTable;
  rate_limit_counts: RateLimitCountsTable;
  backup_runs: BackupRunsTable;
  application_documents: ApplicationDocumentsTable;
  application_comments: ApplicationCommentsTable;
  membership_events: MembershipEventsTable;
  membership_targets: MembershipTargetsTable;
  organisations: OrganisationsTable;
  organisation_profile: OrganisationProfileTable;
  bodies: BodiesTable;
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_links: SignInLinksTable;
  audit_log: AuditLogTable;
  outgoing_mail: OutgoingMailTable;
  programme_events: ProgrammeEventsTable;
  programme_days: ProgrammeDaysTable;
  programme_sessions: ProgrammeSessionsTable;
  programme_workshops: ProgrammeWorkshopsTable;
  initiative_themes: InitiativeThemesTable;
  initiatives: InitiativesTable;
  subscribers: SubscribersTable;
  subscriber_links: SubscriberLinksTable;
  news_items: NewsItemsTable;
  news_reviews: NewsReviewsTable;
  resources: ResourcesTable;
  resource_publishers: ResourcePublishersTable;
  resource_files: ResourceFilesTable;
}

// Members and governance (migration 0100).
export type Contacts = Record<string, { name?: string; email?: string; phone?: string; title?: string }>;

export interface MembersTable {
  id: Generated<number>;
  slug: string;
  organisation_id: number;
  kind: 'local_government' | 'sse_network' | 'other_organisation' | 'honorary' | 'partner';
  category: string;
  status: 'applicant' | 'active' | 'suspended' | 'withdrawn' | 'disqualified';
  joined_on: ColumnType<string | null, string | null | undefined, string | null>;
  fee_status: 'pending' | 'paid' | 'waived' | null;
  description: Json<Translatable> | null;
  logo_key: string | null;
  contacts: ColumnType<Contacts, Contacts | string | undefined, Contacts | string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  logo_image_id: number | null;
}

export interface MemberContactsTable {
  user_id: number;
  member_id: number;
  invited_by: number | null;
  created_at: Generated<Date>;
}

/** What a contact proposes for the public profile. */
export interface ProposedProfile {
  description?: { lang: string; text: string };
  website?: string;
}

export interface MemberProfileChangesTable {
  id: Generated<number>;
  member_id: number;
  proposed: Json<ProposedProfile>;
  proposed_by: number | null;
  status: Generated<'pending' | 'published' | 'rejected'>;
  decided_by: number | null;
  decided_at: Date | null;
  created_at: Generated<Date>;
}

export interface MemberSpaceSettingsTable {
  id: Generated<boolean>;
  review_public_edits: Generated<boolean>;
}

export interface PeopleTable {
  id: Generated<number>;
  slug: string;
  name: string;
  title: Json<Translatable> | null;
  grammatical_form: ColumnType<GrammaticalForm | null, GrammaticalForm | null | undefined, GrammaticalForm | null>;
}

/** The form a role title takes for its holder (French and Spanish agree in gender). */
export type GrammaticalForm = 'feminine' | 'masculine' | 'neutral';

export interface MandatesTable {
  id: Generated<number>;
  body_id: number;
  member_id: number | null;
  person_id: number | null;
  role: string;
  region: string | null;
  starts_on: ColumnType<string | null, string | null | undefined, string | null>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  position: Generated<number>;
  holder_form: ColumnType<GrammaticalForm | null, GrammaticalForm | null | undefined, GrammaticalForm | null>;
}

export interface MeetingsTable {
  id: Generated<number>;
  slug: string;
  body_id: number;
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string, string, string>;
  date_precision: Generated<'day' | 'week' | 'month'>;
  format: 'online' | 'in_person' | 'hybrid';
  city: string | null;
  country: string | null;
  published: Generated<boolean>;
  summary: Json<Translatable> | null;
  summary_published: Generated<boolean>;
  minutes: string | null;
  created_at: Timestamp;
}

export interface MeetingAgendaItemsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  title: Json<Translatable>;
}

export interface MeetingAttachmentsTable {
  id: Generated<number>;
  meeting_id: number;
  file_key: string;
  file_name: string;
  mime: string;
  size: number;
  public: Generated<boolean>;
  uploaded_by: number | null;
  created_at: Timestamp;
}

export interface MeetingDecisionsTable {
  id: Generated<number>;
  meeting_id: number;
  kind: 'membership' | 'budget' | 'strategy' | 'other';
  outcome: 'approved' | 'rejected' | 'deferred' | null;
  method: 'vote' | 'consensus';
  votes_for: number | null;
  votes_against: number | null;
  abstentions: number | null;
  application_id: number | null;
  member_id: number | null;
  note: Generated<string>;
  recorded_by: number | null;
  created_at: Timestamp;
}

export interface MembershipApplicationsTable {
  id: Generated<number>;
  token_hash: string;
  status: Generated<'draft' | 'submitted' | 'needs_information' | 'recommended' | 'not_recommended' | 'approved' | 'rejected' | 'deferred'>;
  lang: string;
  email: string;
  organisation_name: string;
  name_key: string;
  kind: 'local_government' | 'sse_network' | 'other_organisation' | null;
  category: string | null;
  country: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  contacts: ColumnType<Contacts, Contacts | string | undefined, Contacts | string>;
  signatory_name: string | null;
  signatory_title: string | null;
  sse_situation: string | null;
  duplicate_member_id: number | null;
  duplicate_application_id: number | null;
  member_id: number | null;
  submitted_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** SHA-256 of the address the draft was started from (quota per address, migration 0610). */
  created_from: string | null;
}

export interface FileSweepCandidatesTable {
  file_key: string;
  seen_at: Timestamp;
}

export interface RateLimitCountsTable {
  key: string;
  count: number;
  expires_at: Timestamp;
}

/** One scheduled backup run (migration 0720); bigint columns come back as strings. */
export interface BackupRunsTable {
  id: Generated<number>;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  file: string | null;
  bytes: ColumnType<string | null, number | null | undefined, number | null>;
  rows: ColumnType<string | null, number | null | undefined, number | null>;
  files: number | null;
  error: string | null;
}

export interface ApplicationDocumentsTable {
  id: Generated<number>;
  application_id: number;
  file_key: string;
  file_name: string;
  mime: string;
  size: number;
  created_at: Timestamp;
}

export interface ApplicationCommentsTable {
  id: Generated<number>;
  application_id: number;
  author_id: number | null;
  body: string;
  created_at: Timestamp;
}

export interface MembershipEventsTable {
  id: Generated<number>;
  application_id: number | null;
  member_id: number | null;
  action: string;
  status: 'applicant' | 'active' | 'suspended' | 'withdrawn' | 'disqualified' | null;
  effective_on: ColumnType<string | null, string | null | undefined, string | null>;
  reason: Generated<string>;
  actor_id: number | null;
  at: Timestamp;
  decision_id: Generated<number | null>;
}

export interface MembershipTargetsTable {
  id: Generated<number>;
  baseline: number;
  target: number;
  deadline: ColumnType<string, string, string>;
  set_by: number | null;
  created_at: Timestamp;
}

type DateString = ColumnType<string, string, string>;

export interface ActivitySeriesTable {
  id: Generated<number>;
  slug: string;
  type: string;
  title: Json<Translatable>;
  description: ColumnType<Translatable, Translatable | string | undefined, Translatable | string>;
  region: string | null;
  position: Generated<number>;
}

export interface ActivitiesTable {
  id: Generated<number>;
  slug: string;
  uid: string;
  sequence: Generated<number>;
  type: string;
  parent_id: number | null;
  series_id: number | null;
  edition: number | null;
  title: Json<Translatable>;
  summary: Json<Translatable>;
  body: ColumnType<Translatable, Translatable | string | undefined, Translatable | string>;
  start_date: DateString;
  end_date: DateString;
  date_precision: Generated<'day' | 'month' | 'year'>;
  tentative: Generated<boolean>;
  format: Generated<'online' | 'in-person' | 'hybrid'>;
  city: string | null;
  country: string | null;
  region: string | null;
  venue: string | null;
  participants: number | null;
  countries_count: number | null;
  themes: Generated<string[]>;
  speakers: Generated<string[]>;
  registration_open: Generated<boolean>;
  capacity: number | null;
  waiting_list: Generated<boolean>;
  registration_closes: DateString | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  photo_image_id: number | null;
}

export interface ActivityOrganisationsTable {
  activity_id: number;
  organisation_id: number;
  role: 'organiser' | 'partner';
  position: Generated<number>;
}

export interface ActivityResourcesTable {
  id: Generated<number>;
  activity_id: number;
  kind: string;
  title: Json<Translatable>;
  url: string | null;
  position: Generated<number>;
}

export interface ActivityRelationsTable {
  activity_id: number;
  related_id: number;
}

export interface RegistrationsTable {
  id: Generated<number>;
  activity_id: number;
  email: string;
  name: string;
  organisation: string | null;
  lang: string;
  /** 'pending': the address is not confirmed yet (migration 0230); such a row holds no seat. */
  status: 'pending' | 'confirmed' | 'waiting' | 'cancelled';
  cancel_token_hash: string;
  confirm_token_hash: string | null;
  confirm_by: Timestamp | null;
  attended: boolean | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// Subscribers and news (migration 0500).
export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed' | 'suspended';
export interface Consent {
  at: string;
  method: 'form' | 'import' | 'footer';
  /** The consent sentence exactly as shown (or, for an import, the editor's statement). */
  text: string;
  lang: string;
  /** The page the form was on, or where an imported list's consent was obtained. */
  source: string;
}

export interface SubscriberLinksTable {
  token_hash: string;
  subscriber_id: number;
  created_at: Generated<Timestamp>;
}

export interface SubscribersTable {
  id: Generated<number>;
  email: string;
  lang: string;
  topics: Generated<string[]>;
  status: Generated<SubscriberStatus>;
  confirm_token_hash: string | null;
  confirm_sent_at: Date | null;
  confirm_sends: Generated<number>;
  consent: Json<Consent>;
  confirmed_at: Date | null;
  unsubscribed_at: Date | null;
  suspended_at: Date | null;
  suspended_reason: 'bounce_permanent' | 'bounce_repeated' | 'editor' | null;
  bounce_count: Generated<number>;
  last_bounce_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type NewsStatus = 'submitted' | 'changes_requested' | 'accepted' | 'declined';
export interface NewsItemsTable {
  id: Generated<number>;
  slug: string;
  kind: Generated<'news' | 'announcement'>;
  title: Json<Translatable>;
  summary: Json<Translatable>;
  body: ColumnType<Translatable, Translatable | string | undefined, Translatable | string>;
  image_key: string | null;
  image_mime: string | null;
  image_alt: ColumnType<Translatable, Translatable | string | undefined, Translatable | string>;
  link: string | null;
  source_lang: string;
  status: Generated<NewsStatus>;
  submitted_by: number | null;
  published_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  image_id: number | null;
}

export interface NewsReviewsTable {
  id: Generated<number>;
  news_id: number;
  reviewer_id: number | null;
  action: 'submitted' | 'resubmitted' | 'changes_requested' | 'accepted' | 'declined' | 'comment';
  comment: Generated<string>;
  at: Timestamp;
}

// The library (migration 0450).
export interface ResourcesTable {
  id: Generated<number>;
  slug: string;
  type: string;
  title: Json<Translatable>;
  summary: ColumnType<Translatable | null, Translatable | string | null | undefined, Translatable | string | null>;
  languages: Generated<string[]>;
  published_on: ColumnType<string | null, string | null | undefined, string | null>;
  date_precision: Generated<'day' | 'month' | 'year'>;
  authors: Generated<string[]>;
  themes: Generated<string[]>;
  activity_id: number | null;
  member_id: number | null;
  initiative_id: number | null;
  visibility: Generated<'public' | 'members'>;
  external_url: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ResourcePublishersTable {
  resource_id: number;
  organisation_id: number;
  position: Generated<number>;
}

export interface ResourceFilesTable {
  id: Generated<number>;
  resource_id: number;
  file_key: string;
  file_name: string;
  mime: string;
  size: number;
  lang: string | null;
  sha256: string;
  extraction: Generated<'pending' | 'done' | 'failed' | 'none'>;
  extracted_text: string | null;
  extraction_error: string | null;
  extracted_at: Date | null;
  downloads: Generated<number>;
  uploaded_by: number | null;
  created_at: Timestamp;
}

export type ImageFormat = 'avif' | 'webp' | 'jpeg' | 'png';

export interface ImagesTable {
  id: Generated<number>;
  width: number;
  height: number;
  alt: Json<Translatable>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ImageVariantsTable {
  image_id: number;
  format: ImageFormat;
  width: number;
  height: number;
  bytes: number;
  file_key: string;
}

export interface SiteSettingsTable {
  id: number;
  short_name: string;
  brand_colour: string | null;
  accent_colour: string | null;
  logo_image_id: number | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

// Calls for initiatives (migration 0900).
export type CallState = 'draft' | 'open' | 'closed' | 'in_review' | 'decided' | 'published';
export type SubmissionDecision = 'accepted' | 'waitlisted' | 'rejected';
type Numeric = ColumnType<string, number | string, number | string>;

export interface CallsTable {
  id: Generated<number>;
  slug: string;
  activity_id: number | null;
  event_slug: string;
  title: Json<Translatable>;
  body: Json<Translatable> | null;
  state: Generated<CallState>;
  opens_at: Date | null;
  closes_at: Date | null;
  time_zone: Generated<string>;
  themes: Generated<string[]>;
  languages: Generated<string[]>;
  attachment_types: Generated<string[]>;
  attachment_max_bytes: Generated<number>;
  max_attachments: Generated<number>;
  received_count_reported: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CallChoice {
  value: string;
  label: Translatable;
}

export interface CallQuestionsTable {
  id: Generated<number>;
  call_id: number;
  position: number;
  kind: 'text' | 'choice' | 'number';
  label: Json<Translatable>;
  required: Generated<boolean>;
  max_length: number | null;
  min_value: Numeric | null;
  max_value: Numeric | null;
  choices: ColumnType<CallChoice[], CallChoice[] | string | undefined, CallChoice[] | string>;
}

export interface SubmissionPresenter {
  name: string;
  organisation?: string;
  role?: string;
}

export interface SubmissionsTable {
  id: Generated<number>;
  call_id: number;
  token_hash: string;
  state: Generated<'draft' | 'submitted' | 'withdrawn'>;
  lang: string;
  source_lang: string | null;
  email: string;
  title: Json<Translatable> | null;
  summary: Json<Translatable> | null;
  organisation_id: number | null;
  organisation_name: string | null;
  city: string | null;
  country: string | null;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  presenters: ColumnType<SubmissionPresenter[], SubmissionPresenter[] | string | undefined, SubmissionPresenter[] | string>;
  themes: Generated<string[]>;
  links: Generated<string[]>;
  answers: ColumnType<Record<string, string | number>, Record<string, string | number> | string | undefined, Record<string, string | number> | string>;
  dedup_key: string | null;
  possible_duplicate_of: number | null;
  imported: Generated<boolean>;
  submitted_at: Date | null;
  withdrawn_at: Date | null;
  decision: SubmissionDecision | null;
  decision_released_at: Date | null;
  workshop_id: number | null;
  code: string | null;
  initiative_id: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SubmissionFilesTable {
  id: Generated<number>;
  submission_id: number;
  file_key: string;
  file_name: string;
  mime: string;
  size: number;
  /** addressKey() of the connection that sent it (migration 0941); null for rows written by staff or tests. */
  uploaded_from: string | null;
  created_at: Timestamp;
}

export interface CallScoreCategoriesTable {
  id: Generated<number>;
  call_id: number;
  position: number;
  label: Json<Translatable>;
  weight: ColumnType<string, number | string | undefined, number | string>;
  required: Generated<boolean>;
  min_score: Generated<number>;
  max_score: Generated<number>;
}

export interface ReviewsTable {
  id: Generated<number>;
  submission_id: number;
  reviewer_id: number;
  scores: ColumnType<Record<string, number>, Record<string, number> | string | undefined, Record<string, number> | string>;
  total: Numeric | null;
  comment: string | null;
  proposed_decision: SubmissionDecision | null;
  submitted_at: Date | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CallReviewPhasesTable {
  id: Generated<number>;
  call_id: number;
  name: string;
  opens_at: Timestamp;
  closes_at: Timestamp;
  reviewers_see_names: Generated<boolean>;
  others_reviews: Generated<'never' | 'after_own' | 'always'>;
}

export interface CallReviewersTable {
  call_id: number;
  user_id: number;
  languages: string[];
  cap: Generated<number>;
  organisation_name: string | null;
  city: string | null;
  country: string | null;
  conflict_organisations: Generated<string[]>;
  conflict_submissions: Generated<number[]>;
  invited_by: number | null;
  invited_at: Timestamp;
}

export interface ReviewAssignmentsTable {
  call_id: number;
  submission_id: number;
  reviewer_id: number;
  automatic: boolean;
  created_at: Timestamp;
}
