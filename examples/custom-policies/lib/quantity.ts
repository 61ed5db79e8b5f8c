/**
 * Kubernetes resource quantities (`256Mi`, `1Gi`, `500M`, `1e3`), as the API server parses them
 * (k8s.io/apimachinery resource.Quantity): a signed decimal number and an optional suffix.
 */
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** True when `value` is a quantity the API server accepts (a string like `256Mi`, or a number). */
export function isQuantity(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && QUANTITY.test(value);
}
