import * as migration_20261127_130245_initial from './20261127_130245_initial';

export const migrations = [
  {
    up: migration_20261127_130245_initial.up,
    down: migration_20261127_130245_initial.down,
    name: '20261127_130245_initial'
  },
];
