import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request data that deep code needs without threading it through every call (audit, logs). */
export interface RequestContextData {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContextData>();

export function currentRequestId(): string | null {
  return requestContext.getStore()?.requestId ?? null;
}
