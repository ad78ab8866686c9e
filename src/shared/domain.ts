// Vocabulary of the repair desk shared by main, preload and renderer.
// Every id here is stable: it is stored in the database and translated for display.

export const DEVICE_TYPES = ['phone', 'tablet', 'laptop', 'desktop', 'monitor', 'printer', 'console', 'other'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

export const ACCESSORIES = ['charger', 'cable', 'battery', 'bag', 'case', 'sim_card', 'memory_card', 'stylus', 'keyboard', 'mouse', 'box'] as const;
export type Accessory = (typeof ACCESSORIES)[number];

const COMMON_CONDITION = ['housing_scratched', 'housing_dented', 'buttons_faulty', 'ports_damaged', 'water_damage', 'missing_screws'] as const;

/** The visible-condition checklist offered for each device type. */
export const CONDITION_CHECKS: Record<DeviceType, readonly string[]> = {
  phone: ['screen_cracked', 'screen_scratched', 'back_cracked', 'camera_damaged', ...COMMON_CONDITION],
  tablet: ['screen_cracked', 'screen_scratched', 'camera_damaged', ...COMMON_CONDITION],
  laptop: ['screen_cracked', 'screen_scratched', 'keys_missing', 'hinge_loose', 'battery_swollen', ...COMMON_CONDITION],
  desktop: ['case_damaged', 'ports_damaged', 'missing_screws', 'water_damage'],
  monitor: ['screen_cracked', 'screen_scratched', 'stand_damaged', 'buttons_faulty', 'ports_damaged'],
  printer: ['housing_scratched', 'housing_dented', 'tray_damaged', 'buttons_faulty', 'ports_damaged'],
  console: ['housing_scratched', 'housing_dented', 'buttons_faulty', 'ports_damaged', 'water_damage'],
  other: [...COMMON_CONDITION],
};

export const ALL_CONDITION_CHECKS = [...new Set(Object.values(CONDITION_CHECKS).flat())];

/** The customer's answer to "are there files, software or accounts to keep?" */
export const DATA_ANSWERS = ['has_backup', 'nothing_to_keep', 'shop_backup', 'accepts_loss'] as const;
export type DataAnswer = (typeof DATA_ANSWERS)[number];

export const STAFF_ROLES = ['clerk', 'technician', 'manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const TICKET_STATUSES = [
  'received',
  'diagnosing',
  'awaiting_approval',
  'approved',
  'declined',
  'awaiting_parts',
  'in_repair',
  'at_manufacturer',
  'back_from_manufacturer',
  'testing',
  'ready',
  'collected',
  'unrepairable',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const WARRANTY_STATUSES = ['in_warranty', 'out_of_warranty'] as const;
export type WarrantyStatus = (typeof WARRANTY_STATUSES)[number];

/** Why the warranty status is what it is; printed on the intake form. */
export const WARRANTY_BASES = ['proof_within_period', 'proof_expired', 'no_proof', 'no_purchase_date'] as const;
export type WarrantyBasis = (typeof WARRANTY_BASES)[number];

export const PASSCODE_KINDS = ['pin', 'pattern'] as const;
export type PasscodeKind = (typeof PASSCODE_KINDS)[number];

/** How money is taken at the counter: a deposit at intake, a payment or refund at collection. */
export const PAYMENT_METHODS = ['cash', 'card', 'wechat', 'alipay'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Limits shared by the form and by validation in main. */
export const LIMITS = {
  nameMax: 100,
  phoneDigitsMin: 5,
  phoneDigitsMax: 15,
  shortTextMax: 100,
  addressMax: 300,
  notesMax: 2000,
  faultMax: 2000,
  devicesPerIntake: 10,
  /** Highest amount accepted for an estimate or deposit, in minor units (1,000,000.00). */
  moneyMaxMinor: 100_000_000,
  passcodeMax: 64,
} as const;
