/** Decimal places of a currency's minor unit (USD 2, JPY 0, …), as Intl (ISO 4217) knows them. */
export function minorUnitDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** `499, 'usd'` → `$4.99`; `500, 'jpy'` → `¥500`; an unknown code → `4.99 XYZ`. */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const value = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(value);
  } catch {
    return `${value.toFixed(digits)} ${currency.toUpperCase()}`;
  }
}
