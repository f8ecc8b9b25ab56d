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

export interface OutgoingMailTable {
  id: Generated<number>;
  purpose: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  headers: Json<Record<string, string>>;
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

export interface DB {
  organisations: OrganisationsTable;
  organisation_profile: OrganisationProfileTable;
  bodies: BodiesTable;
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_links: SignInLinksTable;
  audit_log: AuditLogTable;
  outgoing_mail: OutgoingMailTable;
}
