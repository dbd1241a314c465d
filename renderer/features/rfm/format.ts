const money = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** Revenue and averages: orders may be in several currencies, so amounts carry no currency sign. */
export const formatMoney = (value: number | null): string => (value === null ? '–' : money.format(value));
export const formatWhole = (value: number): string => whole.format(value);
export const formatShare = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);
