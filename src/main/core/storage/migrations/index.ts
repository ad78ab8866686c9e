import { InitialSchema1763856000000 } from './0001-initial-schema';
import { RepairWorkflow1764201600000 } from './0002-repair-workflow';
import { Collection1764288000000 } from './0003-collection';
import { DepositMethod1764374400000 } from './0004-deposit-method';
import { DataSafety1764547200000 } from './0006-data-safety';
import { CustomerCare1764633600000 } from './0007-customer-care';
import { ShopFigures1764720000000 } from './0008-shop-figures';
import { CounterDefects1764806400000 } from './0009-counter-defects';
import { FastLookups1764892800000 } from './0010-fast-lookups';
import { TrustedRecord1764979200000 } from './0011-trusted-record';
import { FollowUpState1765065600000 } from './0012-follow-up-state';
import { OldPartHandback1765152000000 } from './0013-old-part-handback';
import { WordsAsData1765238400000 } from './0014-words-as-data';
import { FiguresDays1765324800000 } from './0015-figures-days';
import { FiguresDaysMoney1765411200000 } from './0016-figures-days-money';
import { StockNotesAsData1765670400000 } from './0019-stock-notes-as-data';
import { BoughtInPartLines1765756800000 } from './0020-bought-in-part-lines';
import { FiguresBoughtParts1765843200000 } from './0021-figures-bought-parts';
import { FiguresTechnicianScores1765929600000 } from './0022-figures-technician-scores';
import { FiguresDaysAddOnInsert1766016000000 } from './0023-figures-days-add-on-insert';

/** Every migration, oldest first. Append; never edit one that has shipped. */
export const MIGRATIONS = [
  InitialSchema1763856000000,
  RepairWorkflow1764201600000,
  Collection1764288000000,
  DepositMethod1764374400000,
  DataSafety1764547200000,
  CustomerCare1764633600000,
  ShopFigures1764720000000,
  CounterDefects1764806400000,
  FastLookups1764892800000,
  TrustedRecord1764979200000,
  FollowUpState1765065600000,
  OldPartHandback1765152000000,
  WordsAsData1765238400000,
  FiguresDays1765324800000,
  FiguresDaysMoney1765411200000,
  StockNotesAsData1765670400000,
  BoughtInPartLines1765756800000,
  FiguresBoughtParts1765843200000,
  FiguresTechnicianScores1765929600000,
  FiguresDaysAddOnInsert1766016000000,
];
