// What other screens may use of backups: Settings holds the backup section, and the app starts behind the recovery gate.
export { BackupSettings } from './BackupSettings';
export { readRecoveryStatus, RecoveryGate } from './RecoveryGate';
export { exportTableName } from './export-progress-text';
