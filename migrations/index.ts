import * as migration_20261127_130245_initial from './20261127_130245_initial';
import * as migration_20261127_135435_audit_outbox_notifications from './20261127_135435_audit_outbox_notifications';
import * as migration_20261127_140539_team_management from './20261127_140539_team_management';
import * as migration_20261127_144925_stripe_billing from './20261127_144925_stripe_billing';
import * as migration_20261127_145233_account_security from './20261127_145233_account_security';
import * as migration_20261127_145902_ticket_audits from './20261127_145902_ticket_audits';
import * as migration_20261201_093000_one_owner_per_organization from './20261201_093000_one_owner_per_organization';
import * as migration_20261201_100000_rate_limits from './20261201_100000_rate_limits';
import * as migration_20261201_100417_throttled_sign_in from './20261201_100417_throttled_sign_in';
import * as migration_20261201_120000_api_keys from './20261201_120000_api_keys';
import * as migration_20261201_125000_stripe_event_retry_action from './20261201_125000_stripe_event_retry_action';
import * as migration_20261201_130000_tax_id_verification from './20261201_130000_tax_id_verification';
import * as migration_20261201_140000_deliveries_claimed_by_row_lock from './20261201_140000_deliveries_claimed_by_row_lock';
import * as migration_20261201_150000_metering from './20261201_150000_metering';
import * as migration_20261201_160000_feedback from './20261201_160000_feedback';
import * as migration_20261201_170000_api_key_expiry_task from './20261201_170000_api_key_expiry_task';
import * as migration_20261201_180000_contract_terms from './20261201_180000_contract_terms';
import * as migration_20261202_010000_help_articles from './20261202_010000_help_articles';
import * as migration_20261202_011000_feedback_screenshots from './20261202_011000_feedback_screenshots';
import * as migration_20261202_020000_api_key_records_slug from './20261202_020000_api_key_records_slug';
import * as migration_20261202_030000_usage_budget_alerts from './20261202_030000_usage_budget_alerts';
import * as migration_20261203_010000_offline_payments from './20261203_010000_offline_payments';
import * as migration_20261203_020000_staff_two_factor from './20261203_020000_staff_two_factor';
import * as migration_20261204_020000_metering_daily from './20261204_020000_metering_daily';
import * as migration_20261205_010000_metering_versions from './20261205_010000_metering_versions';
import * as migration_20261206_010000_metering_key_collation from './20261206_010000_metering_key_collation';

export const migrations = [
  {
    up: migration_20261127_130245_initial.up,
    down: migration_20261127_130245_initial.down,
    name: '20261127_130245_initial',
  },
  {
    up: migration_20261127_135435_audit_outbox_notifications.up,
    down: migration_20261127_135435_audit_outbox_notifications.down,
    name: '20261127_135435_audit_outbox_notifications',
  },
  {
    up: migration_20261127_140539_team_management.up,
    down: migration_20261127_140539_team_management.down,
    name: '20261127_140539_team_management',
  },
  {
    up: migration_20261127_144925_stripe_billing.up,
    down: migration_20261127_144925_stripe_billing.down,
    name: '20261127_144925_stripe_billing',
  },
  {
    up: migration_20261127_145233_account_security.up,
    down: migration_20261127_145233_account_security.down,
    name: '20261127_145233_account_security',
  },
  {
    up: migration_20261127_145902_ticket_audits.up,
    down: migration_20261127_145902_ticket_audits.down,
    name: '20261127_145902_ticket_audits',
  },
  {
    up: migration_20261201_093000_one_owner_per_organization.up,
    down: migration_20261201_093000_one_owner_per_organization.down,
    name: '20261201_093000_one_owner_per_organization',
  },
  {
    up: migration_20261201_100000_rate_limits.up,
    down: migration_20261201_100000_rate_limits.down,
    name: '20261201_100000_rate_limits',
  },
  {
    up: migration_20261201_100417_throttled_sign_in.up,
    down: migration_20261201_100417_throttled_sign_in.down,
    name: '20261201_100417_throttled_sign_in'
  },
  {
    up: migration_20261201_120000_api_keys.up,
    down: migration_20261201_120000_api_keys.down,
    name: '20261201_120000_api_keys',
  },
  {
    up: migration_20261201_125000_stripe_event_retry_action.up,
    down: migration_20261201_125000_stripe_event_retry_action.down,
    name: '20261201_125000_stripe_event_retry_action',
  },
  {
    up: migration_20261201_130000_tax_id_verification.up,
    down: migration_20261201_130000_tax_id_verification.down,
    name: '20261201_130000_tax_id_verification',
  },
  {
    up: migration_20261201_140000_deliveries_claimed_by_row_lock.up,
    down: migration_20261201_140000_deliveries_claimed_by_row_lock.down,
    name: '20261201_140000_deliveries_claimed_by_row_lock',
  },
  {
    up: migration_20261201_150000_metering.up,
    down: migration_20261201_150000_metering.down,
    name: '20261201_150000_metering',
  },
  {
    up: migration_20261201_160000_feedback.up,
    down: migration_20261201_160000_feedback.down,
    name: '20261201_160000_feedback',
  },
  {
    up: migration_20261201_170000_api_key_expiry_task.up,
    down: migration_20261201_170000_api_key_expiry_task.down,
    name: '20261201_170000_api_key_expiry_task',
  },
  {
    up: migration_20261201_180000_contract_terms.up,
    down: migration_20261201_180000_contract_terms.down,
    name: '20261201_180000_contract_terms',
  },
  {
    up: migration_20261202_010000_help_articles.up,
    down: migration_20261202_010000_help_articles.down,
    name: '20261202_010000_help_articles',
  },
  {
    up: migration_20261202_011000_feedback_screenshots.up,
    down: migration_20261202_011000_feedback_screenshots.down,
    name: '20261202_011000_feedback_screenshots',
  },
  {
    up: migration_20261202_020000_api_key_records_slug.up,
    down: migration_20261202_020000_api_key_records_slug.down,
    name: '20261202_020000_api_key_records_slug',
  },
  {
    up: migration_20261202_030000_usage_budget_alerts.up,
    down: migration_20261202_030000_usage_budget_alerts.down,
    name: '20261202_030000_usage_budget_alerts',
  },
  {
    up: migration_20261203_010000_offline_payments.up,
    down: migration_20261203_010000_offline_payments.down,
    name: '20261203_010000_offline_payments',
  },
  {
    up: migration_20261203_020000_staff_two_factor.up,
    down: migration_20261203_020000_staff_two_factor.down,
    name: '20261203_020000_staff_two_factor',
  },
  {
    up: migration_20261204_020000_metering_daily.up,
    down: migration_20261204_020000_metering_daily.down,
    name: '20261204_020000_metering_daily',
  },
  {
    up: migration_20261205_010000_metering_versions.up,
    down: migration_20261205_010000_metering_versions.down,
    name: '20261205_010000_metering_versions',
  },
  {
    up: migration_20261206_010000_metering_key_collation.up,
    down: migration_20261206_010000_metering_key_collation.down,
    name: '20261206_010000_metering_key_collation',
  },
];
