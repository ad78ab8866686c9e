// The stored day totals the shop's figures are read from (one row per day and
// grouping key, kept up to date by the write that changes them).
import { EntitySchema } from 'typeorm';
import { integer } from './columns';
import type { PaymentKind } from '../../../../shared/collection-contract';
import type { PaymentMethod } from '../../../../shared/domain';

export interface FiguresDayCallsRow {
  day: string;
  calls: number;
  reached: number;
  qualitySum: number;
  qualityCount: number;
  attitudeSum: number;
  attitudeCount: number;
}

export const FiguresDayCallsEntity = new EntitySchema<FiguresDayCallsRow>({
  name: 'FiguresDayCalls',
  tableName: 'figures_day_calls',
  columns: {
    day: { type: 'text', primary: true },
    calls: integer,
    reached: integer,
    qualitySum: { ...integer, name: 'quality_sum' },
    qualityCount: { ...integer, name: 'quality_count' },
    attitudeSum: { ...integer, name: 'attitude_sum' },
    attitudeCount: { ...integer, name: 'attitude_count' },
  },
});

export interface FiguresDayCollectedRow {
  day: string;
  collected: number;
  labourMinor: number;
  partsMinor: number;
  diagnosisMinor: number;
  discountMinor: number;
}

export const FiguresDayCollectedEntity = new EntitySchema<FiguresDayCollectedRow>({
  name: 'FiguresDayCollected',
  tableName: 'figures_day_collected',
  columns: {
    day: { type: 'text', primary: true },
    collected: integer,
    labourMinor: { ...integer, name: 'labour_minor' },
    partsMinor: { ...integer, name: 'parts_minor' },
    diagnosisMinor: { ...integer, name: 'diagnosis_minor' },
    discountMinor: { ...integer, name: 'discount_minor' },
  },
});

export interface FiguresDayFinishedRow {
  dayOut: string;
  dayIn: string;
  technicianId: number;
  repairClass: string;
  finished: number;
  within24h: number;
  labourMinor: number;
  partsMinor: number;
  boughtQty: number;
  boughtCostMinor: number;
  boughtChargedMinor: number;
}

export const FiguresDayFinishedEntity = new EntitySchema<FiguresDayFinishedRow>({
  name: 'FiguresDayFinished',
  tableName: 'figures_day_finished',
  columns: {
    dayOut: { type: 'text', primary: true, name: 'day_out' },
    dayIn: { type: 'text', primary: true, name: 'day_in' },
    technicianId: { type: 'integer', primary: true, name: 'technician_id' },
    repairClass: { type: 'text', primary: true, name: 'repair_class' },
    finished: integer,
    within24h: { ...integer, name: 'within_24h' },
    labourMinor: { ...integer, name: 'labour_minor' },
    partsMinor: { ...integer, name: 'parts_minor' },
    boughtQty: { ...integer, name: 'bought_qty' },
    boughtCostMinor: { ...integer, name: 'bought_cost_minor' },
    boughtChargedMinor: { ...integer, name: 'bought_charged_minor' },
  },
});

export interface FiguresDayIntakeRow {
  day: string;
  depositMethod: string;
  tickets: number;
  deposits: number;
  depositMinor: number;
}

export const FiguresDayIntakeEntity = new EntitySchema<FiguresDayIntakeRow>({
  name: 'FiguresDayIntake',
  tableName: 'figures_day_intake',
  columns: {
    day: { type: 'text', primary: true },
    depositMethod: { type: 'text', primary: true, name: 'deposit_method' },
    tickets: integer,
    deposits: integer,
    depositMinor: { ...integer, name: 'deposit_minor' },
  },
});

export interface FiguresDayPartsRow {
  day: string;
  partId: number;
  qty: number;
  costMinor: number;
  chargedMinor: number;
}

export const FiguresDayPartsEntity = new EntitySchema<FiguresDayPartsRow>({
  name: 'FiguresDayParts',
  tableName: 'figures_day_parts',
  columns: {
    day: { type: 'text', primary: true },
    partId: { type: 'integer', primary: true, name: 'part_id' },
    qty: integer,
    costMinor: { ...integer, name: 'cost_minor' },
    chargedMinor: { ...integer, name: 'charged_minor' },
  },
});

export interface FiguresDayPaymentRow {
  day: string;
  voidDay: string;
  method: PaymentMethod;
  kind: PaymentKind;
  count: number;
  amountMinor: number;
}

export const FiguresDayPaymentEntity = new EntitySchema<FiguresDayPaymentRow>({
  name: 'FiguresDayPayment',
  tableName: 'figures_day_payment',
  columns: {
    day: { type: 'text', primary: true },
    voidDay: { type: 'text', primary: true, name: 'void_day' },
    method: { type: 'text', primary: true },
    kind: { type: 'text', primary: true },
    count: integer,
    amountMinor: { ...integer, name: 'amount_minor' },
  },
});

export interface FiguresDayResponseRow {
  day: string;
  severity: number;
  tickets: number;
  responded: number;
  within10: number;
  within30: number;
  responseMs: number;
}

export const FiguresDayResponseEntity = new EntitySchema<FiguresDayResponseRow>({
  name: 'FiguresDayResponse',
  tableName: 'figures_day_response',
  columns: {
    day: { type: 'text', primary: true },
    severity: { type: 'integer', primary: true },
    tickets: integer,
    responded: integer,
    within10: { ...integer, name: 'within_10' },
    within30: { ...integer, name: 'within_30' },
    responseMs: { ...integer, name: 'response_ms' },
  },
});

export interface FiguresDayTechnicianScoresRow {
  day: string;
  technicianId: number;
  qualitySum: number;
  qualityCount: number;
}

export const FiguresDayTechnicianScoresEntity = new EntitySchema<FiguresDayTechnicianScoresRow>({
  name: 'FiguresDayTechnicianScores',
  tableName: 'figures_day_technician_scores',
  columns: {
    day: { type: 'text', primary: true },
    technicianId: { type: 'integer', primary: true, name: 'technician_id' },
    qualitySum: { ...integer, name: 'quality_sum' },
    qualityCount: { ...integer, name: 'quality_count' },
  },
});
