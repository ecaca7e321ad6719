/** The widget's only way to complain: one prefixed warning, never an exception into the host page. */
export function warn(message: string): void {
  console.warn(`[plaudit] ${message}`);
}
