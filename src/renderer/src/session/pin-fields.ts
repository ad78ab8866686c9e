// What the PIN forms share: a PIN field takes digits only, and the staff
// picker's value becomes the contract's staff id (none when nobody is picked).
export const digitsOnly = (value: string): string => value.replace(/\D/g, '');

export const staffIdValue = (value: string): number | undefined => Number(value) || undefined;
