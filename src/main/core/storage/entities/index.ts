// Every table the migrations create, as an entity schema, one file per aggregate.
// Left out on purpose, as the engine's own or the search's machinery rather than
// the shop's data (tests/unit/entity-schemas.test.ts holds the same list):
// - migrations (TypeORM's record of applied migrations) and sqlite_sequence (SQLite's AUTOINCREMENT counters);
// - customer_fts and device_fts, SQLite's FTS5 indexes, with their shadow tables (_config, _data, _docsize, _idx);
// - customer_name_gram, the name trigrams of a customer lookup, and search_position, the numbers they are cut with.
// The schema itself always comes from the migrations (never synchronize).
import { AuditEntryEntity, BackupRunEntity, HistoryLinkEntity } from './bookkeeping';
import {
  ComplaintEntity,
  ComplaintStepEntity,
  ContactMessageEntity,
  FollowUpCallEntity,
  FollowUpStateEntity,
  ManufacturerTripEntity,
  NotificationEntity,
} from './care';
import { CustomerChangeEntity, CustomerEntity, CustomerMergeEntity, DeviceEntity, DeviceModelEntity } from './customers';
import {
  FiguresDayCallsEntity,
  FiguresDayCollectedEntity,
  FiguresDayFinishedEntity,
  FiguresDayIntakeEntity,
  FiguresDayPartsEntity,
  FiguresDayPaymentEntity,
  FiguresDayResponseEntity,
  FiguresDayTechnicianScoresEntity,
} from './figures';
import { CollectionEntity, DayCloseEntity, PaymentEntity } from './money';
import { ApprovalEntity, DiagnosisEntity, LoanEntity, LoanerEntity, QuoteEntity, QuoteLineEntity, RepairTestEntity } from './repair';
import { DeskMetaEntity, DeskWriteEntity, SettingEntity } from './settings';
import { StaffEntity } from './staff';
import { FeeItemEntity, OldPartHandbackEntity, PartEntity, StockMoveEntity } from './stock';
import { IntakeDraftEntity, TicketDayCounterEntity, TicketEntity, TicketEventEntity } from './tickets';

export const ALL_ENTITIES = [
  StaffEntity,
  CustomerEntity,
  DeviceEntity,
  TicketEntity,
  TicketEventEntity,
  SettingEntity,
  TicketDayCounterEntity,
  CustomerChangeEntity,
  CustomerMergeEntity,
  DeviceModelEntity,
  IntakeDraftEntity,
  DeskMetaEntity,
  DeskWriteEntity,
  PaymentEntity,
  CollectionEntity,
  DayCloseEntity,
  PartEntity,
  StockMoveEntity,
  FeeItemEntity,
  OldPartHandbackEntity,
  DiagnosisEntity,
  QuoteEntity,
  QuoteLineEntity,
  RepairTestEntity,
  ApprovalEntity,
  LoanerEntity,
  LoanEntity,
  FollowUpCallEntity,
  FollowUpStateEntity,
  ComplaintEntity,
  ComplaintStepEntity,
  ManufacturerTripEntity,
  ContactMessageEntity,
  NotificationEntity,
  FiguresDayCallsEntity,
  FiguresDayCollectedEntity,
  FiguresDayFinishedEntity,
  FiguresDayIntakeEntity,
  FiguresDayPartsEntity,
  FiguresDayPaymentEntity,
  FiguresDayResponseEntity,
  FiguresDayTechnicianScoresEntity,
  AuditEntryEntity,
  HistoryLinkEntity,
  BackupRunEntity,
];
