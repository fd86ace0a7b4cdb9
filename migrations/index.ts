import * as migration_20261127_130245_initial from './20261127_130245_initial';
import * as migration_20261127_135435_audit_outbox_notifications from './20261127_135435_audit_outbox_notifications';
import * as migration_20261127_140539_team_management from './20261127_140539_team_management';

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
];
